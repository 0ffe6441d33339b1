import type { Counts, Diagnostic } from '@switchyard/model';
import { describeCounts, plural, tally } from './summary.js';

export interface TextStyle {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain: TextStyle = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

/**
 * `path:line:col  severity  message  (code)` with the hint indented under it, then one summary line.
 * `displayPath` maps a catalog-relative file to what the reader's terminal can open.
 */
export function renderText(
  diagnostics: readonly Diagnostic[],
  counts: Counts,
  options: { displayPath?: (file: string) => string; style?: TextStyle | undefined } = {},
): string {
  const style = options.style ?? plain;
  const show = options.displayPath ?? ((f: string) => f);
  const lines: string[] = [];
  for (const d of diagnostics) {
    const severity =
      d.severity === 'error'
        ? style.red('error  ')
        : d.severity === 'warning'
          ? style.yellow('warning')
          : 'info   ';
    lines.push(
      `${style.bold(`${show(d.file)}:${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${style.dim(`(${d.code})`)}`,
    );
    if (d.hint) lines.push(`    ${style.dim(d.hint)}`);
  }
  const { errors, warnings } = tally(diagnostics);
  if (lines.length > 0) lines.push('');
  const found = describeCounts(counts) || 'no resources';
  if (errors === 0 && warnings === 0) lines.push(`${style.green('✔')} No problems in ${found}.`);
  else {
    const mark = errors > 0 ? style.red('✖') : style.yellow('!');
    lines.push(`${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${found}.`);
  }
  return `${lines.join('\n')}\n`;
}
