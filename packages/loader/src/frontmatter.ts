import { load as loadFast } from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface FrontmatterError {
  code: 'yaml-syntax' | 'missing-frontmatter';
  message: string;
  line: number;
  column: number;
}

type Position = readonly [number, number];

export interface ParsedFile {
  /** The frontmatter as plain data; undefined when there is none or it does not parse. */
  data: unknown;
  hasFrontmatter: boolean;
  body: string;
  /** File line (1-based) on which the body starts. */
  bodyLine: number;
  /** Where a field is (`a.0.b`), its value's or its key's [line, column]; computed on first use. */
  position(key: string, atKey: boolean): Position | undefined;
  errors: FrontmatterError[];
}

const delimiter = /^---[ \t]*$/;
/** Past this many alias expansions a document is refused (a "billion laughs" file). */
const maxAliasCount = 100;
/** Deeper than this, positions are not recorded (data still loads). */
const maxDepth = 64;

const top: Position = [1, 1];
const noPositions = (key: string) => (key === '' ? top : undefined);

/**
 * Splits a Markdown file into YAML frontmatter and body, and parses the frontmatter. Never throws:
 * problems come back as errors with their line and column.
 *
 * Two parsers, each for what it does best: js-yaml reads the data (several times faster), and the `yaml`
 * document API gives exact positions for every field, only when a diagnostic asks for one, and reports
 * syntax errors. Documents with aliases take the `yaml` path, which bounds their expansion.
 */
export function parseFrontmatter(source: string): ParsedFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!delimiter.test(firstLine)) {
    return {
      data: undefined,
      hasFrontmatter: false,
      body: text,
      bodyLine: 1,
      position: noPositions,
      errors: [],
    };
  }
  // Find the closing `---` line without splitting the whole body into lines.
  let start = firstBreak + 1;
  let line = 2;
  let closeStart = -1;
  let closeEnd = -1;
  while (start > 0 && start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (delimiter.test(text.slice(start, stop))) {
      closeStart = start;
      closeEnd = stop;
      break;
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  if (closeStart === -1) {
    const error: FrontmatterError = {
      code: 'missing-frontmatter',
      message: 'The frontmatter opened on line 1 is never closed with "---".',
      line: 1,
      column: 1,
    };
    return {
      data: undefined,
      hasFrontmatter: true,
      body: '',
      bodyLine: line + 1,
      position: noPositions,
      errors: [error],
    };
  }
  const yamlText = closeStart - 1 > firstBreak ? text.slice(firstBreak + 1, closeStart - 1) : '';
  const body = text.slice(closeEnd + 1);
  const bodyLine = line + 1;
  const base = { hasFrontmatter: true, body, bodyLine };

  if (!/[&*]/.test(yamlText) || !mayHaveAliases(yamlText)) {
    try {
      const data = loadFast(yamlText, { maxAliases: 0 });
      return { ...base, data: data ?? undefined, position: lazyPositions(yamlText), errors: [] };
    } catch {
      // Not plain data (or not YAML): the `yaml` parser below says why, with a position.
    }
  }
  return { ...base, ...parseWithPositions(yamlText) };
}

/** A cheap look for anchors or aliases: `&name` or `*name` where a node can start. */
function mayHaveAliases(yamlText: string): boolean {
  return /(^|[\s[{,:-])[&*][^\s,[\]{}]/m.test(yamlText);
}

function lazyPositions(yamlText: string): ParsedFile['position'] {
  let maps: ReturnType<typeof parseWithPositions>['maps'] | undefined;
  return (key, atKey) => {
    if (key === '') return top;
    maps ??= parseWithPositions(yamlText).maps;
    return (atKey ? maps.keys : maps.values).get(key);
  };
}

/** Parses with the `yaml` document API: data, syntax errors and every field's position. */
function parseWithPositions(yamlText: string) {
  const values = new Map<string, Position>([['', top]]);
  const keys = new Map<string, Position>();
  const maps = { values, keys };
  const position = (key: string, atKey: boolean) => (atKey ? keys : values).get(key);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Frontmatter starts on the file's second line.
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return [p.line + 1, p.col];
  };
  const errors: FrontmatterError[] = doc.errors.map((e) => {
    const [line, column] = at(e.pos[0]);
    return { code: 'yaml-syntax', message: firstSentence(e.message), line, column };
  });
  if (errors.length > 0) return { data: undefined, position, errors, maps };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      data: undefined,
      position,
      errors: [{ code: 'yaml-syntax' as const, message: firstSentence(message), line: 2, column: 1 }],
      maps,
    };
  }
  collectPositions(doc.contents, '', values, keys, at, 0);
  return { data: data ?? undefined, position, errors, maps };
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Records where every value (and mapping key) of the document starts, keyed by its path. */
function collectPositions(
  node: Node | null | undefined,
  prefix: string,
  values: Map<string, Position>,
  keys: Map<string, Position>,
  at: (offset: number) => Position,
  depth: number,
): void {
  if (!node || depth > maxDepth || isAlias(node)) return;
  const join = (k: string | number) => (prefix === '' ? String(k) : `${prefix}.${k}`);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = join(String(pair.key.value));
      const keyRange = pair.key.range;
      if (keyRange) keys.set(key, at(keyRange[0]));
      const value = pair.value as Node | null;
      const range = value && 'range' in value && value.range ? value.range : keyRange;
      if (range) values.set(key, at(range[0]));
      collectPositions(value, key, values, keys, at, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const key = join(i);
      const n = item as Node | null;
      if (n && 'range' in n && n.range) values.set(key, at(n.range[0]));
      collectPositions(n, key, values, keys, at, depth + 1);
    });
  }
}
