/**
 * `[[type|id]]`, `[[type|id@1.2.3]]`, `[[id]]` (an entity) and `[[doc|path/to/doc]]` in Markdown bodies.
 * Inside tables the pipe is escaped (`[[service\|cart-api]]`). Code fences and inline code are skipped.
 */
export interface BodyReference {
  /** The type as written (`service`, `doc`), or `entity` for `[[id]]`. */
  type: string;
  id: string;
  version?: string;
  /** The text as written, brackets included. */
  raw: string;
  /** 1-based, in the file. */
  line: number;
  column: number;
}

const pattern = /\[\[([^[\]\n]+?)\]\]/g;

function parse(inner: string): { type: string; id: string; version?: string } | undefined {
  const text = inner.replace(/\\\|/g, '|').trim();
  const bar = text.indexOf('|');
  const type = bar === -1 ? 'entity' : text.slice(0, bar).trim();
  let id = bar === -1 ? text : text.slice(bar + 1).trim();
  if (id === '' || type === '') return undefined;
  if (type === 'doc') return { type, id };
  const at = id.lastIndexOf('@');
  if (at > 0) {
    const version = id.slice(at + 1);
    id = id.slice(0, at);
    return { type, id, version };
  }
  return { type, id };
}

/** Finds every reference in a body; `firstLine` is the file line the body starts on. */
export function scanReferences(body: string, firstLine: number): BodyReference[] {
  if (!body.includes('[[')) return [];
  const found: BodyReference[] = [];
  const lines = body.split('\n');
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const trimmed = line.trimStart();
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      return;
    }
    if (fence !== undefined || !line.includes('[[')) return;
    const code = inlineCodeSpans(line);
    for (const m of line.matchAll(pattern)) {
      const at = m.index ?? 0;
      if (code.some(([s, e]) => at >= s && at < e)) continue;
      const ref = parse(m[1] as string);
      if (ref) found.push({ ...ref, raw: m[0], line: firstLine + index, column: at + 1 });
    }
  });
  return found;
}

function inlineCodeSpans(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  const spans: [number, number][] = [];
  const re = /(`+)[^`]*?\1/g;
  for (const m of line.matchAll(re)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}
