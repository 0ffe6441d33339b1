import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { runBuild } from './build.js';
import { loadCatalogState, snapshotName } from './catalog-state.js';

const example = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const event =
  'domains/Fulfilment/systems/inventory-system/services/InventoryService/events/InventoryReserved/index.mdx';

const scratch = mkdtempSync(join(tmpdir(), 'switchyard-catalog-state-'));
const dir = join(scratch, 'catalog');
const out = join(scratch, 'site');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const quiet: Io = { out: () => {}, err: () => {}, cwd: scratch, color: false };

/** What `serve` and `mcp` answer from at start and once the files are checked, as comparable data. */
async function summary(root: string, options: { out?: string } = {}) {
  const { loaded, state, snapshot, current } = await loadCatalogState(root, options);
  const resource = state.catalog.byKey.get('event:inventory-reserved@1.0.0');
  const fresh = await current;
  return {
    snapshot,
    changedSinceSnapshot: fresh !== undefined,
    freshSummary: fresh?.catalog.byKey.get('event:inventory-reserved@1.0.0')?.data.summary,
    resources: loaded.catalog.resources.length,
    edges: loaded.catalog.edges.length,
    diagnostics: loaded.diagnostics.length,
    summary: resource?.data.summary,
  };
}

describe('serve and mcp start from the snapshot build writes', () => {
  beforeAll(async () => {
    cpSync(example, dir, { recursive: true, filter: (src) => !/[\\/]dist([\\/]|$)/.test(src) });
    expect(await runBuild({ dir, out }, quiet)).toBe(0);
  }, 120_000);

  it('reads the snapshot while the catalog is as it was built, with the same catalog as a full load', async () => {
    expect(existsSync(join(out, snapshotName))).toBe(true);
    const loaded = await loadCatalog(dir);
    const fromSnapshot = await summary(dir, { out });
    expect(fromSnapshot).toMatchObject({
      snapshot: true,
      changedSinceSnapshot: false,
      resources: loaded.catalog.resources.length,
      edges: loaded.catalog.edges.length,
      diagnostics: loaded.diagnostics.length,
    });
  });

  it('loads the files again after a save, and writes a fresh snapshot for the next start', async () => {
    const file = join(dir, event);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^summary:.*$/m, 'summary: Saved after the build'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const changed = await summary(dir, { out });
    // Answers start from the snapshot (the catalog as built); the check brings the saved file.
    expect(changed).toMatchObject({
      snapshot: true,
      changedSinceSnapshot: true,
      freshSummary: 'Saved after the build',
    });
    expect(changed.summary).not.toBe('Saved after the build');
    expect(await summary(dir, { out })).toMatchObject({
      snapshot: true,
      changedSinceSnapshot: false,
      summary: 'Saved after the build',
    });
  });

  it('never writes a snapshot into a folder that is not a Switchyard build', async () => {
    const plain = join(scratch, 'not-a-build');
    mkdirSync(plain);
    expect((await summary(dir, { out: plain })).snapshot).toBe(false);
    expect(existsSync(join(plain, snapshotName))).toBe(false);
  });
});
