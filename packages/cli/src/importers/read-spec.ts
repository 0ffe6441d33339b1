import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { dereference } from '@apidevtools/json-schema-ref-parser';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import { isObject, type Json } from './spec-model.js';

export interface ReadSpec {
  /** The file as written, copied into the catalog beside the service. */
  text: string;
  /** `.yml`, `.yaml` or `.json`, as the file had it. */
  extension: string;
  /** The document with every `$ref` replaced by what it points at (same object for the same target). */
  document: Json;
}

/**
 * Reads an OpenAPI or AsyncAPI file (YAML or JSON) and resolves its `$ref`s, including ones to other local
 * files (JSON, YAML, Avro `.avsc`). Remote references are not fetched: Switchyard does not use the network.
 */
export async function readSpec(file: string): Promise<ReadSpec> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Cannot read the spec ${file}.`);
  });
  let parsed: unknown;
  try {
    parsed = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(`${file} is not YAML or JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new UsageError(`${file} does not hold an OpenAPI or AsyncAPI document.`);
  let document: Json;
  try {
    document = (await dereference(file, parsed, {
      resolve: { http: false },
      parse: { json: { canParse: ['.json', '.avsc'] } },
      dereference: { circular: 'ignore' },
    })) as Json;
  } catch (error) {
    throw new UsageError(`${file}: a $ref could not be resolved: ${(error as Error).message}`);
  }
  return { text, extension: extname(file).toLowerCase() || '.yml', document };
}
