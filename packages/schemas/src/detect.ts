import type { SchemaFormat } from './types.js';

/**
 * The format of a schema or spec file, from its extension and, for JSON and YAML, its first keys. A
 * `format` given in frontmatter (`schemas: [{path, format}]`) or a specification's `type` wins. Undefined
 * for files in no format read here.
 */
export function detectFormat(path: string, text: string, hint?: string): SchemaFormat | undefined {
  const h = hint?.toLowerCase();
  if (h === 'avro' || h === 'protobuf' || h === 'openapi' || h === 'asyncapi' || h === 'graphql') return h;
  if (h === 'proto') return 'protobuf';
  if (h === 'json-schema' || h === 'jsonschema') return 'json-schema';
  const lower = path.toLowerCase();
  if (lower.endsWith('.avsc') || lower.endsWith('.avro')) return 'avro';
  if (lower.endsWith('.proto')) return 'protobuf';
  if (lower.endsWith('.graphql') || lower.endsWith('.gql') || lower.endsWith('.graphqls')) return 'graphql';
  // Other files (schema.sql of a data store, .xsd) are not formats read here: shown as text only.
  if (!/\.(json|ya?ml)$/.test(lower)) return undefined;
  const head = text.slice(0, 4000);
  if (
    /^\s*["']?openapi["']?\s*:|^\s*["']?swagger["']?\s*:/m.test(head) &&
    !/"properties"\s*:\s*\{\s*"openapi"/.test(head)
  )
    return 'openapi';
  if (/^\s*["']?asyncapi["']?\s*:/m.test(head)) return 'asyncapi';
  // An Avro record written as .json: a top-level "type": "record" with "fields".
  if (/^\s*\{[\s\S]*"type"\s*:\s*"record"[\s\S]*"fields"\s*:/.test(head) && !/"\$schema"/.test(head))
    return 'avro';
  return 'json-schema';
}
