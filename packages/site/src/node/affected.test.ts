import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { affectedResources } from './affected.js';
import { buildSite } from './build.js';

const example = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'switchyard-incremental-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cartApi = 'domains/Shopping/systems/cart-system/services/CartAPI/index.mdx';

describe('incremental rebuilds', () => {
  it('re-renders the edited resource and the pages that show it, and leaves the others alone', async () => {
    const catalog = join(temp, 'catalog');
    const out = join(temp, 'site');
    cpSync(example, catalog, { recursive: true });
    const before = await loadCatalog(catalog);
    const full = await buildSite(before, { outDir: out });
    const untouched = join(out, 'docs/entities/payment/1.0.0/index.html');
    const untouchedTime = statSync(untouched).mtimeMs;

    const text = readFileSync(join(catalog, cartApi), 'utf8');
    writeFileSync(
      join(catalog, cartApi),
      text.replace(/^summary: .*$/m, 'summary: A freshly edited summary.'),
    );
    const after = await loadCatalog(catalog);
    const only = affectedResources(before.catalog, after.catalog);

    expect(only.has('service:cart-api@1.0.0')).toBe(true);
    expect(only.has('command:checkout-cart@1.0.0')).toBe(true); // a neighbour in the graph
    expect(only.has('doc:flows/01-place-an-order')).toBe(true); // its body references cart-api
    expect(only.has('entity:payment@1.0.0')).toBe(false);
    expect(only.size).toBeLessThan(after.catalog.resources.length / 2);

    const result = await buildSite(after, { outDir: out, only });
    // A small part of the site: sections (schemas, visualiser) add pages of their own for what changed.
    expect(result.pages).toBeLessThan(full.pages / 3);
    expect(readFileSync(join(out, 'docs/services/cart-api/1.0.0/index.html'), 'utf8')).toContain(
      'A freshly edited summary.',
    );
    expect(readFileSync(join(out, 'docs/custom/flows/01-place-an-order/index.html'), 'utf8')).toContain(
      'A freshly edited summary.',
    );
    expect(statSync(untouched).mtimeMs).toBe(untouchedTime);
  }, 60_000);
});
