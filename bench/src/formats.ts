/**
 * The same message payload as an Avro schema (`.avsc`) or a Protobuf file (`.proto`), derived from the JSON
 * Schema of each field in assets.ts, so every format describes the same fields and the examples fit all three.
 */
import { fieldSchema, type Json } from './assets.js';
import { pascal } from './build.js';
import type { Message } from './model.js';

type JsonObject = { [key: string]: Json };

const isObject = (j: Json | undefined): j is JsonObject =>
  typeof j === 'object' && j !== null && !Array.isArray(j);
/** Enum values that are valid identifiers in both Avro and Protobuf; others become plain strings. */
const identifierEnum = (j: JsonObject): string[] | undefined => {
  const values = j.enum;
  return Array.isArray(values) && values.every((v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v))
    ? (values as string[])
    : undefined;
};
const describe = (j: JsonObject) => (typeof j.description === 'string' ? j.description : undefined);

/** The Avro type of a field whose JSON Schema is `j`; records and enums are named after `name`. */
function avroType(name: string, j: Json): Json {
  if (!isObject(j)) return 'string';
  const symbols = identifierEnum(j);
  if (symbols) return { type: 'enum', name: pascal(name), symbols };
  if (Array.isArray(j.type) && j.type.includes('null')) return ['null', 'string'];
  if (j.type === 'integer') return 'long';
  if (j.type === 'array') return { type: 'array', items: avroType(`${name} item`, j.items ?? 'string') };
  if (j.type === 'object' && isObject(j.properties)) return avroRecord(pascal(name), j.properties);
  if (j.type === 'object') return { type: 'map', values: 'string' };
  return 'string';
}

function avroRecord(name: string, properties: JsonObject, doc?: string): Json {
  const fields = Object.entries(properties).map(([field, j]) => {
    const type = avroType(field, j);
    const out: JsonObject = { name: field, type };
    const d = isObject(j) ? describe(j) : undefined;
    if (d) out.doc = d;
    if (Array.isArray(type) && type[0] === 'null') out.default = null;
    return out;
  });
  return doc ? { type: 'record', name, doc, fields } : { type: 'record', name, fields };
}

/** An Avro record schema for one version of a message. */
export function avroSchema(m: Message, version: string, fields: readonly string[]): string {
  const properties: JsonObject = {};
  for (const f of fields) properties[f] = fieldSchema(f);
  const record = avroRecord(
    pascal(m.name),
    properties,
    `${m.name} ${version}, published by ${m.service.name}.`,
  );
  return `${JSON.stringify({ ...(record as JsonObject), namespace: `com.acme.${m.kind}s` }, null, 2)}\n`;
}

/** Declarations nested in a Protobuf message: sub-messages and enums its fields need. */
class ProtoWriter {
  readonly nested: string[] = [];

  typeOf(name: string, j: Json): { type: string; label: '' | 'repeated ' | 'optional ' } {
    if (!isObject(j)) return { type: 'string', label: '' };
    const values = identifierEnum(j);
    if (values) {
      const enumName = pascal(name);
      const prefix = name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
      this.nested.push(
        `  enum ${enumName} {\n    ${prefix}_UNSPECIFIED = 0;\n${values.map((v, i) => `    ${v} = ${i + 1};`).join('\n')}\n  }`,
      );
      return { type: enumName, label: '' };
    }
    if (Array.isArray(j.type) && j.type.includes('null')) return { type: 'string', label: 'optional ' };
    if (j.type === 'integer') return { type: 'int64', label: '' };
    if (j.type === 'array')
      return { type: this.typeOf(`${name} item`, j.items ?? 'string').type, label: 'repeated ' };
    if (j.type === 'object' && isObject(j.properties)) {
      const inner = new ProtoWriter();
      const body = inner.fields(j.properties, '    ');
      this.nested.push(
        `  message ${pascal(name)} {\n${[...inner.nested.map((n) => n.replace(/^/gm, '  ')), body].join('\n')}\n  }`,
      );
      return { type: pascal(name), label: '' };
    }
    if (j.type === 'object') return { type: 'map<string, string>', label: '' };
    return { type: 'string', label: '' };
  }

  fields(properties: JsonObject, indent: string): string {
    return Object.entries(properties)
      .map(([field, j], i) => {
        const { type, label } = this.typeOf(field, j);
        const d = isObject(j) ? describe(j) : undefined;
        return `${d ? `${indent}// ${d}\n` : ''}${indent}${label}${type} ${field} = ${i + 1};`;
      })
      .join('\n');
  }
}

/** A proto3 file with one top-level message for one version of a message. */
export function protobufSchema(m: Message, version: string, fields: readonly string[]): string {
  const properties: JsonObject = {};
  for (const f of fields) properties[f] = fieldSchema(f);
  const writer = new ProtoWriter();
  const body = writer.fields(properties, '  ');
  return [
    'syntax = "proto3";',
    '',
    `package acme.${m.kind}s.v${version.split('.')[0]};`,
    '',
    `// ${m.name} ${version}, published by ${m.service.name}.`,
    `message ${pascal(m.name)} {`,
    ...writer.nested,
    body,
    '}',
    '',
  ].join('\n');
}
