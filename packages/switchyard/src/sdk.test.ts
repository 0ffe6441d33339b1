import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addToSends,
  bumpVersion,
  consumersOf,
  createMessage,
  latestOf,
  loadCatalog,
  producersOf,
} from 'switchyard';
import { afterAll, describe, expect, it } from 'vitest';

const acme = fileURLToPath(new URL('../../../examples/acme', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'eco-sdk-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("import { ... } from 'switchyard'", () => {
  it('loads, queries, and writes a catalog keeping YAML comments and key order', async () => {
    const root = join(temp, 'acme');
    cpSync(acme, root, { recursive: true, filter: (src) => !src.includes('/dist') });
    const service = 'domains/Ordering/systems/order-management-system/services/OrderService/index.mdx';
    const file = join(root, service);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('owners:\n', '# who to call at night\nowners:\n'));

    const before = await loadCatalog(root);
    const created = latestOf(before.catalog, 'event', 'order-created');
    expect(created && producersOf(before.catalog, created).map((p) => p.resource.id)).toEqual([
      'order-service',
    ]);

    await createMessage(root, {
      kind: 'event',
      id: 'order-refunded',
      name: 'Order Refunded',
      version: '1.0.0',
      owners: ['ordering-platform'],
      under: 'domains/Ordering/systems/order-management-system/services/OrderService',
      schema: { file: 'schema.json', content: '{"type":"object"}\n' },
    });
    await addToSends(root, service, {
      id: 'order-refunded',
      version: '1.0.0',
      channels: [{ id: 'orders.events' }],
    });
    await bumpVersion(root, service, '1.1.0');

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# who to call at night\nowners:\n');
    const keys = (t: string) => [...t.matchAll(/^([\w-]+):/gm)].map((m) => m[1]);
    expect(keys(text)).toEqual(keys(original));
    expect(text.split('\n---\n')[1]).toBe(original.split('\n---\n')[1]);

    const after = await loadCatalog(root);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const refunded = latestOf(after.catalog, 'event', 'order-refunded');
    expect(refunded && producersOf(after.catalog, refunded).map((p) => p.resource.key)).toEqual([
      'service:order-service@1.1.0',
    ]);
    expect(refunded && consumersOf(after.catalog, refunded)).toEqual([]);
    expect(after.catalog.versions.get('service:order-service')?.map((r) => r.version)).toEqual([
      '1.1.0',
      '1.0.0',
    ]);
  });
});
