import type { Diagnostic } from '@switchyard/model';

/** Escapes data for a workflow command (`%`, CR and LF), and properties (also `:` and `,`). */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow annotations: `::error file=...,line=...,col=...,title=...::message`. */
export function renderGithub(
  diagnostics: readonly Diagnostic[],
  displayPath: (file: string) => string = (f) => f,
): string {
  return diagnostics
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = `file=${property(displayPath(d.file))},line=${d.line},col=${d.column},title=${property(d.code)}`;
      const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${level} ${props}::${data(message)}\n`;
    })
    .join('');
}
