import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../load-catalog.js';
import { addToSends, bumpVersion, createMessage, insideCatalog } from './catalog-writes.js';
import { editResource } from './resource-file.js';

let root: string;
const serviceFile = () => join(root, 'services/Orders/index.mdx');
const serviceText = `---
# Owned by the orders team; ask before renaming.
id: orders
name: Orders
version: 1.0.0 # bumped on every release
summary: Keeps orders.
sends:
  - id: order-placed # the main event
    version: 1.0.0
owners: []
---

Hand-written prose that no tool may touch.
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eco-write-'));
  mkdirSync(join(root, 'services/Orders'), { recursive: true });
  writeFileSync(serviceFile(), serviceText);
  mkdirSync(join(root, 'services/Orders/events/OrderPlaced'), { recursive: true });
  writeFileSync(
    join(root, 'services/Orders/events/OrderPlaced/index.mdx'),
    '---\nid: order-placed\nname: Order Placed\nversion: 1.0.0\n---\n',
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('catalog writes', () => {
  it('adds a message to sends keeping comments, key order and the body', async () => {
    const file = await createMessage(root, {
      kind: 'event',
      id: 'order-shipped',
      name: 'Order Shipped',
      version: '1.0.0',
      summary: 'The parcel left the warehouse.',
      under: 'services/Orders',
      schema: { file: 'schema.json', content: '{"type":"object"}\n' },
    });
    expect(file).toBe(join(root, 'services/Orders/events/order-shipped/index.mdx'));
    expect(await addToSends(root, serviceFile(), { id: 'order-shipped', version: '1.0.0' })).toBe(true);
    expect(await addToSends(root, serviceFile(), { id: 'order-shipped', version: '1.0.0' })).toBe(false);

    const text = readFileSync(serviceFile(), 'utf8');
    expect(text).toContain('# Owned by the orders team; ask before renaming.');
    expect(text).toContain('version: 1.0.0 # bumped on every release');
    expect(text).toContain('- id: order-placed # the main event');
    const keys = [...text.matchAll(/^(\w+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['id', 'name', 'version', 'summary', 'sends', 'owners']);
    expect(text.endsWith('\nHand-written prose that no tool may touch.\n')).toBe(true);
    expect(readdirSync(join(root, 'services/Orders')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const edges = loaded.catalog.outgoing.get('service:orders@1.0.0') ?? [];
    expect(edges.filter((e) => e.relation === 'sends').map((e) => e.to)).toEqual([
      'event:order-placed@1.0.0',
      'event:order-shipped@1.0.0',
    ]);
  });

  it('bumps a version, moving the old one to versioned/', async () => {
    const old = await bumpVersion(root, serviceFile(), '1.1.0');
    expect(old).toBe(join(root, 'services/Orders/versioned/1.0.0/index.mdx'));
    expect(readFileSync(old, 'utf8')).toBe(serviceText);
    const now = readFileSync(serviceFile(), 'utf8');
    expect(now).toContain('version: 1.1.0 # bumped on every release');
    expect(now).toContain('# Owned by the orders team');
    await expect(bumpVersion(root, serviceFile(), '1.1.0')).resolves.toBe(serviceFile());
    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(loaded.catalog.versions.get('service:orders')?.map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
    // The child event did not move with its service.
    expect(loaded.catalog.byKey.has('event:order-placed@1.0.0')).toBe(true);
  });

  it('refuses paths outside the catalog and leaves unchanged files alone', async () => {
    expect(() => insideCatalog(root, '../elsewhere/index.mdx')).toThrow(/outside the catalog/);
    expect(await editResource(serviceFile(), () => {})).toBe(false);
  });
});
