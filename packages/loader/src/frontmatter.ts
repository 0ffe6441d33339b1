import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';

export interface FrontmatterError {
  code: 'yaml-syntax' | 'missing-frontmatter';
  message: string;
  line: number;
  column: number;
}

export interface ParsedFile {
  /** The frontmatter as plain data; undefined when there is none or it does not parse. */
  data: unknown;
  hasFrontmatter: boolean;
  body: string;
  /** File line (1-based) on which the body starts. */
  bodyLine: number;
  /** `a.0.b` to [line, column] of each value. */
  positions: Map<string, readonly [number, number]>;
  /** `a.0.b` to [line, column] of each mapping key. */
  keyPositions: Map<string, readonly [number, number]>;
  errors: FrontmatterError[];
}

const opening = /^---[ \t]*$/;
/** Past this many alias expansions a document is refused (a "billion laughs" file). */
const maxAliasCount = 100;

/**
 * Splits a Markdown file into YAML frontmatter and body, and parses the frontmatter with exact positions
 * for every field. Never throws: problems come back as errors with their line and column.
 */
export function parseFrontmatter(source: string): ParsedFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const positions = new Map<string, readonly [number, number]>([['', [1, 1]]]);
  const keyPositions = new Map<string, readonly [number, number]>();
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!opening.test(firstLine)) {
    return {
      data: undefined,
      hasFrontmatter: false,
      body: text,
      bodyLine: 1,
      positions,
      keyPositions,
      errors: [],
    };
  }
  const lines = text.split('\n');
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (opening.test(lines[i] as string)) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    return {
      data: undefined,
      hasFrontmatter: true,
      body: '',
      bodyLine: lines.length + 1,
      positions,
      keyPositions,
      errors: [
        {
          code: 'missing-frontmatter',
          message: 'The frontmatter opened on line 1 is never closed with "---".',
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close + 2;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  const at = (offset: number): readonly [number, number] => {
    const p = lineCounter.linePos(offset);
    return [p.line + 1, p.col];
  };
  const errors: FrontmatterError[] = doc.errors.map((e) => {
    const [line, column] = at(e.pos[0]);
    return { code: 'yaml-syntax', message: firstSentence(e.message), line, column };
  });
  if (errors.length > 0)
    return { data: undefined, hasFrontmatter: true, body, bodyLine, positions, keyPositions, errors };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      data: undefined,
      hasFrontmatter: true,
      body,
      bodyLine,
      positions,
      keyPositions,
      errors: [{ code: 'yaml-syntax', message: firstSentence(message), line: 2, column: 1 }],
    };
  }
  collectPositions(doc, doc.contents, '', positions, keyPositions, at);
  return { data: data ?? undefined, hasFrontmatter: true, body, bodyLine, positions, keyPositions, errors };
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Records where every value (and mapping key) of the document starts, keyed by its path. */
function collectPositions(
  doc: Document,
  node: Node | null | undefined,
  prefix: string,
  positions: Map<string, readonly [number, number]>,
  keyPositions: Map<string, readonly [number, number]>,
  at: (offset: number) => readonly [number, number],
  depth = 0,
): void {
  if (!node || depth > 64 || isAlias(node)) return;
  const join = (k: string | number) => (prefix === '' ? String(k) : `${prefix}.${k}`);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = join(String(pair.key.value));
      const keyRange = pair.key.range;
      if (keyRange) keyPositions.set(key, at(keyRange[0]));
      const value = pair.value as Node | null;
      const range = value && 'range' in value && value.range ? value.range : keyRange;
      if (range) positions.set(key, at(range[0]));
      collectPositions(doc, value, key, positions, keyPositions, at, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const key = join(i);
      const n = item as Node | null;
      if (n && 'range' in n && n.range) positions.set(key, at(n.range[0]));
      collectPositions(doc, n, key, positions, keyPositions, at, depth + 1);
    });
  }
}
