import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.js';
import { walkCatalog } from './walk.js';

const made: string[] = [];
function catalogDir(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'switchyard-loader-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const event = (id: string) => `---\nid: ${id}\nname: ${id}\nversion: 1.0.0\n---\n`;

describe('reading files', () => {
  it('reports binary and non-UTF-8 files and goes on with the rest', async () => {
    const root = catalogDir({
      'events/Bin/index.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]),
      'events/Latin/index.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
      'events/Ok/index.md': event('ok'),
    });
    const { diagnostics, catalog } = await loadCatalog(root);
    expect(diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      'events/Bin/index.md unreadable-file events/Bin/index.md holds binary data, not text.',
      'events/Latin/index.md unreadable-file events/Latin/index.md is not valid UTF-8 text.',
    ]);
    expect(catalog.resources.map((r) => r.id)).toEqual(['ok']);
  });

  it('follows links inside the catalog once, and refuses links that leave it', async () => {
    const outside = catalogDir({ 'secret/index.md': event('secret') });
    const root = catalogDir({ 'events/Ok/index.md': event('ok') });
    symlinkSync(join(root, 'events'), join(root, 'events', 'loop'));
    symlinkSync(join(outside, 'secret'), join(root, 'events', 'Secret'));
    const walked = await walkCatalog(root);
    expect(walked.files).toEqual(['events/Ok/index.md']);
    expect(walked.problems.map((p) => p.path)).toEqual(['events/Secret']);
  });

  it('reads switchyard.config.ts over eventcatalog.config.js, and reports a config that fails', async () => {
    const root = catalogDir({
      'eventcatalog.config.js': "export default { title: 'From EventCatalog', tagline: 'kept' };",
      'switchyard.config.ts':
        "const title: string = 'From Switchyard';\nexport default { title, base: 'docs' };",
      'events/Ok/index.md': event('ok'),
    });
    const { config, diagnostics } = await loadCatalog(root);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ title: 'From Switchyard', tagline: 'kept', base: '/docs/' });

    const broken = catalogDir({
      'eventcatalog.config.js': 'export default { title: 42 };\n',
      'events/Ok/index.md': event('ok'),
    });
    const result = await loadCatalog(broken);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['config-error', 'eventcatalog.config.js'],
    ]);
    expect(result.config.title).toBe('Catalog');
  });

  it('does not read the output folder, node_modules or dot-folders', async () => {
    const root = catalogDir({
      'eventcatalog.config.js': "export default { outDir: 'site' };",
      'site/events/X/index.md': event('x'),
      'node_modules/pkg/events/Y/index.md': event('y'),
      '.cache/events/Z/index.md': event('z'),
      'events/Ok/index.md': event('ok'),
    });
    const { catalog } = await loadCatalog(root);
    expect(catalog.resources.map((r) => r.id)).toEqual(['ok']);
  });
});
