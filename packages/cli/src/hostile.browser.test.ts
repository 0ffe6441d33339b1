import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { run } from './program.js';
import { securityHeaders } from './server/csp.js';
import { createStaticServer, listen } from './server/static.js';

/**
 * The hostile fixture (script tags, event handlers and javascript: URLs in every text field, traversal
 * paths in every file field) built and served by preview's server with its Content-Security-Policy, in
 * Chromium: no script of the content runs, the pages satisfy the CSP, and the browser asks for nothing
 * outside the site.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const hostile = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
const chromiumPath = '/usr/bin/chromium';
const quiet: Io = { out: () => {}, err: () => {}, cwd: repo, color: false };

let out: string;
let server: Server;
let origin: string;
let browser: Browser;
const problems: string[] = [];
const requests: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (d) => {
    problems.push(`${path}: a ${d.type()} dialog opened`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  return page;
}

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

const pages = [
  '/',
  '/docs/domains/evil-domain/1.0.0',
  '/docs/services/evil-service/1.0.0',
  '/docs/events/evil-event/1.0.0',
  '/docs/flows/evil-flow/1.0.0',
  '/docs/teams/evil-team',
  '/docs/users/evil-user',
  '/directory/teams',
  '/discover/domains',
  '/discover/services',
  '/schemas/events/evil-event/1.0.0',
];

describe.skipIf(!existsSync(chromiumPath))('the hostile fixture in Chromium', () => {
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'switchyard-hostile-')), 'dist');
    expect(await run(['build', hostile, '--out', out], quiet)).toBe(1); // it has errors, and a site
    server = createStaticServer({ root: out, base: '/', headers: securityHeaders });
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

  it.each(pages)(
    'runs no script of the content on %s',
    async (path) => {
      const page = await open(path);
      expect(await page.locator('h1').count()).toBeGreaterThan(0);
      // Hover and focus every reference, so hover cards render too.
      for (const link of (await page.locator('.sy-ref a:visible').all()).slice(0, 6)) {
        // Best effort: a link scrolled under the header cannot be hovered, and that is not what is tested.
        await link.hover({ timeout: 2_000 }).catch(() => {});
      }
      expect(await pwned(page)).toBeUndefined();
      expect(await page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
      await page.close();
    },
    60_000,
  );

  it('shows hostile names in search results as text', async () => {
    const page = await open('/');
    await page.keyboard.press('Control+k');
    const input = page.locator('.sy-search-input');
    await input.waitFor();
    await input.fill('evil');
    const names = page.locator('.sy-search-results .sy-search-name');
    await expect.poll(() => names.count()).toBeGreaterThan(0);
    expect((await names.allInnerTexts()).join(' ')).toContain('<script>');
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('satisfies the Content-Security-Policy and opens no dialog', () => {
    expect(problems.filter((p) => !/Failed to load resource.*404/.test(p))).toEqual([]);
  });

  it('asks for nothing outside the site', () => {
    expect(requests.length).toBeGreaterThan(pages.length);
    for (const url of requests) {
      expect(url.startsWith(`${origin}/`), url).toBe(true);
      expect(url).not.toMatch(/etc\/passwd|etc\/hostname|\.\.\//);
    }
  });
});
