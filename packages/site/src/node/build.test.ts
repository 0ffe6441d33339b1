import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, checkUpToDate } from './build.js';
import { createSvgCache } from './render-page.js';
import { layoutCacheJson } from './stages/output.js';

const root = mkdtempSync(join(tmpdir(), 'switchyard-bodies-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('bodies that cannot be rendered as written', () => {
  it('reports invalid MDX and unknown components at their lines, and still writes every page', async () => {
    write(
      'events/Bad/index.mdx',
      '---\nid: bad\nname: Bad\nversion: 1.0.0\n---\n\n# Title\n\nSome text <unclosed and more.\n',
    );
    write(
      'events/Odd/index.mdx',
      '---\nid: odd\nname: Odd\nversion: 1.0.0\n---\n\nUses <Sparkle /> and {frontmatter.name} and [[event|bad]] and [[event|gone]].\n',
    );
    write(
      'events/Tabbed/index.mdx',
      '---\nid: tabbed\nname: Tabbed\nversion: 1.0.0\n---\n\n<Tabs>\n  <TabItem label="JSON">First</TabItem>\n  <TabItem label="Avro">Second</TabItem>\n</Tabs>\n',
    );
    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['unknown-reference']);
    const result = await buildSite(loaded, { outDir: join(root, 'dist') });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'events/Bad/index.mdx:9 mdx-syntax',
      'events/Odd/index.mdx:6 unknown-component',
    ]);
    const bad = readFileSync(join(root, 'dist/docs/events/bad/1.0.0/index.html'), 'utf8');
    expect(bad).toContain('Some text');
    const odd = readFileSync(join(root, 'dist/docs/events/odd/1.0.0/index.html'), 'utf8');
    expect(odd).toContain('data-component="Sparkle"');
    expect(odd).toContain('and Odd and'); // {frontmatter.name} evaluated
    expect(odd).toMatch(/class="sy-ref" data-ref="event:bad@1.0.0"/);
    expect(odd).toMatch(/sy-ref--broken[^>]*>\[\[event\|gone\]\]/);
    expect(existsSync(join(root, 'dist/docs/events/odd/1.0.0.md'))).toBe(true);
    const tabbed = readFileSync(join(root, 'dist/docs/events/tabbed/1.0.0/index.html'), 'utf8');
    expect([...tabbed.matchAll(/role="tab"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['JSON', 'Avro']);
    expect(tabbed).toMatch(/role="tabpanel"[^>]*hidden[^>]*>Second/);
  }, 30_000);
});

describe('mermaid fences', () => {
  it('draws a diagram at build time, and reports one it cannot draw at the fence, showing its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-mermaid-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    put(
      'events/Drawn/index.mdx',
      '---\nid: drawn\nname: Drawn\nversion: 1.0.0\n---\n\n```mermaid\nflowchart LR\n  Cart -->|checkout| Orders\n```\n',
    );
    put(
      'events/Pie/index.mdx',
      '---\nid: pie\nname: Pie\nversion: 1.0.0\n---\n\nIntro.\n\n```mermaid\npie\n  "a": 1\n```\n',
    );
    try {
      const result = await buildSite(await loadCatalog(dir), { outDir: join(dir, 'dist') });
      expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
        'events/Pie/index.mdx:9 mermaid-syntax',
      ]);
      const drawn = readFileSync(join(dir, 'dist/docs/events/drawn/1.0.0/index.html'), 'utf8');
      expect(drawn).toMatch(/<svg class="sy-mermaid-svg/);
      for (const label of ['Cart', 'checkout', 'Orders']) expect(drawn).toContain(`>${label}</text>`);
      expect(drawn).not.toContain('fonts.googleapis');
      const pie = readFileSync(join(dir, 'dist/docs/events/pie/1.0.0/index.html'), 'utf8');
      expect(pie).toContain('class="language-mermaid"');
      expect(pie).toContain('could not be drawn');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('a rebuild with nothing changed', () => {
  it('stops after loading and reports the previous build; an edit or --force builds again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-again-'));
    const file = join(dir, 'events/Once/index.mdx');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '---\nid: once\nname: Once\nversion: 1.0.0\n---\n\nUses <Sparkle />.\n');
    const out = join(dir, 'dist');
    try {
      const first = await buildSite(await loadCatalog(dir), { outDir: out });
      expect(first.upToDate).toBeUndefined();
      const again = await buildSite(await loadCatalog(dir), { outDir: out });
      expect(again.upToDate).toBe(true);
      expect(again.pages).toBe(first.pages);
      // What the build reported is reported again.
      expect(again.diagnostics.map((d) => d.code)).toEqual(['unknown-component']);
      // The check that reads no catalog file agrees, and keeps what loading reported.
      const checked = await checkUpToDate(dir, out);
      expect(checked?.result.pages).toBe(first.pages);
      expect(checked?.result.diagnostics.map((d) => d.code)).toEqual(['unknown-component']);
      expect(checked?.counts.event).toBe(1);
      expect(await checkUpToDate(dir, join(dir, 'elsewhere'))).toBeUndefined();
      expect(
        (await buildSite(await loadCatalog(dir), { outDir: out, force: true })).upToDate,
      ).toBeUndefined();
      writeFileSync(file, '---\nid: once\nname: Twice\nversion: 1.0.0\n---\n\nPlain.\n');
      expect(await checkUpToDate(dir, out)).toBeUndefined();
      const edited = await buildSite(await loadCatalog(dir), { outDir: out });
      expect(edited.upToDate).toBeUndefined();
      expect(readFileSync(join(out, 'docs/events/once/1.0.0/index.html'), 'utf8')).toContain('Twice');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('replacing a previous build', () => {
  it('puts the new site in place at once and deletes the old one in the background when asked', async () => {
    const out = join(root, 'replaced');
    write('events/Kept/index.mdx', '---\nid: kept\nname: Kept\nversion: 1.0.0\n---\n\nFirst build.\n');
    await buildSite(await loadCatalog(root), { outDir: out });
    write('events/Kept/index.mdx', '---\nid: kept\nname: Kept\nversion: 1.0.0\n---\n\nSecond build.\n');
    const result = await buildSite(await loadCatalog(root), { outDir: out, deleteOldInBackground: true });
    expect(readFileSync(join(out, 'docs/events/kept/1.0.0/index.html'), 'utf8')).toContain('Second build.');
    expect(result.phases?.close).toBeGreaterThanOrEqual(0);
    const old = `${out}.previous-${process.pid}`;
    const end = Date.now() + 20_000;
    while (existsSync(old) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(old)).toBe(false);
  }, 60_000);
});

describe('the layout cache', () => {
  it('is written in parts that make one JSON document, whatever the drawings hold', () => {
    const layouts = createSvgCache();
    layouts.set('a"b', '<svg>\u2028 "quoted" \\ é</svg>');
    layouts.set('c', '<svg/>');
    const parts = [...layoutCacheJson(layouts)];
    expect(parts.length).toBeGreaterThan(3);
    expect(JSON.parse(parts.join(''))).toEqual({
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
      svgs: { 'a"b': '<svg>\u2028 "quoted" \\ é</svg>', c: '<svg/>' },
    });
    expect([...layoutCacheJson(createSvgCache())].join('')).toMatch(/"svgs":\{\}\}$/);
  });

  it('reuses the diagrams an earlier build drew with the same code, and none drawn by other code', async () => {
    write(
      'services/Maker/index.mdx',
      '---\nid: maker\nname: Maker\nversion: 1.0.0\nsends:\n  - id: made\n---\n',
    );
    write('events/Made/index.mdx', '---\nid: made\nname: Made\nversion: 1.0.0\n---\n');
    const loaded = await loadCatalog(root);
    const out = join(root, 'cached');
    await buildSite(loaded, { outDir: out });
    const file = join(out, '.switchyard-diagrams.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { code: string; svgs: Record<string, string> };
    expect(saved.code).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(saved.svgs).length).toBeGreaterThan(0);
    // Planted drawings under this code are used as they are...
    const planted = (code: string) =>
      writeFileSync(
        file,
        JSON.stringify({
          code,
          svgs: Object.fromEntries(Object.keys(saved.svgs).map((k) => [k, '<svg>PLANTED</svg>'])),
        }),
      );
    const map = () => readFileSync(join(out, 'visualiser/events/made/1.0.0/index.html'), 'utf8');
    planted(saved.code);
    await buildSite(loaded, { outDir: out, force: true });
    expect(map()).toContain('PLANTED');
    // ...and drawings of another version of Switchyard are not.
    planted('0'.repeat(64));
    await buildSite(loaded, { outDir: out, force: true });
    expect(map()).not.toContain('PLANTED');
    expect(map()).toContain('<svg');
  });
});
