import { readFileSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import type { ReadFile } from './types.js';

/**
 * Resolves `relative` against the folder of `from` (both root-relative, `/`-separated). Undefined when the
 * result would leave the catalog root, so a `$ref` or `import` cannot reach files outside it.
 */
export function resolveRelative(from: string, relative: string): string | undefined {
  if (relative.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), relative));
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
  return joined;
}

/** A ReadFile over a folder: refuses paths that leave it, and answers undefined for files it cannot read. */
export function createRootReader(root: string): ReadFile {
  const base = resolve(root);
  return (path) => {
    const full = resolve(base, path);
    if (!full.startsWith(base + sep)) return undefined;
    try {
      return readFileSync(full, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Where `needle` first occurs in the text, or line 1 column 1: a best-effort place for a problem. */
export function locate(text: string, needle: string | undefined): { line: number; column: number } {
  const at = needle ? text.indexOf(needle) : -1;
  return at === -1 ? { line: 1, column: 1 } : lineColumnAt(text, at);
}

/**
 * Where a JSON pointer (`/paths/~1orders/get`) most likely is in JSON or YAML text: each segment searched
 * for after the previous one. Best effort, for validators that report pointers rather than positions.
 */
export function locatePointer(text: string, pointer: string): { line: number; column: number } {
  let at = -1;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next = text.indexOf(segment, at + 1);
    if (next === -1) break;
    at = next;
  }
  return at === -1 ? { line: 1, column: 1 } : lineColumnAt(text, at);
}
