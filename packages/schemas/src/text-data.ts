import { parseDocument } from 'yaml';
import { lineColumnAt } from './files.js';

export type TextData =
  | { ok: true; data: unknown }
  | { ok: false; message: string; line: number; column: number };

/**
 * Reads JSON or YAML text into data. JSON (text starting with `{` or `[`) goes through JSON.parse, which
 * is fast on large specs; everything else, and JSON that fails, through `yaml`, whose errors have positions.
 */
export function parseTextData(text: string, asJson: boolean): TextData {
  if (asJson || /^\s*[[{]/.test(text)) {
    try {
      return { ok: true, data: JSON.parse(text) };
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      if (asJson || !at) {
        const place = at ? lineColumnAt(text, Number(at[1])) : { line: 1, column: 1 };
        return { ok: false, message: message.replace(/ in JSON at position \d+.*$/, ''), ...place };
      }
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const place = first.linePos?.[0] ?? lineColumnAt(text, first.pos[0]);
    return {
      ok: false,
      message: first.message.split('\n')[0] as string,
      line: place.line,
      column: 'col' in place ? place.col : place.column,
    };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 1000 }) };
}
