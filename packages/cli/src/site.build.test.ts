import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkLinks } from '@switchyard/site';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { run } from './program.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
const example = join(repo, 'examples/acme');
const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-build-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function build(dir: string, out: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    cwd: repo,
    color: false,
  };
  const code = await run(['build', dir, '--out', out], io);
  return { code, stdout, stderr };
}

describe('switchyard build', () => {
  it.each([
    ['the bundled example', example],
    ['the EventCatalog fixture', fixture],
  ])(
    'builds %s with no error, no broken internal link, and no page over 200 KB',
    async (_name, dir) => {
      const out = join(temp(), 'dist');
      const { code, stdout, stderr } = await build(dir, out);
      expect(stderr).not.toMatch(/\berror\b/);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Built \d+ pages/);
      const report = checkLinks(out);
      expect(report.broken).toEqual([]);
      expect(report.links).toBeGreaterThan(1000);
      const largest = Number(/Largest page: (\d+) KB/.exec(stdout)?.[1]);
      expect(largest).toBeLessThan(200);
      for (const file of [
        'index.html',
        'llms.txt',
        'llms-full.txt',
        'api/nav.json',
        'api/search/quick.json',
        'api/search/full.json',
        'directory/teams/index.html',
      ]) {
        expect(existsSync(join(out, file)), file).toBe(true);
      }
    },
    60_000,
  );

  it('writes each resource at its version, as Markdown, and leads its latest URL to its newest version', async () => {
    const out = join(temp(), 'dist');
    await build(fixture, out);
    for (const path of [
      'docs/events/order-created/1.0.0/index.html',
      'docs/events/order-created/0.3.0/index.html',
      'docs/events/order-created/index.html',
      'docs/events/order-created/0.3.0.md',
      'docs/custom/flows/01-place-an-order/index.html',
      'docs/custom/flows/01-place-an-order.md',
      'docs/teams/ordering-platform/index.html',
      'docs/users/dboyne/index.html',
      'discover/events/index.html',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    // One copy of each page: the URL without a version is a redirect, not a second page.
    const latest = readFileSync(join(out, 'docs/events/order-created/index.html'), 'utf8');
    expect(latest).toContain('http-equiv="refresh" content="0; url=/docs/events/order-created/1.0.0"');
    expect(latest.length).toBeLessThan(500);
    expect(readFileSync(join(out, 'docs/custom/flows/01-place-an-order.md'), 'utf8')).toContain(
      '## Happy path',
    );
    expect(readFileSync(join(out, 'llms.txt'), 'utf8')).toContain(
      '/docs/services/checkout-orchestrator/1.0.0.md',
    );
  }, 60_000);

  it('honours base and trailingSlash in every link and asset', async () => {
    const copy = temp();
    cpSync(example, copy, { recursive: true });
    writeFileSync(
      join(copy, 'switchyard.config.mjs'),
      "export default { base: '/catalog/', trailingSlash: true };\n",
    );
    const out = join(temp(), 'dist');
    expect((await build(copy, out)).code).toBe(0);
    const html = readFileSync(join(out, 'docs/custom/flows/01-place-an-order/index.html'), 'utf8');
    const hrefs = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1] as string);
    expect(hrefs.length).toBeGreaterThan(20);
    expect(hrefs.filter((h) => !h.startsWith('/catalog/'))).toEqual([]);
    expect(hrefs).toContain('/catalog/docs/services/cart-api/1.0.0/');
    expect(checkLinks(out, '/catalog/').broken).toEqual([]);
  }, 60_000);

  it('refuses to write over the catalog or over a folder that is not a previous build', async () => {
    const copy = temp();
    cpSync(example, copy, { recursive: true });
    const intoCatalog = await build(copy, copy);
    expect(intoCatalog.code).toBe(2);
    expect(intoCatalog.stderr).toMatch(/holds the catalog/);
    const other = temp();
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const intoOther = await build(copy, other);
    expect(intoOther.code).toBe(2);
    expect(intoOther.stderr).toMatch(/does not look like a previous Switchyard build/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  }, 60_000);

  it('writes the same bytes in every file whether pages and sections build on threads of their own or not', async () => {
    // The compiled packages, whose worker files are there (tests otherwise run the sources, in one thread).
    const compiled = (pkg: string) => pathToFileURL(join(repo, `packages/${pkg}/dist/index.js`)).href;
    const { buildSite } = (await import(compiled('site'))) as typeof import('@switchyard/site');
    const { loadCatalog } = (await import(compiled('loader'))) as typeof import('@switchyard/loader');
    const loaded = await loadCatalog(fixture);
    const one = join(temp(), 'one');
    const two = join(temp(), 'two');
    const inline = await buildSite(loaded, { outDir: one });
    // A small link ledger: every thread sets link targets aside in the work folder and hands them over.
    const threaded = await buildSite(loaded, {
      outDir: two,
      threads: true,
      threadsFrom: 0,
      pageThreads: 3,
      linkLimit: 64,
    });
    expect(Object.keys(threaded.phases ?? {})).toEqual(
      expect.arrayContaining([
        'section:visualiser (own thread)',
        'pages 1 (own thread)',
        'pages 3 (own thread)',
      ]),
    );
    expect(Object.keys(inline.phases ?? {})).not.toContain('section:visualiser (own thread)');
    expect(threaded.diagnostics).toEqual(inline.diagnostics);
    expect(threaded.pages).toBe(inline.pages);
    // Every file but the build's own bookkeeping (its timings, and the layout cache in use order).
    const bookkeeping = new Set(['.switchyard-build', '.switchyard-diagrams.json']);
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !bookkeeping.has(e.name))
        .map((e) => relative(dir, join(e.parentPath, e.name)))
        .sort();
    const written = files(one);
    expect(written.length).toBeGreaterThan(500);
    expect(files(two)).toEqual(written);
    const differing = written.filter((f) => !readFileSync(join(one, f)).equals(readFileSync(join(two, f))));
    expect(differing).toEqual([]);
    expect(checkLinks(two).broken).toEqual([]);
  }, 120_000);
});
