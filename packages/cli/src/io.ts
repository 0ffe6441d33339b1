import type { TextStyle } from './format/text.js';

/** Everything a command touches outside itself, passed in so commands can be tested without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Colours on: a terminal, and NO_COLOR unset. */
  color: boolean;
}

export function processIo(): Io {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    color,
  };
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function terminalStyle(io: Io): TextStyle | undefined {
  if (!io.color) return undefined;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
