import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildResult } from './build-runs.js';
import { findTargets } from './dev-latency.js';
import { generateCatalog } from './generate.js';
import { checkGoals, flatMemory } from './goals.js';
import { measureOutput } from './output.js';
import { namedSizes } from './sizes.js';
import { median } from './stats.js';
import { buildTable, outputTable } from './tables.js';

const root = mkdtempSync(join(tmpdir(), 'switchyard-bench-suite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(dir: string, path: string, bytes: number) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), 'x'.repeat(bytes));
}

describe('measureOutput', () => {
  it('counts pages, finds the largest, takes the median of resource pages and sizes the search files', () => {
    const dir = join(root, 'site');
    write(dir, 'index.html', 9_000);
    write(dir, 'docs/index.html', 100); // the /docs redirect: not a resource page
    write(dir, 'docs/events/a/1.0.0/index.html', 1_000);
    write(dir, 'docs/events/b/1.0.0/index.html', 3_000);
    write(dir, 'docs/services/c/1.0.0/index.html', 2_000);
    write(dir, 'api/search/quick.json', 5_000);
    write(dir, '.switchyard-diagrams.json', 700);
    const o = measureOutput(dir);
    expect(o.pages).toBe(5);
    expect(o.files).toBe(7);
    expect(o.bytes).toBe(9_000 + 100 + 1_000 + 3_000 + 2_000 + 5_000 + 700);
    expect(o.largestPage).toEqual({ path: 'index.html', bytes: 9_000 });
    expect(o.resourcePages).toBe(3);
    expect(o.medianResourcePageBytes).toBe(2_000);
    expect(o.searchQuick?.bytes).toBe(5_000);
    expect(o.searchQuick?.gzipBytes).toBeLessThan(200); // one repeated letter compresses well
    expect(o.searchFull).toBeNull();
    expect(o.layoutCacheBytes).toBe(700);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('findTargets', () => {
  it('finds a message, a service and a custom doc of a generated catalog, with their page paths', () => {
    const dir = join(root, 'catalog');
    const size = namedSizes.S;
    if (!size) throw new Error('no S');
    generateCatalog(dir, { resources: size.resources, ...(size.budget ? { budget: size.budget } : {}) });
    const t = findTargets(dir);
    expect(t.message?.file).toMatch(/\/events\/[^/]+\/index\.mdx$/);
    expect(t.message?.page).toMatch(/^\/docs\/events\/[a-z0-9-]+\/\d+\.\d+\.\d+$/);
    expect(t.service?.page).toMatch(/^\/docs\/services\/[a-z0-9-]+\/\d+\.\d+\.\d+$/);
    expect(t.doc?.file).toMatch(/^docs\/[a-z]+\/[^/]+\.mdx$/);
    expect(t.doc?.page).toBe(`/docs/custom/${t.doc?.file.replace(/^docs\//, '').replace(/\.mdx$/, '')}`);
  });
});

describe('checkGoals', () => {
  const output = {
    files: 10,
    bytes: 2 * 1024 ** 3,
    pages: 8,
    largestPage: { path: 'docs/big/index.html', bytes: 150 * 1024 },
    medianResourcePageBytes: 50 * 1024,
    resourcePages: 6,
    searchQuick: { bytes: 1000, gzipBytes: 300 },
    searchFull: null,
    layoutCacheBytes: null,
  };
  const L: BuildResult = {
    name: 'L',
    source: 'generated',
    resources: 13_179,
    runs: [],
    stopped: null,
    medianMs: 20_000,
    minMs: 20_000,
    maxMs: 20_000,
    medianLoadMs: 2_000,
    medianProcessMs: 21_000,
    medianRssMB: 800,
    maxRssMB: 900,
    output,
    medianRebuildMs: 6_000,
    diagnostics: 0,
    errors: 0,
  };

  it('says which goals are met, which are missed and by how much, and which were not measured', () => {
    const goals = checkGoals({ loads: [], builds: [L], dev: {} });
    const byName = (start: string) => goals.find((g) => g.goal.startsWith(start));
    expect(byName('L full build')).toMatchObject({ met: false });
    expect(byName('L full build')?.detail).toMatch(/median 20\.00 s \(ok\).*output 2048\.0 MB \(too big\)/);
    expect(byName('L rebuild')).toMatchObject({ met: false, detail: 'median 6.00 s' });
    expect(byName('L largest page')).toMatchObject({ met: false });
    expect(byName('XL full build')).toMatchObject({ met: null });
    expect(byName('fixture')).toMatchObject({ met: null });
    expect(byName('⌘K')?.detail).toMatch(/--browser/);
  });

  it('counts a stopped build as missed and shows where it stopped in the table', () => {
    const stopped: BuildResult = {
      ...L,
      name: 'XL',
      runs: [],
      stopped: { afterMs: 900_000, peakRssMB: 2_000 },
      medianMs: null,
      maxRssMB: null,
      output: null,
    };
    const goal = checkGoals({ loads: [], builds: [stopped], dev: {} }).find((g) => g.goal.startsWith('XL'));
    expect(goal).toMatchObject({ met: false, detail: 'stopped after 900 s, peak RSS 2,000 MB by then' });
    expect(buildTable([stopped])).toContain('stopped at 900 s');
    expect(outputTable([L])).toMatch(/\| L +\| +8 \|/);
  });
});

describe('the memory flatness goal', () => {
  const at = (
    size: string,
    pages: number,
    buildRssMB: number,
    loadRssMB: number,
    modelHeapMB = 0,
    modelThreads = 0,
  ) => ({
    size,
    pages,
    buildRssMB,
    loadRssMB,
    modelHeapMB,
    modelThreads,
  });

  it('is met when what a build holds past its model stays the same as pages grow thirteenfold', () => {
    const result = flatMemory(at('M', 4_999, 560, 190), at('L', 65_850, 820, 400));
    expect(result.met).toBe(true);
    expect(result.detail).toContain('M: 370 MB past its model for 4,999 pages');
  });

  it('is missed when that extra grows with the pages', () => {
    expect(flatMemory(at('M', 4_999, 560, 190), at('L', 65_850, 1_600, 400)).met).toBe(false);
  });

  it("counts the model's copy on each thread that holds one as model, not as growth", () => {
    // L: 1,600 MB peak, 400 MB to load, a 160 MB model copied once onto the visualiser's thread.
    const threaded = (buildRssMB: number) =>
      flatMemory(at('M', 4_999, 700, 190, 35, 1), at('L', 65_850, buildRssMB, 400, 160, 1));
    expect(threaded(1_250).met).toBe(true);
    expect(threaded(1_250).detail).toContain('L: 690 MB');
    expect(threaded(1_600).met).toBe(false);
  });
});
