import { posix } from 'node:path';

/**
 * Resolves `relative` against the folder of `from` (both root-relative, `/`-separated), as text. Whether
 * the result may be read is not decided here: every file is read through the injected `ReadFile`, which
 * the path policy makes (`createRootReader` in @switchyard/loader) and which refuses anything outside the
 * root. An absolute `relative` is kept as written, so that reader refuses it.
 */
export function resolveRelative(from: string, relative: string): string {
  if (relative.startsWith('/')) return relative;
  return posix.normalize(posix.join(posix.dirname(from), relative));
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
    const next = keyAfter(text, segment, at + 1) ?? text.indexOf(segment, at + 1);
    if (next === -1) break;
    at = next;
  }
  return at === -1 ? { line: 1, column: 1 } : lineColumnAt(text, at);
}

/** Where `segment` is written as a key (`name:`, `"name":`, `'name':`) from `from` on: its first character. */
function keyAfter(text: string, segment: string, from: number): number | undefined {
  const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(["']?)${escaped}\\1\\s*:`, 'g');
  key.lastIndex = from;
  for (let found = key.exec(text); found; found = key.exec(text)) {
    const before = text[found.index - 1];
    // A key starts a line (after indentation), follows `{`, `,` or `- `, never the middle of a word.
    if (before === undefined || /[\s{,]/.test(before)) return found.index + (found[1]?.length ?? 0);
  }
  return undefined;
}
