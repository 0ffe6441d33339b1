import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { createUrls } from '../urls.js';
import { buildDiscover } from './discover.js';
import { buildNav } from './nav.js';
import { buildSearchFiles } from './search.js';

const example = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'switchyard-data-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const flat = (items: { href: string; children?: unknown[] }[]): string[] =>
  items.flatMap((i) => [i.href, ...flat((i.children ?? []) as { href: string; children?: unknown[] }[])]);

describe('catalog-wide data', () => {
  it('lists visible resources in the sidebar, search and Discover, and leaves hidden ones out', async () => {
    cpSync(example, temp, { recursive: true });
    const file = join(temp, 'domains/Payments/subdomains/Fraud/services/FraudScreeningService/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, '$&\nhidden: true'));
    const { catalog, config, diagnostics } = await loadCatalog(temp);
    expect(diagnostics).toEqual([]);
    const urls = createUrls(config);

    const hrefs = buildNav(catalog, urls).groups.flatMap((g) => flat(g.items));
    expect(hrefs).toContain('/docs/services/cart-api');
    expect(hrefs).not.toContain('/docs/services/fraud-screening-service');

    const files = buildSearchFiles(catalog, urls, () => undefined);
    const quick = JSON.parse(files.quick);
    const names = (quick.rows as string[][]).map((row) => row[1]);
    expect(names).toContain('Cart API');
    expect(names).not.toContain('Fraud Screening Service');
    // Both indexes point at the same rows.
    expect(JSON.parse(JSON.parse(files.full).index).documentCount).toBe(names.length);

    const rows = buildDiscover(catalog, urls, 'service').rows.map((r) => r.id);
    expect(rows).toContain('order-service');
    expect(rows).not.toContain('fraud-screening-service');
    const orderCreated = buildDiscover(catalog, urls, 'event').rows.find((r) => r.id === 'order-created');
    expect(orderCreated).toMatchObject({
      producers: ['order-service'],
      domains: ['ordering'],
      versions: ['1.1.0', '1.0.0'],
    });
  });
});
