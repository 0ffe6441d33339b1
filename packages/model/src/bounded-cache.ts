/**
 * A least-recently-used map bounded by the size of what it holds, not by its number of entries: the one
 * rule for the build's caches (diagram layouts, drawn SVG), so memory stays flat as catalogs grow, whatever
 * the size of each entry. `sizeOf` estimates an entry's bytes; an entry larger than the whole bound is not
 * kept at all.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private held = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value, marked as the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value without marking it as used. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxBytes) return;
    this.entries.set(key, { value, size });
    this.held += size;
    for (const [oldest, entry] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.held -= entry.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The estimated bytes held. */
  get bytes(): number {
    return this.held;
  }

  /** Every entry, least recently used first. */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (const [key, { value }] of this.entries) yield [key, value];
  }
}

/** Bytes of a string held by V8: one per character for Latin-1 text, two otherwise; estimated as two. */
export const stringBytes = (s: string): number => 2 * s.length;
