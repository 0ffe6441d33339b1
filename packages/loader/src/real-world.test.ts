import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { ignoredRootFolders } from './classify.js';
import { loadCatalog } from './load-catalog.js';

/**
 * Catalogs written by real teams (shared/fixtures/real-world, EventCatalog 1.x to 4.x), read unchanged.
 * What must hold for each: every resource file is read (the raw count of files, not our classifier's), no
 * error for anything EventCatalog accepts, and the real mistakes its README lists are reported.
 */
const realWorld = fileURLToPath(new URL('../../../../shared/fixtures/real-world', import.meta.url));

/** Codes that would mean Switchyard refuses what EventCatalog reads. */
const acceptedByEventCatalog = new Set(['unknown-field', 'invalid-frontmatter', 'missing-required-field']);

/** Resource files by a plain walk: every index.md(x), plus the one-file teams and users, outside root code folders. */
function resourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!rel && ignoredRootFolders.has(entry.name)) continue;
        walk(join(dir, entry.name), path);
      } else if (/^index\.mdx?$/.test(entry.name) || /^(teams|users)\/[^/]+\.mdx?$/.test(path)) {
        found.push(path);
      }
    }
  };
  walk(root, '');
  return found;
}

const codes = (list: readonly Diagnostic[], severity: Diagnostic['severity']) => {
  const out: Record<string, number> = {};
  for (const d of list) if (d.severity === severity) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
};

interface Expected {
  /** Files that define a resource another file already defines (duplicate-id: documented, reported). */
  duplicates: number;
  /** The real mistakes, by code, that the fixture README describes. */
  errors: Record<string, number>;
  /** Users declared in the config (1.x). */
  configUsers?: number;
}

const catalogs: Record<string, Expected> = {
  // 1.x: names as ids, producers/consumers; two spellings of a service that does not exist; one duplicate.
  stormstack: { duplicates: 1, errors: { 'unknown-reference': 4 }, configUsers: 1 },
  'eda-playground': { duplicates: 0, errors: {} },
  'poc-event-system': { duplicates: 0, errors: {} },
  'autotel-commerce': { duplicates: 0, errors: {} },
  'food-delivery-microservices': { duplicates: 0, errors: {} },
  'ticketry-model-atlas': { duplicates: 0, errors: {} },
};

describe('real-world catalogs', () => {
  it('covers every catalog in the fixtures folder', () => {
    const folders = readdirSync(realWorld, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).sort()).toEqual(Object.keys(catalogs).sort());
  });

  for (const [name, expected] of Object.entries(catalogs)) {
    it(`${name}: every resource file read, no error on what EventCatalog accepts`, async () => {
      const root = join(realWorld, name);
      const { catalog, diagnostics } = await loadCatalog(root);
      const fromConfig = catalog.resources.filter((r) => /^eventcatalog\.config\./.test(r.source.file));
      expect(fromConfig.length).toBe(expected.configUsers ?? 0);
      const primary = catalog.resources.filter((r) => r.attachedTo === undefined && !fromConfig.includes(r));
      const files = resourceFiles(root);
      expect(primary.length + expected.duplicates).toBe(files.length);
      expect(new Set(primary.map((r) => r.source.file)).size).toBe(primary.length);
      const duplicates = diagnostics.filter((d) => d.code === 'duplicate-id');
      expect(duplicates.length).toBe(expected.duplicates);
      const refused = diagnostics.filter((d) => d.severity === 'error' && acceptedByEventCatalog.has(d.code));
      expect(refused).toEqual([]);
      expect(codes(diagnostics, 'error')).toEqual(expected.errors);
      for (const d of diagnostics) {
        expect(d.line, `${d.file} ${d.code}`).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
      }
    });
  }
});
