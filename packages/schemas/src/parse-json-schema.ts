import { locate } from './files.js';
import { fieldsOfJsonSchema, typeOfSchema } from './json-schema-fields.js';
import { resolveRefs } from './resolve-refs.js';
import { failed, schemaProblem } from './result.js';
import { parseTextData } from './text-data.js';
import type { ParsedSchema, ReadFile } from './types.js';

/** A JSON Schema in JSON or YAML, with local and relative-file `$ref`s resolved and cycles cut. */
export async function parseJsonSchema(file: string, text: string, read: ReadFile): Promise<ParsedSchema> {
  const parsed = parseTextData(text, file.endsWith('.json'));
  if (!parsed.ok) {
    return failed(file, 'json-schema', [
      schemaProblem('schema-syntax', `${file} is not valid JSON or YAML: ${parsed.message}.`, file, parsed),
    ]);
  }
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    return failed(file, 'json-schema', [
      schemaProblem('schema-syntax', `${file} does not hold a JSON Schema object.`, file, {
        line: 1,
        column: 1,
      }),
    ]);
  }
  const resolved = await resolveRefs(file, parsed.data, read);
  const root = resolved.data as Record<string, unknown>;
  const result: ParsedSchema = {
    file,
    format: 'json-schema',
    ok: true,
    fields: fieldsOfJsonSchema(root, { refNames: resolved.refNames }),
    rootType: typeOfSchema(root, { refNames: resolved.refNames }),
    types: [],
    diagnostics: resolved.unresolved.map((u) =>
      schemaProblem(
        'schema-unresolved-ref',
        `The $ref "${u.ref}" does not resolve: ${u.message}.`,
        file,
        locate(text, u.ref || undefined),
      ),
    ),
    files: [file, ...resolved.files],
  };
  if (typeof root.title === 'string') result.title = root.title;
  if (typeof root.description === 'string') result.description = root.description.trim();
  return result;
}
