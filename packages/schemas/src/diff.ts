import { createTwoFilesPatch } from 'diff';
import { allFields } from './field-index.js';
import type { Field, ParsedSchema } from './types.js';

export type FieldChange =
  | { kind: 'added'; path: string; to: Field }
  | { kind: 'removed'; path: string; from: Field }
  | { kind: 'type-changed'; path: string; from: Field; to: Field }
  | { kind: 'required-changed'; path: string; from: Field; to: Field };

/** The fields of a parsed schema by path: the root's fields, else its named types' (qualified by type). */
function fieldsByPath(parsed: ParsedSchema): Map<string, Field> {
  const out = new Map<string, Field>();
  const walk = (fields: Field[], prefix: string) => {
    for (const f of fields) {
      out.set(prefix + f.path, f);
      walk(f.children, prefix);
    }
  };
  if (parsed.fields.length > 0) walk(parsed.fields, '');
  else if (parsed.types.length > 0) for (const t of parsed.types) walk(t.fields, `${t.name}.`);
  else if (parsed.api) {
    for (const m of parsed.api.messages) walk(m.payload, `${m.name}.`);
    for (const op of parsed.api.operations) {
      for (const b of op.requestBodies) walk(b.fields, `${op.id} request.`);
      for (const r of op.responses) for (const b of r.bodies) walk(b.fields, `${op.id} ${r.status}.`);
    }
  }
  return out;
}

/**
 * What changed between two versions of a schema, field by field: fields added, removed, whose type changed
 * and whose required-ness changed. Paths are compared as written (`customer.address.street`).
 */
export function diffFields(from: ParsedSchema, to: ParsedSchema): FieldChange[] {
  const a = fieldsByPath(from);
  const b = fieldsByPath(to);
  const changes: FieldChange[] = [];
  for (const [path, f] of a) {
    const g = b.get(path);
    if (!g) changes.push({ kind: 'removed', path, from: f });
    else {
      if (f.type !== g.type) changes.push({ kind: 'type-changed', path, from: f, to: g });
      if (f.required !== g.required) changes.push({ kind: 'required-changed', path, from: f, to: g });
    }
  }
  for (const [path, g] of b) if (!a.has(path)) changes.push({ kind: 'added', path, to: g });
  return changes;
}

/** A unified diff of two texts (schema sources), for the text view of a comparison. */
export function diffText(fromName: string, fromText: string, toName: string, toText: string): string {
  return createTwoFilesPatch(fromName, toName, fromText, toText, undefined, undefined, { context: 3 });
}

/** How many fields a schema has in all (a size for lists and budgets). */
export function fieldCount(parsed: ParsedSchema): number {
  let n = 0;
  for (const _ of allFields(parsed)) n++;
  return n;
}
