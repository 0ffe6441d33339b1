import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../node/build.js';

const acme = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'switchyard-api-section-')), 'site');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

beforeAll(async () => {
  await buildSite(await loadCatalog(acme), { outDir: out });
}, 120_000);

describe('the JSON API section of the build', () => {
  it('writes the index, the graph and a file per resource version beside the site JSON', () => {
    const index = JSON.parse(readFileSync(join(out, 'api/catalog.json'), 'utf8'));
    for (const entry of index.resources) expect(existsSync(join(out, entry.api)), entry.api).toBe(true);
    const orderCreated = index.resources.find((r: { id: string }) => r.id === 'order-created');
    expect(orderCreated.url).toBe('/docs/events/order-created');
    const doc = JSON.parse(readFileSync(join(out, 'api/events/order-created/1.0.0.json'), 'utf8'));
    expect(doc.url).toBe('/docs/events/order-created/1.0.0');
    expect(existsSync(join(out, 'api/graph.json'))).toBe(true);
    expect(existsSync(join(out, 'api/nav.json'))).toBe(true);
  });

  it('shows the MCP client configuration on the Settings page', () => {
    const settings = readFileSync(join(out, 'settings/index.html'), 'utf8');
    expect(settings).toContain('Connect an AI assistant');
    expect(settings).toContain('&quot;mcp&quot;');
  });
});
