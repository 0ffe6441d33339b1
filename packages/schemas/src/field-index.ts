import type { Field, ParsedSchema } from './types.js';

/** Every field of a parsed schema, depth first: the root's, named types', and every API body's. */
export function* allFields(parsed: ParsedSchema): Generator<Field> {
  const seen = new Set<Field>();
  function* walk(fields: Field[]): Generator<Field> {
    for (const f of fields) {
      if (seen.has(f)) continue;
      seen.add(f);
      yield f;
      yield* walk(f.children);
    }
  }
  yield* walk(parsed.fields);
  for (const t of parsed.types) yield* walk(t.fields);
  const api = parsed.api;
  if (!api) return;
  for (const m of api.messages) {
    yield* walk(m.payload);
    yield* walk(m.headers);
  }
  for (const op of api.operations) {
    yield* walk(op.parameters.map((p) => p.field));
    for (const b of op.requestBodies) yield* walk(b.fields);
    for (const r of op.responses) for (const b of r.bodies) yield* walk(b.fields);
  }
}

/** Where a field name occurs: which schema file, at which path, with which type. */
export interface FieldUse {
  /** A key the caller chose for the schema's owner (a resource key, `event:order-created@1.0.0`). */
  owner: string;
  file: string;
  path: string;
  type: string;
  required: boolean;
}

/**
 * An index of every field of every schema, by field name (case-insensitive): "which messages carry a field
 * named `orderId`". Names are also indexed without `_`/`-` so `order_id` finds `orderId`.
 */
export class FieldIndex {
  private readonly byName = new Map<string, FieldUse[]>();

  static normalise(name: string): string {
    return name.toLowerCase().replace(/[_-]/g, '');
  }

  add(owner: string, parsed: ParsedSchema): void {
    const seen = new Set<string>();
    for (const f of allFields(parsed)) {
      const key = FieldIndex.normalise(f.name);
      const once = `${key}\0${f.path}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const list = this.byName.get(key) ?? [];
      list.push({ owner, file: parsed.file, path: f.path, type: f.type, required: f.required });
      this.byName.set(key, list);
    }
  }

  /** Every use of a field with this name (any case; `_` and `-` ignored). */
  find(name: string): FieldUse[] {
    return this.byName.get(FieldIndex.normalise(name)) ?? [];
  }

  /** The owners carrying a field with this name, each once. */
  ownersOf(name: string): string[] {
    return [...new Set(this.find(name).map((u) => u.owner))];
  }

  /** Every distinct field name (as first written), for search. */
  names(owner?: string): string[] {
    const out = new Set<string>();
    for (const list of this.byName.values()) {
      for (const u of list)
        if (!owner || u.owner === owner)
          out.add(
            u.path
              .split('.')
              .pop()
              ?.replace(/\[\]|\{\}/g, '') ?? '',
          );
    }
    out.delete('');
    return [...out];
  }
}
