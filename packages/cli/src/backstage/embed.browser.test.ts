import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { run } from '../program.js';
import { createStaticServer, listen } from '../server/static.js';

/** The embed form (`?embed=1`) of a page built from a fresh `init` catalog, in Chromium. */
const chromiumPath = '/usr/bin/chromium';
let temp: string;
let server: Server;
let origin: string;
let browser: Browser;

describe.skipIf(!existsSync(chromiumPath))('?embed=1 in Chromium', () => {
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'eco-embed-'));
    const quiet: Io = { out: () => {}, err: () => {}, cwd: temp, color: false };
    expect(await run(['init', 'catalog', '--yes'], quiet)).toBe(0);
    expect(await run(['build', 'catalog', '--out', 'site'], quiet)).toBe(0);
    server = createStaticServer({ root: join(temp, 'site'), base: '/' });
    origin = await listen(server, 0);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('shows the page without the app chrome, and keeps the embed form on links', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(`${origin}/docs/services/order-service?embed=1`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('sy-embed')))
      .toBe(true);
    expect(await page.locator('.sy-header').isVisible()).toBe(false);
    expect(await page.locator('.sy-rail').isVisible()).toBe(false);
    expect(await page.locator('.sy-sidebar').isVisible()).toBe(false);
    expect(await page.locator('.sy-main').isVisible()).toBe(true);
    // The content takes the frame's whole width: no rail or sidebar beside it.
    const box = await page.locator('.sy-main').boundingBox();
    expect(box?.x).toBeLessThan(4);
    expect(box?.width).toBeGreaterThan(890);

    const link = page.locator('.sy-main a[href*="/docs/events/order-placed"]').first();
    await link.click();
    await page.waitForURL(/\/docs\/events\/order-placed/);
    expect(new URL(page.url()).searchParams.get('embed')).toBe('1');
    expect(await page.locator('.sy-header').isVisible()).toBe(false);

    await page.goto(`${origin}/docs/services/order-service`, { waitUntil: 'networkidle' });
    expect(await page.locator('.sy-header').isVisible()).toBe(true);
    await page.close();
  });
});
