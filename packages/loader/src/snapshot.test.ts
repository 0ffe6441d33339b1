import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedCatalog, loadCatalog } from './load-catalog.js';
import { readSnapshot, restoreSnapshot, snapshotOf, writeSnapshot } from './snapshot.js';

const fixtures = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));
const acme = join(fixtures, 'eventcatalog-acme');
/** A 1.x catalog: its config users are resources located in the config, not in a Markdown file. */
const stormstack = join(fixtures, 'real-world/stormstack');

const work = mkdtempSync(join(tmpdir(), 'switchyard-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a loaded catalog says, as plain data: resources, every edge, diagnostics, and resource positions. */
function facts(loaded: LoadedCatalog) {
  const { catalog } = loaded;
  return {
    resources: catalog.resources.map((r) => ({ ...r, source: { ...r.source, position: undefined } })),
    edges: catalog.edges,
    latest: [...catalog.latestByKind].map(([kind, list]) => [kind, list.map((r) => r.key)]),
    diagnostics: loaded.diagnostics,
    files: loaded.files,
    config: loaded.config,
    positions: catalog.resources.map((r) => [
      r.source.position('id', true),
      r.source.position('name', false),
    ]),
  };
}

describe('catalog snapshot', () => {
  let fixture: LoadedCatalog;
  let v1: LoadedCatalog;
  beforeAll(async () => {
    [fixture, v1] = await Promise.all([loadCatalog(acme), loadCatalog(stormstack)]);
  });

  it('restores the same catalog from its serialized snapshot: resources, edges, diagnostics, positions', () => {
    for (const loaded of [fixture, v1]) {
      const restored = restoreSnapshot(loaded.root, deserialize(serialize(snapshotOf(loaded))));
      expect(restored.catalog.resources.length).toBeGreaterThan(10);
      expect(facts(restored)).toEqual(facts(loaded));
    }
    expect(v1.catalog.resources.some((r) => !/\.mdx?$/.test(r.source.file))).toBe(true);
  });

  it('leaves bodies and what was read from them out when asked, and the graph made from it is the same', () => {
    for (const loaded of [fixture, v1]) {
      const restored = restoreSnapshot(
        loaded.root,
        deserialize(serialize(snapshotOf(loaded, { bodies: false }))),
      );
      expect(restored.catalog.resources.every((r) => r.body === '')).toBe(true);
      expect(loaded.catalog.resources.some((r) => r.body.length > 0)).toBe(true);
      expect(
        restored.catalog.resources.every((r) => r.references.length === 0 && r.imports.length === 0),
      ).toBe(true);
      const { resources: _a, positions: _b, ...graph } = facts(restored);
      const { resources: _c, positions: _d, ...expected } = facts(loaded);
      expect(graph).toEqual(expected);
    }
    expect(fixture.catalog.resources.some((r) => r.references.length > 0)).toBe(true);
  });

  it('reads back a snapshot written with the same fingerprint, and refuses any other', async () => {
    const file = join(work, 'fixture.bin');
    await writeSnapshot(fixture, file, 'print-1');
    const back = readSnapshot(acme, file, 'print-1');
    expect(back?.fingerprint).toBe('print-1');
    expect(back && facts(back.loaded)).toEqual(facts(fixture));
    expect(readSnapshot(acme, file)?.fingerprint).toBe('print-1');
    expect(readSnapshot(acme, file, 'print-2')).toBeUndefined();
    expect(readSnapshot(acme, join(work, 'absent.bin'), 'print-1')).toBeUndefined();
  });

  it('refuses a cut, damaged or foreign file instead of reading it', async () => {
    const file = join(work, 'damaged.bin');
    await writeSnapshot(fixture, file, 'p');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(readSnapshot(acme, file, 'p')).toBeUndefined();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 50] = (flipped[flipped.length - 50] ?? 0) ^ 0xff;
    writeFileSync(file, flipped);
    expect(readSnapshot(acme, file, 'p')).toBeUndefined();
    writeFileSync(file, `{"format":"something-else"}\n${'x'.repeat(20)}`);
    expect(readSnapshot(acme, file, 'p')).toBeUndefined();
    writeFileSync(file, serialize({ not: 'a snapshot' }));
    expect(readSnapshot(acme, file, 'p')).toBeUndefined();
  });
});
