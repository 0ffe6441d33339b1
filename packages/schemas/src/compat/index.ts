import { compareAvroSchemas } from './avro.js';
import { compareJsonSchemas } from './json-schema.js';
import { compareProtobufSchemas } from './protobuf.js';
import type { CompatChange, CompatFormat } from './rules.js';

export * from './modes.js';
export { type CompatChange, type CompatFormat, type CompatRule, compatRules } from './rules.js';

/** Which comparer reads a schema file: by extension, and for `.json` by whether it is an Avro record. */
export function compatFormatOf(path: string, text: string): CompatFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.avsc') || lower.endsWith('.avro')) return 'avro';
  if (lower.endsWith('.proto')) return 'protobuf';
  if (lower.endsWith('.json')) {
    try {
      const value = JSON.parse(text) as { type?: unknown; fields?: unknown; $schema?: unknown };
      if (
        value.$schema === undefined &&
        ['record', 'enum'].includes(String(value.type)) &&
        Array.isArray(value.fields)
      ) {
        return 'avro';
      }
    } catch {
      return undefined;
    }
    return 'json-schema';
  }
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'json-schema';
  return undefined;
}

/** The classified changes from one version of a schema to the next. Throws when either cannot be parsed. */
export function compareSchemaVersions(format: CompatFormat, before: string, after: string): CompatChange[] {
  if (format === 'avro') return compareAvroSchemas(before, after);
  if (format === 'protobuf') return compareProtobufSchemas(before, after);
  return compareJsonSchemas(before, after);
}
