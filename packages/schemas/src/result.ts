import { type Diagnostic, type DiagnosticCode, diagnostic } from '@switchyard/model';
import type { ParsedSchema, SchemaFormat } from './types.js';

/** A diagnostic about a schema file, at a line and column of that file. */
export function schemaProblem(
  code: DiagnosticCode,
  message: string,
  file: string,
  at: { line: number; column: number },
): Diagnostic {
  return diagnostic(code, message, { file, line: at.line, column: at.column });
}

/** An empty result: the file could not be read or parsed at all. */
export function failed(file: string, format: SchemaFormat, diagnostics: Diagnostic[]): ParsedSchema {
  return { file, format, ok: false, fields: [], rootType: 'unknown', types: [], diagnostics, files: [file] };
}
