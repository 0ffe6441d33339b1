/**
 * Where a top-level field of a config object is written in its file's text: the key (`field:`, quoted or
 * not) least indented of those that name it, since nested objects are indented further. Config files are
 * run, not parsed, so this is a scan of the text; a key not found (built in code, shorthand) is at 1:1.
 */
export function fieldPosition(text: string, field: string): { line: number; column: number } {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(^|[{,\\s])((['"]?)${escaped}\\3\\s*:)`, 'g');
  let best: { line: number; column: number } | undefined;
  for (const m of text.matchAll(key)) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    const before = text.slice(0, at);
    const column = at - before.lastIndexOf('\n');
    if (!best || column < best.column) best = { line: before.split('\n').length, column };
  }
  return best ?? { line: 1, column: 1 };
}
