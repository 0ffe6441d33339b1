import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { run } from './program.js';
import { createStaticServer, listen } from './server/static.js';

/**
 * The built site of EventCatalog's Acme fixture in a real browser (Debian's Chromium through
 * playwright-core): the seed page's elements work end to end.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
const chromiumPath = '/usr/bin/chromium';
const quiet: Io = { out: () => {}, err: () => {}, cwd: repo, color: false };

let out: string;
let server: Server;
let origin: string;
let browser: Browser;
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  return page;
}

describe.skipIf(!existsSync(chromiumPath))('the built fixture site in Chromium', () => {
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'switchyard-site-')), 'dist');
    expect(await run(['build', fixture, '--out', out], quiet)).toBe(0);
    server = createStaticServer({ root: out, base: '/' });
    origin = await listen(server, 0);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  });

  const seedPage = '/docs/custom/flows/01-place-an-order';

  it('draws the flow diagram of "Place an order"', async () => {
    const page = await open(seedPage);
    const nodes = page.locator('sy-diagram svg [data-node]');
    expect(await nodes.count()).toBeGreaterThan(5);
    await expect
      .poll(() => page.locator('sy-diagram svg [data-node="service:cart-api@1.0.0"]').count())
      .toBe(1);
    await page.close();
  });

  it('makes the happy path references links whose hover card shows name, kind, version, summary and owner', async () => {
    const page = await open(seedPage);
    const ref = page.locator('#happy-path ~ ol .sy-ref[data-ref="service:cart-api@1.0.0"]').first();
    const card = ref.locator('.sy-card');
    expect(await card.isVisible()).toBe(false);
    await ref.locator('a').first().hover();
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.textContent();
    expect(text).toContain('Cart API');
    expect(text).toContain('Service');
    expect(text).toContain('v1.0.0');
    expect(text).toMatch(/shopping carts/i);
    expect(text).toContain('shopping-platform');
    expect(await ref.locator('a').first().getAttribute('href')).toBe('/docs/services/cart-api/1.0.0');
    // Keyboard users get the same card.
    await page.mouse.move(0, 0);
    await ref.locator('a').first().focus();
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.close();
  });

  it('offers Copy and Open in Cursor on the prompt', async () => {
    const page = await open(seedPage);
    const prompt = page.locator('.sy-prompt').first();
    expect(await prompt.getByRole('button', { name: 'Copy', exact: true }).count()).toBe(1);
    // "Copy with context" copies the prompt followed by the impact of the services and messages the page names.
    const withContext = prompt.getByRole('button', { name: 'Copy with context' });
    const target = await withContext.getAttribute('data-sy-copy');
    const context = await page.locator(`[id="${target}"]`).textContent();
    expect(context).toMatch(/\n\nCatalog context for Service Cart API \(service:cart-api@1\.0\.0\):\n/);
    expect(context).toContain('Owners to ask: ');
    const cursor = prompt.getByRole('link', { name: 'Open in Cursor' });
    expect(await cursor.getAttribute('href')).toMatch(/^cursor:\/\/.*checkout/);
    await page.close();
  });

  it('lists the headings in "On this page" and leads to the neighbouring docs', async () => {
    const page = await open(seedPage);
    const toc = await page.locator('.sy-toc a').allInnerTexts();
    expect(toc).toEqual(['Flow map', 'Happy path', 'Important boundaries', 'Failure points']);
    expect(await page.locator('.sy-pager__prev').getAttribute('href')).toBe(
      '/docs/custom/domains/07-reviews-and-ratings',
    );
    await page.locator('.sy-pager__next').click();
    await page.waitForURL('**/docs/custom/flows/02-checkout-saga');
    expect(await page.locator('h1').textContent()).toMatch(/checkout saga/i);
    await page.close();
  });

  it('finds Checkout API, Checkout Orchestrator and Checkout Cart with ⌘K "checkout"', async () => {
    const page = await open('/');
    await page.keyboard.press('Control+k');
    const input = page.locator('.sy-search-input');
    await input.waitFor();
    await input.fill('checkout');
    const names = page.locator('.sy-search-results .sy-search-name');
    await expect.poll(async () => (await names.allInnerTexts()).join('|')).toMatch(/Checkout API/);
    const all = await names.allInnerTexts();
    expect(all).toEqual(expect.arrayContaining(['Checkout API', 'Checkout Orchestrator', 'Checkout Cart']));
    // A word found only in a summary is answered once the full-text index is in.
    await input.fill('spam abuse');
    await expect.poll(async () => (await names.allInnerTexts()).join('|')).toMatch(/moderation/i);
    await page.close();
  });

  it('narrows a discover table with a filter kept in the URL', async () => {
    const page = await open('/discover/events');
    const rows = page.locator('.sy-discover-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const before = await rows.count();
    await page.locator('select[name="domain"]').selectOption('ordering');
    await expect.poll(() => rows.count()).toBeLessThan(before);
    await expect.poll(() => page.url()).toContain('domain=ordering');
    // The filtered URL, opened afresh, shows the same rows.
    const narrowed = await rows.count();
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect.poll(() => again.locator('.sy-discover-table tbody tr').count()).toBe(narrowed);
    await again.close();
    await page.close();
  });

  it("shows a team's score from the scorecards, linked to its card on /scorecards", async () => {
    const cards = JSON.parse(readFileSync(join(out, 'api/scorecards.json'), 'utf8')) as {
      teams: { id: string; score: number }[];
    };
    const team = cards.teams.find((t) => t.id === 'fulfilment-platform');
    const page = await open('/docs/teams/fulfilment-platform');
    const line = page.locator('[data-sy-score="team:fulfilment-platform"]');
    await expect.poll(() => line.isVisible()).toBe(true);
    expect(await line.locator('[data-sy-score-value]').textContent()).toBe(String(team?.score));
    expect(await line.locator('[data-sy-score-note]').textContent()).toContain('consumer');
    await line.locator('a').click();
    await page.waitForURL(/\/scorecards#team-fulfilment-platform$/);
    const card = page.locator('#team-fulfilment-platform');
    expect(await card.locator('.sy-score').first().textContent()).toContain(String(team?.score));
    await card.locator('summary', { hasText: 'consumer' }).click();
    await expect
      .poll(() => card.getByRole('link', { name: 'Inventory Reserved' }).first().isVisible())
      .toBe(true);
    await page.close();
  });

  it('opens every map with its node labels at 8 px or more on screen; Fit shows the whole map', async () => {
    const maps = [
      '/visualiser/domains/ordering/1.0.0',
      '/visualiser/domains/fulfilment/1.0.0',
      '/visualiser/services/order-service/1.0.0',
      '/visualiser/system-context-map',
      '/visualiser/flows/place-an-order/1.0.0',
    ];
    for (const path of maps) {
      const page = await open(path);
      const map = page.locator('sy-diagram.sy-vis__map:not([hidden])');
      await map.waitFor();
      // The on-screen size of each node text inside the visible canvas, after the map's first view.
      const measure = () =>
        map.evaluate((el) => {
          const canvas = el.getBoundingClientRect();
          return [...el.querySelectorAll('svg .sy-node text')]
            .filter((t) => {
              const r = t.getBoundingClientRect();
              return (
                r.right > canvas.left &&
                r.left < canvas.right &&
                r.bottom > canvas.top &&
                r.top < canvas.bottom
              );
            })
            .map((t) => {
              const m = (t as SVGGraphicsElement).getScreenCTM();
              return m ? Number.parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) : 0;
            });
        });
      const sizes = await measure();
      expect(sizes.length, path).toBeGreaterThan(3);
      expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(8);
      // The overview is one click away: Fit shows the whole laid-out map.
      await map.getByRole('button', { name: 'Fit to view' }).click();
      const whole = await map.evaluate((el) => {
        const svg = el.querySelector('svg') as SVGSVGElement;
        return (
          svg.getAttribute('viewBox') === `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`
        );
      });
      expect(whole, path).toBe(true);
      await page.close();
    }
  });

  it('logs no console error on any page visited', () => {
    expect(consoleErrors).toEqual([]);
  });
});
