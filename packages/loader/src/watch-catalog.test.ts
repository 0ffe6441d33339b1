import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCatalogIgnore } from './catalog-ignore.js';
import { watchCatalog, watchDebounceMs } from './watch-catalog.js';

const root = mkdtempSync(join(tmpdir(), 'loader-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the catalog ignore list', () => {
  it('skips dot-folders, node_modules and the output folder wherever it is, with its swap folders', () => {
    const ignored = createCatalogIgnore(root, ['build/site', join(root, 'abs-out'), '../elsewhere']);
    for (const path of [
      '.git/index',
      'events/.cache/x',
      'services/A/node_modules/p/index.mdx',
      'build/site/index.html',
      'build/site.building-1234/docs/index.html',
      'build/site.previous-99/index.html',
      'abs-out/api/nav.json',
    ])
      expect(ignored(path), path).toBe(true);
    for (const path of ['events/A/index.mdx', 'build/notes.md', 'build/site-notes/x.md', 'site/index.html'])
      expect(ignored(path), path).toBe(false);
  });
});

describe('watchCatalog', () => {
  it('hands on one debounced change set for a burst in the catalog, and nothing for the output folder', async () => {
    mkdirSync(join(root, 'services/A'), { recursive: true });
    mkdirSync(join(root, 'out/site/docs'), { recursive: true });
    mkdirSync(join(root, 'out/site.building-1/docs'), { recursive: true });
    mkdirSync(join(root, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    const calls: string[][] = [];
    const watcher = watchCatalog(root, {
      outDirs: () => ['out/site'],
      onChange: async (changed) => {
        calls.push([...changed].sort());
      },
    });
    try {
      await settle(100);
      writeFileSync(join(root, 'out/site/index.html'), 'built');
      writeFileSync(join(root, 'out/site/docs/page.html'), 'built');
      writeFileSync(join(root, 'out/site.building-1/docs/page.html'), 'building');
      writeFileSync(join(root, 'node_modules/pkg/x.js'), 'dep');
      writeFileSync(join(root, '.git/HEAD'), 'ref');
      await settle(watchDebounceMs * 4);
      expect(calls).toEqual([]);

      for (let i = 0; i < 5; i++) {
        writeFileSync(join(root, 'services/A/index.mdx'), `---\nid: a${i}\n---\n`);
        writeFileSync(join(root, 'services/A/schema.json'), `{"v":${i}}`);
      }
      for (let waited = 0; calls.length === 0 && waited < 5000; waited += 25) await settle(25);
      await settle(watchDebounceMs * 4);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toContain('services/A/index.mdx');
      expect(calls[0]).toContain('services/A/schema.json');
      expect(calls[0]?.every((p) => p.startsWith('services/'))).toBe(true);
    } finally {
      watcher.close();
    }
  });

  it('sees every save by rename (how editors save), and each file of a folder copied in', async () => {
    const dir = mkdtempSync(join(root, 'saves-'));
    mkdirSync(join(dir, 'events/A'), { recursive: true });
    mkdirSync(join(root, 'source/B'), { recursive: true });
    writeFileSync(join(root, 'source/B/index.mdx'), '---\nid: b\n---\n');
    writeFileSync(join(root, 'source/B/schema.json'), '{}');
    const calls: string[][] = [];
    const watcher = watchCatalog(dir, {
      outDirs: () => [],
      onChange: async (changed) => {
        calls.push([...changed]);
      },
    });
    const file = 'events/A/index.mdx';
    try {
      await settle(100);
      for (let i = 0; i < 4; i++) {
        writeFileSync(join(dir, 'events/A/.index.mdx.swp'), `v${i}`);
        renameSync(join(dir, 'events/A/.index.mdx.swp'), join(dir, file));
        await settle(watchDebounceMs * 4);
      }
      expect(calls.filter((c) => c.includes(file))).toHaveLength(4);
      calls.length = 0;
      cpSync(join(root, 'source/B'), join(dir, 'events/B'), { recursive: true });
      await settle(watchDebounceMs * 4);
      const seen = calls.flat();
      expect(seen).toContain('events/B/index.mdx');
      expect(seen).toContain('events/B/schema.json');
    } finally {
      watcher.close();
    }
  });
});
