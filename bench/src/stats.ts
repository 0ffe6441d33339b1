/** Medians and the number formats every table of the benchmark uses. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ms = (n: number) => (n >= 10_000 ? seconds(n) : `${int(n)} ms`);

/** A Markdown table; columns are right-aligned except those listed in `left`. */
export function renderTable(
  header: readonly string[],
  body: readonly string[][],
  left: readonly number[] = [0],
) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const pad = (c: string, i: number) =>
    left.includes(i) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number);
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
