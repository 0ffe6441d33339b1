import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { getResource, stepsOf } from '@switchyard/model';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildAndServe, fixture, hasChromium, pagesUnder } from './_browser-site.js';

/**
 * The visualiser of EventCatalog's Acme fixture in a real browser (Debian's Chromium through
 * playwright-core): every map draws, nothing overlaps, focus, flows, the walkthrough and export work.
 */
let site: BuiltSite;
let out: string;
let origin: string;
let browser: Browser;

async function open(path: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  return page;
}

/** Visualiser pages at their versioned paths (the latest copies are the same files) and the catalog maps. */
/** The maps: every visualiser page but the short URLs of latest versions, which redirect to them. */
function visualiserPages(root: string): string[] {
  return pagesUnder(root, join(root, 'visualiser'))
    .filter((p) => !readFileSync(join(root, p, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
    .sort();
}

const map = 'sy-diagram:not([hidden])';

describe.skipIf(!hasChromium)('the visualiser of the fixture in Chromium', () => {
  beforeAll(async () => {
    site = await buildAndServe(fixture, 'visualiser');
    ({ out, origin, browser } = site);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  }, 60_000);

  it('draws every map with no console error and no two node boxes overlapping, in either direction', async () => {
    const pages = visualiserPages(out);
    expect(pages).toEqual(
      expect.arrayContaining([
        '/visualiser/services/checkout-orchestrator/1.0.0',
        '/visualiser/flows/place-an-order/1.0.0',
        '/visualiser/domains/ordering/1.0.0',
        '/visualiser/domains/ordering/1.0.0/entity-map',
        '/visualiser/domain-integrations',
        '/visualiser/system-context-map',
        '/visualiser/graph',
      ]),
    );
    const errors: string[] = [];
    const overlaps: string[] = [];
    const check = async (page: Page, path: string) => {
      await page.goto(origin + path, { waitUntil: 'load' });
      const drawn = await page.evaluate(() => {
        const frames = [...document.querySelectorAll('sy-diagram')];
        return frames.map((f) => {
          const rects = f.querySelectorAll('[data-node] > .sy-node__box, [data-node] > a > .sy-node__box');
          const boxes = [...rects].map((r) => {
            const g = r.closest('[data-node]') as Element;
            const n = (a: string) => Number(r.getAttribute(a));
            return {
              id: g.getAttribute('data-id') ?? '',
              x: n('x'),
              y: n('y'),
              w: n('width'),
              h: n('height'),
            };
          });
          return { boxes, visible: !(f as HTMLElement).hidden && f.getBoundingClientRect().height > 0 };
        });
      });
      expect(
        drawn.some((d) => d.visible && d.boxes.length > 0),
        `${path} draws nodes`,
      ).toBe(true);
      for (const { boxes } of drawn) {
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i] as (typeof boxes)[number];
            const b = boxes[j] as (typeof boxes)[number];
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
              overlaps.push(`${path}: ${a.id} / ${b.id}`);
            }
          }
        }
      }
    };
    // Four tabs at once; each visits its share of the pages.
    const queue = [...pages];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
        for (let path = queue.shift(); path; path = queue.shift()) await check(page, path);
        await page.close();
      }),
    );
    expect(errors).toEqual([]);
    expect(overlaps).toEqual([]);
  }, 420_000);

  it('focusing Checkout Orchestrator lights exactly it and its neighbours, and depth 2 reaches further', async () => {
    const page = await open('/visualiser/services/checkout-orchestrator/1.0.0');
    const self = 'service:checkout-orchestrator@1.0.0';
    await page.locator(`${map} [data-node="${self}"]`).click();
    expect(page.url()).toContain('/visualiser/services/checkout-orchestrator/1.0.0');
    const state = () =>
      page.evaluate((selector) => {
        const frame = document.querySelector(selector) as Element;
        const lit = [...frame.querySelectorAll('[data-node].is-lit')].map((n) => n.getAttribute('data-node'));
        const edges = [...frame.querySelectorAll('[data-edge]')].map(
          (e) => e.getAttribute('data-edge') ?? '',
        );
        return { lit: lit.sort(), edges };
      }, map);
    const { lit, edges } = await state();
    const expected = new Set([self]);
    for (const e of edges) {
      const [from, to] = e.split('->');
      if (from === self && to) expected.add(to);
      if (to === self && from) expected.add(from);
    }
    expect(lit).toEqual([...expected].sort());
    // What the orchestrator sends and receives, from the fixture's frontmatter.
    expect(lit).toEqual(
      expect.arrayContaining(['command:reserve-inventory@1.0.0', 'command:authorize-payment@1.0.0']),
    );
    expect(lit.length).toBeLessThan((await page.locator(`${map} [data-node]`).count()) as number);
    await page.locator('[data-vis-depth]').selectOption('2');
    const deeper = await state();
    expect(deeper.lit.length).toBeGreaterThan(lit.length);
    await page.close();
  });

  it('draws the declined branch of Place an Order to "Checkout failed" as a failure', async () => {
    const page = await open('/visualiser/flows/place-an-order/1.0.0');
    const edge = page.locator(`${map} [data-edge="command:authorize-payment@1.0.0->checkout_failed"]`);
    expect(await edge.count()).toBe(1);
    expect(await edge.getAttribute('class')).toContain('sy-edge--failure');
    expect(await edge.textContent()).toContain('Authorization declined');
    const failed = page.locator(`${map} [data-node="checkout_failed"]`);
    expect(await failed.getAttribute('class')).toContain('sy-node--tone-failure');
    const stroke = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return { colour: s.stroke, dash: s.strokeDasharray };
        });
    const failure = await stroke(`${map} .sy-edge--failure .sy-edge__path`);
    const plain = await stroke(
      `${map} [data-edge="service:cart-api@1.0.0->event:cart-checked-out@1.0.0"] .sy-edge__path`,
    );
    expect(failure.colour).not.toBe(plain.colour);
    expect(failure.dash).not.toBe('none');
    await page.close();
  });

  it('walks through Place an Order one step at a time, in the order of its steps', async () => {
    const loaded = await loadCatalog(fixture);
    const flow = getResource(loaded.catalog, 'flow', 'place-an-order');
    if (!flow) throw new Error('the fixture has no place-an-order flow');
    const expected = [...new Set(stepsOf(loaded.catalog, flow).map((s) => s.id))];
    const page = await open('/visualiser/flows/place-an-order/1.0.0');
    await page.locator('[data-vis-walk="start"]').click();
    const seen: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      const active = await page.locator(`${map} [data-node].is-active`).getAttribute('data-id');
      seen.push(active ?? '');
      const count = await page.locator('[data-vis-walk-count]').textContent();
      expect(count).toBe(`Step ${i + 1} of ${expected.length}`);
      if (i < expected.length - 1) await page.locator('[data-vis-walk="next"]').click();
    }
    expect(seen).toEqual(expected);
    expect(await page.locator('[data-vis-walk="next"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-vis-walk-title]').textContent()).toBe(
      stepsOf(loaded.catalog, flow).find((s) => s.id === expected.at(-1))?.step.title,
    );
    await page.close();
  });

  it('sends the short URL of a latest version to its map', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/visualiser/domains/ordering/entity-map`);
    await page.waitForURL('**/visualiser/domains/ordering/1.0.0/entity-map');
    await page.locator(map).waitFor();
    await page.close();
  });

  it('exports the map as a standalone SVG, and gives it as Mermaid text', async () => {
    const page = await open('/visualiser/services/checkout-orchestrator/1.0.0');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-vis-export="svg"]').click(),
    ]);
    const file = await download.path();
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('data-node="service:checkout-orchestrator@1.0.0"');
    expect(svg).toMatch(/style="[^"]*fill:/);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const mermaid = await page.evaluate(async () =>
      (await fetch('/visualiser/services/checkout-orchestrator/1.0.0.mermaid')).text(),
    );
    expect(mermaid).toMatch(/^---\ntitle: .*\n---\nflowchart LR\n/);
    expect(mermaid).toContain('Checkout Orchestrator');
    await page.close();
  });

  it('searches within a map and hides a kind from the legend', async () => {
    const page = await open('/visualiser/domains/ordering/1.0.0');
    await page.locator('[data-vis-search]').fill('order created');
    const matches = await page
      .locator(`${map} [data-node].is-match`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    expect(matches.some((m) => m?.startsWith('event:order-created@'))).toBe(true);
    expect(matches.every((m) => /order|created/.test(m ?? ''))).toBe(true);
    const events = page.locator(`${map} .sy-node--event`);
    expect(await events.count()).toBeGreaterThan(0);
    await page.locator('input[data-kind="event"]').uncheck();
    expect(await page.locator(`${map} .sy-node--event:not(.is-hidden)`).count()).toBe(0);
    expect(await events.first().isVisible()).toBe(false);
    await page.locator('[data-vis-direction="DOWN"]').click();
    expect(await page.locator('sy-diagram[data-direction="DOWN"]').isVisible()).toBe(true);
    await page.close();
  });
});
