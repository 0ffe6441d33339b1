import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchCatalog } from './watch.js';

const root = mkdtempSync(join(tmpdir(), 'api-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchCatalog', () => {
  it('calls back once per burst of edits, and not for the output folder or node_modules', async () => {
    mkdirSync(join(root, 'services', 'a'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    let calls = 0;
    const watcher = watchCatalog(root, ['dist'], async () => {
      calls++;
    });
    try {
      await settle(100);
      writeFileSync(join(root, 'dist', 'index.html'), 'built');
      writeFileSync(join(root, 'node_modules', 'x.js'), 'dep');
      await settle(400);
      expect(calls).toBe(0);
      for (let i = 0; i < 5; i++)
        writeFileSync(join(root, 'services', 'a', 'index.mdx'), `---\nid: a${i}\n---\n`);
      for (let waited = 0; calls === 0 && waited < 5000; waited += 50) await settle(50);
      await settle(400);
      expect(calls).toBe(1);
    } finally {
      watcher.close();
    }
  });
});
