import type { FieldPath } from './kinds/kind.js';

/** `sends[0].to[1].id`: how a field path is shown to people. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** The key under which the loader stores a field's position: `sends.0.to.1`. */
export function pathKey(path: FieldPath): string {
  return path.join('.');
}
