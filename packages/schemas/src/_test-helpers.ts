import { fileURLToPath } from 'node:url';
import { createRootReader } from '@switchyard/loader';
import type { Field } from './types.js';

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const readFixture = createRootReader(fixtures);

/** A field tree as one line per field, depth first: `path: type` with ` *` when required, ` ↻` when recursive. */
export function lines(fields: Field[]): string[] {
  return fields.flatMap((f) => [
    `${f.path}: ${f.type}${f.required ? ' *' : ''}${f.recursive ? ' ↻' : ''}`,
    ...lines(f.children),
  ]);
}

/** The field at a path, searching the whole tree. */
export function fieldAt(fields: Field[], path: string): Field | undefined {
  for (const f of fields) {
    if (f.path === path) return f;
    const inner = fieldAt(f.children, path);
    if (inner) return inner;
  }
  return undefined;
}
