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

  it('reports a named file that is a link out at the field that names it, and a config link out unrun', async () => {
    const outside = catalogDir({
      'secret.json': '{"secret":true}',
      'specs/openapi.yml': 'openapi: 3.0.0',
      'evil.config.js': "globalThis.__ranOutsideConfig = true; export default { title: 'Outside' };",
    });
    const root = catalogDir({
      'events/Ok/index.mdx':
        '---\nid: ok\nname: Ok\nversion: 1.0.0\nschemaPath: schema.json\nspecifications:\n  - type: openapi\n    path: linked/openapi.yml\n---\n\nimport X from "./component.mdx";\n',
      'events/Other/index.md': event('other'),
    });
    symlinkSync(join(outside, 'secret.json'), join(root, 'events/Ok/schema.json'));
    symlinkSync(join(outside, 'specs'), join(root, 'events/Ok/linked'));
    symlinkSync(join(outside, 'secret.json'), join(root, 'events/Ok/component.mdx'));
    symlinkSync(join(outside, 'evil.config.js'), join(root, 'eventcatalog.config.js'));
    symlinkSync(join(outside, 'secret.json'), join(root, 'events/Other/unnamed.json'));
    const { diagnostics, config } = await loadCatalog(root);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      'eventcatalog.config.js:1:1 file-outside-catalog eventcatalog.config.js is a symbolic link that leads outside the catalog; it is not run.',
      'events/Ok/index.mdx:5:13 file-outside-catalog The schema path "schema.json" is a symbolic link that leads outside the catalog.',
      'events/Ok/index.mdx:8:11 file-outside-catalog The specification path "linked/openapi.yml" is a symbolic link that leads outside the catalog.',
      'events/Ok/index.mdx:11:15 file-outside-catalog The import "./component.mdx" is a symbolic link that leads outside the catalog; it is not read.',
      expect.stringMatching(
        /^events\/Other\/unnamed\.json:1:1 file-outside-catalog events\/Other\/unnamed\.json is a link to .*outside the catalog/,
      ),
    ]);
    expect(config.title).not.toBe('Outside');
    expect((globalThis as { __ranOutsideConfig?: boolean }).__ranOutsideConfig).toBeUndefined();
  });

  it('does not read a file saved as a link out on a reload (the dev server and serve reload this way)', async () => {
    const outside = catalogDir({ 'secret/index.md': event('secret') });
    const root = catalogDir({ 'events/Ok/index.md': event('ok') });
    const previous = await loadCatalog(root, { forReload: true });
    mkdirSync(join(root, 'events/New'));
    symlinkSync(join(outside, 'secret/index.md'), join(root, 'events/New/index.md'));
    const changed = new Set(['events/New/index.md']);
    const reloaded = await loadCatalog(root, { previous, changed, forReload: true });
    expect(reloaded.catalog.resources.map((r) => r.id)).toEqual(['ok']);
    expect(reloaded.files).not.toContain('events/New/index.md');
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
