import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRootReader, loadCatalog } from '@switchyard/loader';
import { describe, expect, it } from 'vitest';
import { largeOpenapi } from './_large-openapi.js';
import { readFixture } from './_test-helpers.js';
import { parseCatalogSchemas } from './catalog.js';
import { diffFields } from './diff.js';
import { FieldIndex } from './field-index.js';
import { parseSchemaText } from './parse.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');

describe('parseCatalogSchemas on the EventCatalog fixture', () => {
  it('parses every schema and spec the catalog names, without a problem', async () => {
    const loaded = await loadCatalog(fixture);
    const schemas = await parseCatalogSchemas(loaded.catalog, createRootReader(fixture));
    expect(schemas.entries.length).toBeGreaterThanOrEqual(70);
    expect(schemas.diagnostics).toEqual([]);
    for (const e of schemas.entries) {
      expect(e.parsed.ok, e.file).toBe(true);
      if (e.role === 'schema') expect(e.parsed.fields.length, e.file).toBeGreaterThan(0);
      else expect(e.parsed.api?.operations.length, e.file).toBeGreaterThan(0);
    }
    const formats = new Set(schemas.entries.map((e) => e.parsed.format));
    expect([...formats].sort()).toEqual(['asyncapi', 'json-schema', 'openapi']);

    const created = (v: string) =>
      schemas.entries.find((e) => e.resource.id === 'order-created' && e.resource.version === v)?.parsed;
    const from = created('0.3.0');
    const to = created('1.0.0');
    if (!from || !to) throw new Error('order-created 0.3.0 and 1.0.0 are in the fixture');
    expect(diffFields(from, to).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added total',
      'added currency',
      'added status',
      'added items',
      'added items[].sku',
      'added items[].quantity',
      'added items[].unitPrice',
    ]);

    const index = new FieldIndex();
    for (const e of schemas.entries) index.add(e.resource.key, e.parsed);
    expect(index.ownersOf('orderId')).toEqual(
      expect.arrayContaining(['event:order-created@1.0.0', 'event:order-cancelled@1.0.0']),
    );
  });
});

describe('the cache', () => {
  it('returns the same result for the same content, and parses again when a referenced file changed', async () => {
    const files: Record<string, string> = {
      's.json': JSON.stringify({ properties: { a: { $ref: 'b.json' } } }),
      'b.json': JSON.stringify({ type: 'string' }),
    };
    const read = (p: string) => files[p];
    const first = await parseSchemaText('s.json', files['s.json'] as string, read);
    expect(await parseSchemaText('s.json', files['s.json'] as string, read)).toBe(first);
    files['b.json'] = JSON.stringify({ type: 'integer' });
    const second = await parseSchemaText('s.json', files['s.json'] as string, read);
    expect(second).not.toBe(first);
    expect(second.fields[0]?.type).toBe('integer');
  });
});

describe('reading files', () => {
  it('refuses paths that leave the root', () => {
    expect(readFixture('json-schema/common/address.json')).toBeDefined();
    expect(readFixture('../package.json')).toBeUndefined();
    expect(readFixture('/etc/hostname')).toBeUndefined();
  });
});

describe('a large OpenAPI document', () => {
  it('parses a generated spec of over 1 MB with every operation', async () => {
    const text = largeOpenapi(1000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const r = await parseSchemaText('large/openapi.json', text, () => undefined);
    const ms = performance.now() - started;
    expect(r.diagnostics).toEqual([]);
    expect(r.api?.operations).toHaveLength(2000);
    expect(r.api?.operations[0]?.responses[0]?.bodies[0]?.fields.map((f) => f.name)).toEqual([
      'id',
      'name',
      'status',
      'createdAt',
      'tags',
      'owner',
      'related',
    ]);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
