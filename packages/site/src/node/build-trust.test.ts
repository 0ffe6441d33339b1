import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { compileBody } from './mdx.js';

/**
 * `trustContent` travels with each build, never in a module variable: two builds in one process with
 * different settings, run at once, each get their own policy, on the main thread and on worker threads.
 */
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-trust-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** The same body in both catalogs: raw HTML and an expression that reads a global (it shows 3 + i). */
const body = (i: number) => `<kbd-x>custom ${i}</kbd-x> {globalThis.Math.max(${i}, ${3 + i})}\n`;
const events = 24;

/** A catalog of `events` events sharing their bodies with the other catalog; `trusted` sets its config. */
function catalog(name: string, trusted: boolean): string {
  const root = join(scratch, name);
  for (let i = 0; i < events; i++) {
    const file = join(root, `events/E${i}/index.mdx`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `---\nid: e${i}\nname: E${i}\nversion: 1.0.0\n---\n\n${body(i)}`);
  }
  if (trusted)
    writeFileSync(join(root, 'eventcatalog.config.js'), 'export default { trustContent: true };\n');
  return root;
}

type Build = typeof buildSite;
type Load = typeof loadCatalog;

/** Builds both catalogs at once and checks each page against its own catalog's policy. */
async function buildBoth(build: Build, load: Load, tag: string): Promise<void> {
  const trustedRoot = catalog(`${tag}-trusted`, true);
  const plainRoot = catalog(`${tag}-plain`, false);
  const [trusted, plain] = await Promise.all([
    load(trustedRoot).then((l) => build(l, { outDir: join(scratch, `${tag}-trusted-out`) })),
    load(plainRoot).then((l) => build(l, { outDir: join(scratch, `${tag}-plain-out`) })),
  ]);
  const page = (out: string, i: number) =>
    readFileSync(join(scratch, out, `docs/events/e${i}/1.0.0/index.html`), 'utf8');
  for (let i = 0; i < events; i++) {
    expect(page(`${tag}-trusted-out`, i)).toMatch(new RegExp(`<kbd-x>custom ${i}</kbd-x>\\s*${3 + i}`));
    const sanitised = page(`${tag}-plain-out`, i);
    expect(sanitised).not.toContain('<kbd-x>');
    expect(sanitised).toContain(`custom ${i}`);
    expect(sanitised).not.toMatch(new RegExp(`custom ${i}\\s*${3 + i}`));
  }
  expect(trusted.diagnostics.filter((d) => d.code === 'unsafe-content')).toEqual([]);
  const removed = plain.diagnostics.filter((d) => d.code === 'unsafe-content');
  expect(new Set(removed.map((d) => d.file)).size).toBe(events);
}

describe('trust settings travel with the build', () => {
  it('gives two builds at once each their own raw HTML policy', async () => {
    await buildBoth(buildSite, loadCatalog, 'src');
  }, 60_000);

  it('does so when bodies compile on worker threads (the compiled package)', async () => {
    // The compiled packages, whose worker file is there (run from sources, bodies compile in the process).
    const compiled = (pkg: string) => join(repo, `packages/${pkg}/dist`);
    expect(existsSync(join(compiled('site'), 'node/mdx-worker.js'))).toBe(true);
    const site = (await import(pathToFileURL(join(compiled('site'), 'index.js')).href)) as {
      buildSite: Build;
    };
    const loader = (await import(pathToFileURL(join(compiled('loader'), 'index.js')).href)) as {
      loadCatalog: Load;
    };
    await buildBoth(site.buildSite, loader.loadCatalog, 'dist');
  }, 120_000);

  it('never serves a trusted compile to an untrusted build from the compile cache', async () => {
    const text = '<b onclick="x()">raw</b> {globalThis.process}\n';
    const trusted = await compileBody(text, true);
    const untrusted = await compileBody(text, false);
    expect((trusted.facts as { removed?: unknown[] }).removed ?? []).toEqual([]);
    expect((untrusted.facts as { removed?: unknown[] }).removed?.length).toBeGreaterThan(0);
    // And the other way round, with the untrusted compile cached first.
    const other = '<kbd-x>k</kbd-x>\n';
    expect((await compileBody(other, false)).facts).toHaveProperty('removed');
    expect((await compileBody(other, true)).facts).not.toHaveProperty('removed');
  });
});
