import { createHash } from 'node:crypto';
import { parseAsyncapi } from './asyncapi.js';
import { parseAvro } from './avro.js';
import { detectFormat } from './detect.js';
import { parseGraphql } from './graphql.js';
import { parseOpenapi } from './openapi.js';
import { packSchema } from './packed.js';
import { parseJsonSchema } from './parse-json-schema.js';
import { parseProtobuf } from './protobuf.js';
import { failed, schemaProblem } from './result.js';
import { parseTextData } from './text-data.js';
import type { ParsedSchema, ReadFile, SchemaFormat } from './types.js';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Parsed files by content hash, with the hash of every file they read; bounded, least recently used dropped. */
const cache = new Map<string, { result: ParsedSchema; deps: [string, string][] }>();
/**
 * Entries kept. Above a catalog's schema count, a rebuild that parses every file in turn finds none of
 * them (least recently used goes first): 50,000 holds the 20,000-message catalog; the results are the ones
 * a build keeps anyway, and are kept packed (their trees as text).
 */
const cacheLimit = 50_000;

/** Parses text known to be of `format`; may throw (parseSchemaText turns that into a diagnostic). */
export async function parseByFormat(
  file: string,
  text: string,
  format: SchemaFormat,
  read: ReadFile,
): Promise<ParsedSchema> {
  switch (format) {
    case 'avro':
      return parseAvro(file, text);
    case 'protobuf':
      return parseProtobuf(file, text, read);
    case 'graphql':
      return parseGraphql(file, text);
    case 'json-schema':
      return parseJsonSchema(file, text, read);
    default: {
      const data = parseTextData(text, file.endsWith('.json'));
      if (!data.ok)
        return failed(file, format, [
          schemaProblem('schema-syntax', `${file} is not valid JSON or YAML: ${data.message}.`, file, data),
        ]);
      const doc = data.data as Record<string, unknown>;
      const key = format === 'openapi' ? (doc?.openapi ?? doc?.swagger) : doc?.asyncapi;
      if (typeof doc !== 'object' || doc === null || typeof key !== 'string') {
        return failed(file, format, [
          schemaProblem(
            'schema-syntax',
            `${file} is not an ${format === 'openapi' ? 'OpenAPI' : 'AsyncAPI'} document: it has no "${format === 'openapi' ? 'openapi' : 'asyncapi'}" version field.`,
            file,
            { line: 1, column: 1 },
          ),
        ]);
      }
      return format === 'openapi'
        ? parseOpenapi(file, text, doc, read)
        : parseAsyncapi(file, text, doc, read);
    }
  }
}

/**
 * Parses the text of a schema or spec file into its field trees (and operations, channels and messages
 * for API specs). Never throws: problems are diagnostics on the result. Results are cached by content, so
 * a file (and every file it references) unchanged since the last call is not parsed again.
 */
export async function parseSchemaText(
  file: string,
  text: string,
  read: ReadFile,
  options: { format?: string | undefined } = {},
): Promise<ParsedSchema> {
  const format = detectFormat(file, text, options.format) ?? 'json-schema';
  const key = `${format}\0${file}\0${hash(text)}`;
  const hit = cache.get(key);
  if (hit?.deps.every(([path, h]) => hash(read(path) ?? '') === h)) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  let result: ParsedSchema;
  try {
    result = await parseByFormat(file, text, format, read);
  } catch (error) {
    result = failed(file, format, [
      schemaProblem('schema-syntax', `${file} could not be parsed: ${(error as Error).message}`, file, {
        line: 1,
        column: 1,
      }),
    ]);
  }
  // Kept, and handed out, packed: the trees are text until read (see packed.ts).
  result = packSchema(result);
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  const deps = result.files.slice(1).map((path): [string, string] => [path, hash(read(path) ?? '')]);
  cache.set(key, { result, deps });
  return result;
}

/** Reads and parses a schema or spec file of the catalog (see parseSchemaText); a missing file is a diagnostic. */
export async function parseSchemaFile(
  file: string,
  read: ReadFile,
  options: { format?: string | undefined } = {},
): Promise<ParsedSchema> {
  const text = read(file);
  if (text === undefined) {
    return failed(file, detectFormat(file, '', options.format) ?? 'json-schema', [
      schemaProblem('schema-unresolved-ref', `${file} is not a file of the catalog.`, file, {
        line: 1,
        column: 1,
      }),
    ]);
  }
  return parseSchemaText(file, text, read, options);
}
