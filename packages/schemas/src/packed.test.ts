import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRootReader, loadCatalog } from '@switchyard/loader';
import { describe, expect, it } from 'vitest';
import { parseCatalogSchemas } from './catalog.js';
import { packSchema } from './packed.js';
import { parseByFormat, parseSchemaText } from './parse.js';

const fixtures = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));
const catalogs = [
  `${fixtures}eventcatalog-acme`,
  ...readdirSync(`${fixtures}real-world`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${fixtures}real-world/${d.name}`),
];

describe('packed schemas', () => {
  it('read back as the parser made them, for every schema and spec of the fixtures', async () => {
    let count = 0;
    const formats = new Set<string>();
    for (const dir of catalogs) {
      const loaded = await loadCatalog(dir);
      const read = createRootReader(loaded.root);
      const parsed = await parseCatalogSchemas(loaded.catalog, read);
      for (const [file, cached] of parsed.byFile) {
        if (!cached.ok) continue;
        const made = await parseByFormat(file, read(file) ?? '', cached.format, read);
        expect(Object.getOwnPropertyDescriptor(cached, 'fields')?.get).toBeTypeOf('function');
        expect(cached).toEqual(made);
        expect(packSchema(made)).toEqual(made);
        expect('api' in cached).toBe(made.api !== undefined);
        count++;
        formats.add(made.format);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect([...formats]).toEqual(expect.arrayContaining(['asyncapi', 'json-schema', 'openapi']));
  });

  it('read back as the parser made them for Avro and Protobuf', async () => {
    const avro = JSON.stringify({
      type: 'record',
      name: 'Order',
      fields: [
        { name: 'id', type: 'string', doc: 'Order id' },
        {
          name: 'lines',
          type: {
            type: 'array',
            items: { type: 'record', name: 'Line', fields: [{ name: 'sku', type: 'string' }] },
          },
        },
        { name: 'total', type: ['null', 'double'], default: null },
      ],
    });
    const proto =
      'syntax = "proto3";\nmessage Order {\n  string id = 1;\n  repeated Line lines = 2;\n}\nmessage Line { string sku = 1; int32 qty = 2; }\n';
    for (const [file, text, format] of [
      ['order.avsc', avro, 'avro'],
      ['order.proto', proto, 'protobuf'],
    ] as const) {
      const made = await parseByFormat(file, text, format, () => undefined);
      expect(made.ok).toBe(true);
      expect(made.fields.length + made.types.length).toBeGreaterThan(1);
      expect(await parseSchemaText(file, text, () => undefined)).toEqual(made);
    }
  });

  it('gives every reader the same trees while one holds them, and keeps numbers JSON cannot write', async () => {
    const text = JSON.stringify({
      type: 'object',
      properties: { total: { type: 'number', minimum: 0 }, note: { type: 'string' } },
      required: ['total'],
    });
    const schema = await parseSchemaText('order.json', text, () => undefined);
    const fields = schema.fields;
    expect(fields.map((f) => f.name)).toEqual(['total', 'note']);
    expect(schema.fields).toBe(fields);
    const odd = packSchema({
      ...schema,
      fields: fields.map((f) => ({ ...f, constraints: { maximum: Number.POSITIVE_INFINITY } })),
    });
    expect(odd.fields[0]?.constraints.maximum).toBe('Infinity');
    expect(odd.title).toBe(schema.title);
    // A tree JSON cannot write is kept as it is.
    const looped = { ...schema, fields: fields.map((f) => ({ ...f })) };
    (looped.fields[0] as { children: unknown[] }).children = looped.fields;
    expect(packSchema(looped)).toBe(looped);
  });

  it('holds only the trees read last, however many schemas one task reads', async () => {
    // Each schema about 1 MB of text: reading twenty in one synchronous loop must not keep them all.
    const properties = Object.fromEntries(
      Array.from({ length: 9_000 }, (_, i) => [
        `field_${i}`,
        { type: 'string', description: 'x'.repeat(80) },
      ]),
    );
    const schemas = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        parseSchemaText(
          `s${n}.json`,
          JSON.stringify({ title: `S${n}`, type: 'object', properties }),
          () => undefined,
        ),
      ),
    );
    const first = schemas[0]?.fields;
    expect(first?.length).toBe(9_000);
    expect(schemas[0]?.fields).toBe(first);
    for (const schema of schemas) expect(schema.fields.length).toBe(9_000);
    // The first schema's trees were let go while the loop read the others: read back, they are new objects.
    expect(schemas[0]?.fields).not.toBe(first);
    expect(schemas[0]?.fields).toEqual(first);
  });
});
