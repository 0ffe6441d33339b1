import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootReader, loadCatalog } from '@switchyard/loader';
import type { Diagnostic } from '@switchyard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { type SiteSchemas, schemaFieldNames } from '../render/components/schema-data.js';
import { schemasSection } from './schemas.js';

const root = mkdtempSync(join(tmpdir(), 'switchyard-schemas-section-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('the schemas section, before pages render', () => {
  it('parses every schema, indexes its fields, and checks each example against it', async () => {
    const event = 'events/OrderPlaced';
    write(
      `${event}/index.mdx`,
      '---\nid: order-placed\nname: Order Placed\nversion: 2.0.0\nschemaPath: schema.json\n---\n',
    );
    write(
      `${event}/schema.json`,
      JSON.stringify({
        type: 'object',
        required: ['orderId'],
        properties: { orderId: { type: 'string' }, status: { enum: ['new', 'paid'] } },
      }),
    );
    write(`${event}/examples/good.json`, '{"orderId": "o-1", "status": "new"}');
    write(`${event}/examples/bad.json`, '{"status": "lost"}');
    write(
      `${event}/versioned/1.0.0/index.mdx`,
      '---\nid: order-placed\nname: Order Placed\nversion: 1.0.0\nschemaPath: schema.json\n---\n',
    );
    write(
      `${event}/versioned/1.0.0/schema.json`,
      JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } }),
    );
    write(
      'events/Broken/index.mdx',
      '---\nid: broken-event\nname: Broken\nversion: 1.0.0\nschemaPath: schema.avsc\n---\n',
    );
    write(
      'events/Broken/schema.avsc',
      '{"type": "record", "name": "X", "fields": [{"name": "a", "type": "Nope"}]}',
    );

    const loaded = await loadCatalog(root);
    const reported: Diagnostic[] = [];
    if (!schemasSection.prepare) throw new Error('the schemas section prepares before pages render');
    const prepared = await schemasSection.prepare({
      loaded,
      catalog: loaded.catalog,
      report: (d) => reported.push(d),
      readFile: createRootReader(root),
      only: undefined,
    });
    const schemas = prepared.schemas as SiteSchemas;

    expect(schemas.byFile.get(`${event}/schema.json`)?.fields.map((f) => f.name)).toEqual([
      'orderId',
      'status',
    ]);
    expect(schemaFieldNames(schemas, 'event:order-placed@2.0.0')).toEqual(['orderId', 'status']);
    expect(schemaFieldNames(schemas, 'event:order-placed@1.0.0')).toEqual(['id']);
    expect(
      schemas.examples.get('event:order-placed@2.0.0')?.map((e) => [e.file.split('/').pop(), e.problems]),
    ).toEqual([
      ['bad.json', ['orderId is required but missing', 'status is "lost", not one of new, paid']],
      ['good.json', []],
    ]);
    // 2.0.0 has a previous version with a schema: its changelog page shows the diff.
    expect([...schemas.changelogs]).toEqual(['event:order-placed@2.0.0']);
    expect(reported.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([
      'schema-syntax events/Broken/schema.avsc:1',
      `example-invalid ${event}/examples/bad.json:1`,
    ]);
  });
});
