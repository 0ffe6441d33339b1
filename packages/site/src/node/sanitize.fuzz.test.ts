import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { themeScript } from '../render/layout.js';
import { unsafeUrlsInSite } from './_url-scan.js';
import { buildSite } from './build.js';

/**
 * Property: whatever HTML, links, components and expressions a body mixes, the built page holds no script
 * of its own, no event handler, no `javascript:` URL, and no expression ran that does more than read
 * frontmatter. Fixed seed; FUZZ_RUNS for a longer search.
 */
const runs = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 60) / 10));
const seed = Number(process.env.FUZZ_SEED ?? 9);
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-fuzz-sanitize-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const globals = globalThis as { __pwned?: unknown };

const url = fc.constantFrom(
  'javascript:globalThis.__pwned=1',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  '&#106;avascript:alert(1)',
  'https://example.com/ok',
  '/docs/ok',
);
const fragment = fc.oneof(
  url.map((u) => `[link](${u})`),
  url.map((u) => `![img](${u})`),
  url.map((u) => `<a href="${u}">a</a>`),
  url.map((u) => `<img src="${u}" />`),
  url.map((u) => `<Tile title="t" href="${u}" />`),
  url.map((u) => `<iframe src="${u}"></iframe>`),
  fc.constantFrom(
    '<script>globalThis.__pwned=1</script>',
    '<img src="x" onerror="globalThis.__pwned=1" />',
    '<div onClick="globalThis.__pwned=1">x</div>',
    '<svg><script>alert(1)</script></svg>',
    '<object data="x"></object>',
    '<style>body{display:none}</style>',
    '<base href="https://evil.example/" />',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)" />',
    '<div dangerouslySetInnerHTML={{ __html: "<script>globalThis.__pwned=1</script>" }} />',
    '<div {...{ onClick: "x" }}>spread</div>',
    '{globalThis.__pwned = 1}',
    '{process.exit(7)}',
    '{frontmatter.constructor.constructor("globalThis.__pwned=1")()}',
    "{frontmatter['__proto__']}",
    '{[].map.constructor("globalThis.__pwned=1")()}',
    '{(() => { globalThis.__pwned = 1 })()}',
    '{import("node:fs")}',
    '{new Function("globalThis.__pwned=1")()}',
    '{frontmatter.name.split("").map((c) => <script>{c}</script>)}',
    '{<img src="x" onError="globalThis.__pwned=1" />}',
    'export const x = (globalThis.__pwned = 1)',
    '<Unknown onClick="x" />',
    '<a href="/ok" target="_blank">fine</a>',
    '**bold** and `code` and {frontmatter.name}',
  ),
  fc.string({ maxLength: 30 }),
);

const hostileMarkup =
  /<script(?![^>]*(?:type="module" src="\/_sy\/|type="application\/json"))|<(?:iframe|object|embed|base|style)\b|<[a-z][^>]*\son[a-z]+=/i;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

describe('the raw HTML policy on random bodies', () => {
  it(
    'leaves no script, handler or unsafe URL in any page, and runs no expression that does more than read',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fragment, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
          async (bodies) => {
            const root = join(scratch, String(n++));
            bodies.forEach((parts, i) => {
              const file = join(root, `events/E${i}/index.mdx`);
              mkdirSync(dirname(file), { recursive: true });
              writeFileSync(
                file,
                `---\nid: e${i}\nname: Event ${i}\nversion: 1.0.0\n---\n\n${parts.join('\n\n')}\n`,
              );
            });
            const out = join(root, '..', `out-${n}`);
            const result = await buildSite(await loadCatalog(root), { outDir: out });
            expect(globals.__pwned).toBeUndefined();
            for (const file of htmlFiles(out)) {
              const html = readFileSync(file, 'utf8').replace(`<script>${themeScript}</script>`, '');
              expect(html, file).not.toMatch(hostileMarkup);
            }
            expect(unsafeUrlsInSite(out)).toEqual([]);
            expect(result.pages).toBeGreaterThan(bodies.length);
            rmSync(root, { recursive: true, force: true });
            rmSync(out, { recursive: true, force: true });
          },
        ),
        { seed, numRuns: runs, endOnFailure: true },
      );
    },
    Math.max(120_000, runs * 5_000),
  );
});

describe('what the policy keeps', () => {
  it('keeps Markdown, allowed HTML, components and expressions that read frontmatter', async () => {
    const root = join(scratch, 'kept');
    const file = join(root, 'events/Kept/index.mdx');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      [
        '---',
        'id: kept',
        'name: Kept',
        'version: 1.0.0',
        'summary: A summary',
        'owners: [a, b]',
        '---',
        '',
        'Name: {frontmatter.name}, owners: {frontmatter.owners.length}, first: {frontmatter.owners[0]}.',
        '',
        '<ul>{frontmatter.owners.map((o) => <li key={o}>owner {o.toUpperCase()}</li>)}</ul>',
        '',
        '<details open><summary>More</summary><b>bold</b> <a href="https://example.com" title="t">site</a></details>',
        '',
        '[relative](/docs/events/kept) and {JSON.stringify(Object.keys({ a: 1 }))}',
      ].join('\n'),
    );
    const out = join(scratch, 'kept-out');
    const result = await buildSite(await loadCatalog(root), { outDir: out });
    expect(result.diagnostics.filter((d) => d.code === 'unsafe-content')).toEqual([]);
    const html = readFileSync(join(out, 'docs/events/kept/1.0.0/index.html'), 'utf8');
    expect(html).toContain('Name: Kept, owners: 2, first: a.');
    expect(html).toContain('<li>owner A</li><li>owner B</li>');
    expect(html).toMatch(
      /<details open><summary>More<\/summary><b>bold<\/b> <a href="https:\/\/example.com" title="t">site<\/a><\/details>/,
    );
    expect(html).toContain('<a href="/docs/events/kept">relative</a>');
    expect(html).toContain('[&quot;a&quot;]');
  });

  it('runs bodies as written when the catalog says trustContent: true', async () => {
    const root = join(scratch, 'trusted');
    const file = join(root, 'events/T/index.mdx');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(join(root, 'eventcatalog.config.js'), 'export default { trustContent: true };\n');
    writeFileSync(
      file,
      '---\nid: t\nname: T\nversion: 1.0.0\n---\n\n<kbd-x>custom</kbd-x> {[1, 2].reduce((a, b) => a + b, 0)}\n\n[bad](javascript:alert(1))\n',
    );
    const out = join(scratch, 'trusted-out');
    const result = await buildSite(await loadCatalog(root), { outDir: out });
    const html = readFileSync(join(out, 'docs/events/t/1.0.0/index.html'), 'utf8');
    expect(result.diagnostics.filter((d) => d.code === 'unsafe-content')).toEqual([]);
    expect(html).toMatch(/<kbd-x>custom<\/kbd-x>\s*3/);
    // Even trusted content gets no javascript: URL.
    expect(html).toContain('<a>bad</a>');
  });
});
