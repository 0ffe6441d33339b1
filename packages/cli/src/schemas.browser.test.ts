import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltSite,
  buildAndServe,
  fixture,
  hasChromium,
  pagesUnder as pagesIn,
} from './_browser-site.js';

/** The Schemas & APIs pages of the EventCatalog fixture, built and opened in Chromium. */
let site: BuiltSite;
let out: string;
let origin: string;
let browser: Browser;

/** Site paths (with a trailing slash) of every page under a folder of the output. */
const pagesUnder = (dir: string) => pagesIn(out, dir).map((p) => `${p}/`);

describe.skipIf(!hasChromium)('schema and API pages in Chromium', () => {
  beforeAll(async () => {
    site = await buildAndServe(fixture, 'schemas');
    ({ out, origin, browser } = site);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  }, 60_000);

  it('renders every schema page and API page with its fields and no console error', async () => {
    const schemaPages = pagesUnder(join(out, 'schemas')).filter((p) => p.split('/').length === 6);
    const apiPages = pagesUnder(join(out, 'docs')).filter((p) =>
      /\/(spec|asyncapi|graphql)\/[^/]+\/$/.test(p),
    );
    expect(schemaPages.length).toBeGreaterThanOrEqual(70);
    expect(apiPages.length).toBe(7);
    const errors: string[] = [];
    const page = await browser.newPage();
    let current = '';
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${current}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${current}: ${e.message}`));
    for (const path of [...schemaPages, ...apiPages]) {
      current = path;
      await page.goto(origin + path, { waitUntil: 'load' });
      // A field tree, or for a resource that only has API specs, their summary with a link.
      const shown = await page.locator('.sy-field, .sy-schema__summary').count();
      expect(shown, path).toBeGreaterThan(0);
    }
    for (const path of apiPages) {
      current = path;
      await page.goto(origin + path, { waitUntil: 'load' });
      expect(await page.locator('.sy-api-op').count(), path).toBeGreaterThan(0);
    }
    await page.close();
    expect(errors).toEqual([]);
  }, 180_000);

  it('shows a message schema as a tree with a Raw tab, and links AsyncAPI messages to catalog pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/docs/events/order-created/1.0.0/`, { waitUntil: 'networkidle' });
    const schema = page.locator('#schema');
    await expect.poll(() => schema.locator('.sy-field-name').allTextContents()).toContain('orderId');
    const items = schema.locator('li[data-path="items"] > details');
    expect(await items.getAttribute('open')).not.toBeNull();
    await items.locator('summary').first().click();
    expect(await items.getAttribute('open')).toBeNull();
    await schema.getByRole('tab', { name: 'Raw' }).click();
    await expect.poll(() => schema.locator('pre code').isVisible()).toBe(true);
    expect(await schema.locator('pre code').textContent()).toContain('"orderId"');

    await page.goto(`${origin}/docs/services/order-service/1.0.0/asyncapi/asyncapi/`, { waitUntil: 'load' });
    const created = page.locator('#message-OrderCreated a.sy-ref__link');
    expect(await created.getAttribute('href')).toBe('/docs/events/order-created/1.0.0');
    await page.close();
  }, 60_000);

  it('finds schemas by field name and compares order-created 0.3.0 with 1.0.0 in the explorer', async () => {
    const index = JSON.parse(readFileSync(join(out, 'api/schemas/index.json'), 'utf8')) as { id: string }[];
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/schemas/explorer`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.sy-explorer-row').count()).toBe(index.length);
    await page.getByRole('searchbox', { name: 'Search schemas' }).fill('unitPrice');
    const rows = page.locator('.sy-explorer-row');
    await expect.poll(() => rows.count()).toBeLessThan(index.length);
    expect(await page.locator('.sy-explorer-row[data-key="events/order-created"]').count()).toBe(1);
    await page.locator('button[data-compare="events/order-created"]').click();
    await page.locator('select[data-compare-from]').selectOption('0.3.0');
    await page.locator('select[data-compare-to]').selectOption('1.0.0');
    const changes = page.locator('.sy-explorer-diff .sy-diff-row');
    await expect.poll(() => changes.count()).toBe(7);
    expect(await changes.first().textContent()).toBe('Addedtotalinteger, required');
    expect(await page.locator('.sy-explorer-diff .sy-diff-line--add').count()).toBeGreaterThan(10);
    expect(page.url()).toContain('compare=events%2Forder-created&from=0.3.0&to=1.0.0');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
