import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import type { Io } from './io.js';
import { run } from './program.js';
import { createStaticServer, listen } from './server/static.js';

/** For browser tests: Debian's Chromium, the fixture catalog, and a site built from it and served. */
export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export interface BuiltSite {
  out: string;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds `catalog` with the CLI into a temporary folder, serves it on a free port and starts Chromium. */
export async function buildAndServe(catalog: string, name: string): Promise<BuiltSite> {
  const quiet: Io = { out: () => {}, err: () => {}, cwd: repo, color: false };
  const out = join(mkdtempSync(join(tmpdir(), `switchyard-${name}-`)), 'dist');
  const code = await run(['build', catalog, '--out', out], quiet);
  if (code !== 0) throw new Error(`switchyard build ${catalog} exited ${code}`);
  const server = createStaticServer({ root: out, base: '/' });
  const origin = await listen(server, 0);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  return {
    out,
    origin,
    browser,
    async close() {
      await browser.close();
      server.close();
      rmSync(join(out, '..'), { recursive: true, force: true });
    },
  };
}

/** Site paths (`/a/b`) of every `index.html` under `dir`, a folder of the output `root`. */
export function pagesUnder(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === 'index.html') found.push(`/${relative(root, d)}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}
