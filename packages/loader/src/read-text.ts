import { readFile, stat } from 'node:fs/promises';

/** Files larger than this are not read as resources (a resource is a page of prose, not a data dump). */
export const maxFileBytes = 8 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file, refusing what is not UTF-8 text. Never throws. */
export async function readText(path: string): Promise<{ text: string } | { error: string }> {
  try {
    const info = await stat(path);
    if (info.size > maxFileBytes) {
      return {
        error: `is ${(info.size / 1024 / 1024).toFixed(1)} MB, more than the ${maxFileBytes / 1024 / 1024} MB a resource file may have`,
      };
    }
    const bytes = await readFile(path);
    if (bytes.includes(0)) return { error: 'holds binary data, not text' };
    return { text: decoder.decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError) return { error: 'is not valid UTF-8 text' };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'disappeared while the catalog was being read' };
    return { error: `could not be read (${code ?? (error as Error).message})` };
  }
}

/** Runs `task` over `items` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
