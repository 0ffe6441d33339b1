import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { diagnosticCatalogue, kindDef } from '@switchyard/model';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCatalog, within, writeCatalog } from '../../../loader/src/_fuzz-catalogs.js';
import { buildSite } from './build.js';

/**
 * Property: whatever a catalog holds, the build finishes in bounded time with diagnostics of known codes,
 * and every resource that was valid on its own has its page. Fewer runs than the loader's: a build
 * renders every page. FUZZ_RUNS multiplies both (docs/testing.md).
 */
const runs = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 60) / 6));
const seed = Number(process.env.FUZZ_SEED ?? 9);
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-fuzz-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const knownCodes = new Set(Object.keys(diagnosticCatalogue));
let count = 0;

describe('buildSite on random and hostile catalogs', () => {
  it(
    'never throws or hangs, and writes a page for every valid resource',
    async () => {
      await fc.assert(
        fc.asyncProperty(fuzzCatalog, async (files) => {
          const root = join(scratch, String(count++));
          mkdirSync(root, { recursive: true });
          writeCatalog(root, files);
          const out = join(scratch, `out-${count}`);
          const loaded = await within(10_000, 'loading', loadCatalog(root));
          const result = await within(20_000, 'building', buildSite(loaded, { outDir: out }));
          for (const d of result.diagnostics) expect(knownCodes.has(d.code), d.code).toBe(true);
          for (const f of files) {
            if (!f.valid) continue;
            const page = join(out, 'docs', kindDef(f.valid.kind).plural, f.valid.id, '1.0.0', 'index.html');
            expect(existsSync(page), `${f.path} has no page`).toBe(true);
          }
          expect(existsSync(join(out, 'index.html'))).toBe(true);
          rmSync(root, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
        }),
        { seed, numRuns: runs, endOnFailure: true },
      );
    },
    Math.max(180_000, runs * 5_000),
  );

  it('shows a body too long to compile as plain text, with a warning, in bounded time', async () => {
    const root = join(scratch, 'huge-body');
    const body = Array.from(
      { length: 12_000 },
      (_, i) => `Line ${i} with **bold** and {frontmatter.name}.`,
    ).join('\n\n');
    writeCatalog(root, [
      { path: 'events/Big/index.mdx', content: `---\nid: big\nname: Big\nversion: 1.0.0\n---\n\n${body}\n` },
    ]);
    const result = await within(
      20_000,
      'building',
      buildSite(await loadCatalog(root), { outDir: join(scratch, 'huge-out') }),
    );
    expect(result.diagnostics.map((d) => d.code)).toContain('body-too-large');
    const html = readFileSync(join(scratch, 'huge-out/docs/events/big/1.0.0/index.html'), 'utf8');
    expect(html).toContain('<pre class="sy-plain-body">');
    expect(html).toContain('Line 11999 with **bold** and {frontmatter.name}.');
  });
});
