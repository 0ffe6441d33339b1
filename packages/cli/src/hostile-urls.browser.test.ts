import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
 * The hostile fixture served as a static host serves it, WITHOUT the Content-Security-Policy: on the
 * seed-like page (a custom doc drawing the hostile flow, as the seed's "Place an order" does), the flow's
 * map and the pages with the most URL sinks, every link, diagram node and group is clicked. No script of
 * the content runs (`window.__pwned` stays unset, no dialog opens). Navigations away are cancelled, so
 * one page load sees every click.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const hostile = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
const chromiumPath = '/usr/bin/chromium';
const quiet: Io = { out: () => {}, err: () => {}, cwd: repo, color: false };

let out: string;
let server: Server;
let origin: string;
let browser: Browser;

const pages = [
  '/docs/custom/flows/evil-flow-map',
  '/visualiser/flows/evil-flow/1.0.0',
  '/docs/domains/evil-domain/1.0.0',
  '/docs/events/evil-event/1.0.0',
  '/docs/services/evil-service/1.0.0',
  '/docs/users/evil-user',
  '/docs/teams/evil-team',
];

interface Visit {
  page: Page;
  /** Values the content's scripts assigned to `window.__pwned`. */
  pwned: unknown[];
  dialogs: string[];
  clicked: number;
}

/**
 * Opens `path`; later navigations of the page are aborted, new windows closed. `window.__pwned` reports
 * every assignment at once: a `javascript:` URL whose value is a string replaces the document, and the
 * window's properties with it, so reading the property afterwards would miss it.
 */
async function open(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const visit: Visit = { page, pwned: [], dialogs: [], clicked: 0 };
  await page.exposeFunction('__syReportPwned', (value: unknown) => visit.pwned.push(value));
  await page.addInitScript(() => {
    const report = (window as unknown as { __syReportPwned: (v: unknown) => void }).__syReportPwned;
    Object.defineProperty(window, '__pwned', { set: (value) => report(value), get: () => undefined });
  });
  page.on('dialog', (d) => {
    visit.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('popup', (p) => void p.close());
  let loaded = false;
  await page.route('**/*', (route) =>
    loaded && route.request().isNavigationRequest() ? route.abort('aborted') : route.continue(),
  );
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  loaded = true;
  return visit;
}

/**
 * Clicks every element `selector` matches, twice (in the visualiser a first click on a linked node
 * focuses it, the second follows the link): real clicks where the element can take them (visible, not
 * covered), else a click event dispatched on it (hidden hover-card links, covered nodes). Stops at the
 * first script that runs.
 */
async function clickAll(visit: Visit, selector: string): Promise<void> {
  const items = await visit.page.locator(selector).all();
  for (const item of items) {
    if (visit.pwned.length > 0) break;
    const once = () =>
      item.click({ timeout: 300, noWaitAfter: true }).then(
        () => true,
        () => false,
      );
    const clicked = (await item.isVisible().catch(() => false)) && (await once()) && (await once());
    if (!clicked) await item.dispatchEvent('click', undefined, { timeout: 300 }).catch(() => {});
    visit.clicked++;
  }
  await visit.page.waitForTimeout(100);
}

describe.skipIf(!existsSync(chromiumPath))('the hostile fixture without a CSP, every link clicked', () => {
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'switchyard-hostile-nocsp-')), 'dist');
    expect(await run(['build', hostile, '--out', out], quiet)).toBe(1); // it has errors, and a site
    server = createStaticServer({ root: out, base: '/' }); // no security headers, as most static hosts
    origin = await listen(server, 0);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('detects a script link when there is one (the harness can fail)', async () => {
    const visit = await open(pages[0] as string);
    expect(await visit.page.evaluate(() => document.querySelector('meta[http-equiv]'))).toBeNull();
    await visit.page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'java\tscript:window.__pwned="harness"';
      a.textContent = 'planted';
      a.className = 'planted';
      document.body.prepend(a);
    });
    await clickAll(visit, 'a.planted');
    expect(visit.pwned).toEqual(['harness']);
    await visit.page.close();
  });

  it('builds links in the browser scripts through the same policy (`_sy/shared/url-policy.js`)', async () => {
    const visit = await open(pages[0] as string);
    // A string, so the test runner leaves the page's own `import()` alone.
    const kept = await visit.page.evaluate(`import('/_sy/client/dom.js').then(({ h }) =>
      ['java\\tscript:x', '&#106;avascript:x', '//evil.example', '/docs/a', 'https://example.com/'].map(
        (href) => h('a', { href }).hasAttribute('href'),
      ))`);
    expect(kept).toEqual([false, false, false, true, true]);
    await visit.page.close();
  });

  it.each(pages)(
    'runs no script when every link and node of %s is clicked',
    async (path) => {
      const visit = await open(path);
      expect(await visit.page.locator('h1').count()).toBeGreaterThan(0);
      await clickAll(visit, 'a, svg a, [data-node], [data-group], area');
      expect(visit.clicked).toBeGreaterThan(10);
      expect(visit.pwned).toEqual([]);
      expect(visit.dialogs).toEqual([]);
      // Every link the page offers has a scheme the policy allows, as the browser resolved it.
      const hrefs = await visit.page.$$eval('a[href], [*|href]', (els) =>
        els.map((e) => (e instanceof HTMLAnchorElement ? e.href : (e.getAttribute('href') ?? ''))),
      );
      for (const href of hrefs) expect(href, path).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      await visit.page.close();
    },
    60_000,
  );

  it('draws the hostile flow steps on the flow map as nodes, clicked without running anything', async () => {
    const visit = await open('/visualiser/flows/evil-flow/1.0.0');
    const nodes = visit.page.locator('[data-node="3"], [data-node="5"], [data-node="6"], [data-node="10"]');
    expect(await nodes.count()).toBeGreaterThanOrEqual(4);
    await clickAll(visit, '[data-node="3"], [data-node="5"], [data-node="6"], [data-node="10"]');
    expect(visit.pwned).toEqual([]);
    expect(visit.dialogs).toEqual([]);
    await visit.page.close();
  });
});
