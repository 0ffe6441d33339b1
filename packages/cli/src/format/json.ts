import type { Counts, Diagnostic } from '@switchyard/model';

/**
 * One object: `{"counts": {...}, "diagnostics": [...]}`. Counts hold every kind (current versions) and
 * `versions`, the number of older versions. Files are relative to the catalog root. Stable: fields are
 * only ever added.
 */
export function renderJson(diagnostics: readonly Diagnostic[], counts: Counts): string {
  const list = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
    file: d.file,
    line: d.line,
    column: d.column,
  }));
  return `${JSON.stringify({ counts, diagnostics: list }, null, 2)}\n`;
}
