import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnosticCatalogue } from '@switchyard/model';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCatalog, pathFor, resourceFile, within, writeCatalog } from './_fuzz-catalogs.js';
import { loadCatalog } from './load-catalog.js';
import { maxFileBytes } from './read-text.js';

/**
 * Property: whatever files a catalog holds, loadCatalog resolves in bounded time with diagnostics of known
 * codes, and every resource that is valid on its own is in the catalog. Fixed seed, bounded runs; set
 * FUZZ_RUNS for a longer search (docs/testing.md).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 60);
const seed = Number(process.env.FUZZ_SEED ?? 9);
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-fuzz-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
const freshRoot = () => {
  const root = join(scratch, String(count++));
  mkdirSync(root, { recursive: true });
  return root;
};
const knownCodes = new Set(Object.keys(diagnosticCatalogue));

describe('loadCatalog on random and hostile catalogs', () => {
  it(
    'never throws or hangs, and keeps every valid resource',
    async () => {
      await fc.assert(
        fc.asyncProperty(fuzzCatalog, async (files) => {
          const root = freshRoot();
          writeCatalog(root, files);
          const loaded = await within(5_000, 'loading', loadCatalog(root));
          for (const d of loaded.diagnostics) {
            expect(knownCodes.has(d.code), d.code).toBe(true);
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(typeof d.message).toBe('string');
          }
          for (const f of files) {
            if (!f.valid) continue;
            const found = loaded.catalog.resources.some(
              (r) => r.kind === f.valid?.kind && r.id === f.valid.id,
            );
            expect(found, `${f.path} is missing`).toBe(true);
          }
          // Nothing in the content reaches the prototype of plain objects.
          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
          rmSync(root, { recursive: true, force: true });
        }),
        { seed, numRuns: runs, endOnFailure: true },
      );
    },
    Math.max(120_000, runs * 1_000),
  );
});

describe('files that defeat naive readers', () => {
  it('reports a file too large to read instead of reading it', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'events/Huge'), { recursive: true });
    writeFileSync(join(root, 'events/Huge/index.mdx'), Buffer.alloc(maxFileBytes + 1, 0x61));
    const loaded = await within(5_000, 'loading', loadCatalog(root));
    expect(loaded.diagnostics.map((d) => d.code)).toContain('unreadable-file');
    expect(loaded.diagnostics.find((d) => d.file === 'events/Huge/index.mdx')?.message).toMatch(/MB/);
  });

  it('walks symbolic link loops once and refuses links that leave the root', async () => {
    const root = freshRoot();
    writeCatalog(root, [{ path: pathFor('event', 'a'), content: resourceFile('a', {}) }]);
    symlinkSync('..', join(root, 'events/a/up')); // a loop back to the root
    symlinkSync(join(root, 'events'), join(root, 'events/a/again')); // a loop inside
    symlinkSync('/etc', join(root, 'services')); // out of the catalog
    symlinkSync(join(root, 'nowhere'), join(root, 'events/a/broken'));
    const loaded = await within(5_000, 'loading', loadCatalog(root));
    expect(loaded.catalog.resources.filter((r) => r.id === 'a')).toHaveLength(1);
    expect(loaded.files.some((f) => f.includes('etc') || f.startsWith('services/'))).toBe(false);
    const messages = loaded.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toMatch(/services is a link to .*outside the catalog/);
    expect(messages).toMatch(/broken link/);
  });

  it('survives files that vanish while the catalog is being read', async () => {
    const root = freshRoot();
    const files = Array.from({ length: 200 }, (_, i) => ({
      path: pathFor('event', `e${i}`),
      content: resourceFile(`e${i}`, {}),
    }));
    writeCatalog(root, files);
    const loading = loadCatalog(root);
    // Delete every other file while the walk and the reads are under way.
    for (const [i, f] of files.entries()) {
      if (i % 2) continue;
      await new Promise((r) => setImmediate(r));
      try {
        unlinkSync(join(root, f.path));
      } catch {}
    }
    const loaded = await within(5_000, 'loading', loading);
    expect(loaded.catalog.resources.length).toBeGreaterThanOrEqual(100);
    for (const d of loaded.diagnostics.filter((d) => d.severity === 'error'))
      expect(d.code).toBe('unreadable-file');
  });
});
