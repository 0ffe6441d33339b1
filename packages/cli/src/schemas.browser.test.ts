import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { run } from './program.js';
import { createStaticServer, listen } from './server/static.js';

/** The Schemas & APIs pages of the EventCatalog fixture, built and opened in Chromium. */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
const chromiumPath = '/usr/bin/chromium';
const quiet: Io = { out: () => {}, err: () => {}, cwd: repo, color: false };

let out: string;
let server: Server;
let origin: string;
let browser: Browser;

/** Site paths of every `index.html` under a folder of the output. */
function pagesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === 'index.html') found.push(`/${relative(out, d)}/`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

describe.skipIf(!existsSync(chromiumPath))('schema and API pages in Chromium', () => {
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'switchyard-schemas-')), 'dist');
    expect(await run(['build', fixture, '--out', out], quiet)).toBe(0);
    server = createStaticServer({ root: out, base: '/' });
    origin = await listen(server, 0);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
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
