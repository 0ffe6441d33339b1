import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dangerousUrls, disguised } from './_hostile-urls.js';
import { unsafeUrlsInSite, urlsInSite } from './_url-scan.js';
import { buildSite } from './build.js';

/**
 * Property: whatever disguised hostile URL each source of URLs holds (config links, repository URLs,
 * badges, edit URLs, 1.x links, attachments, specifications, flow steps' external systems, custom steps
 * and their menus, agents' tools, owners' email, Slack, Teams, avatars and sources, and in bodies
 * Markdown links, images, autolinks and references, HTML attributes, srcset, style and Tiles), no file
 * of the built site hands the browser a URL the policy refuses or one that spells a script, a document
 * or another machine. Fixed seed; FUZZ_RUNS for a longer search.
 */
const runs = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 60) / 10));
const seed = Number(process.env.FUZZ_SEED ?? 16);
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-fuzz-urls-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const globals = globalThis as { __pwned?: unknown };

/** One URL per source; bodies get shorter ones, so most stay under the body size limit. */
const url = disguised(dangerousUrls, 20_000);
const urls = (n: number) => fc.array(url, { minLength: n, maxLength: n });

/** YAML (and JavaScript) string literals: JSON's escapes are valid in both. */
const q = (value: string) => JSON.stringify(value);
/** In a JSX attribute: `"` cannot appear. */
const attr = (value: string) => value.replace(/"/g, '&quot;');
/** A Markdown link destination between `<` and `>`: no line endings, brackets escaped. */
const dest = (value: string) => value.replace(/[\r\n]/g, '').replace(/[<>]/g, (c) => `\\${c}`);

function files(u: string[]): Record<string, string> {
  const at = (i: number) => u[i % u.length] as string;
  const body = [
    `[markdown link](<${dest(at(20))}>) and ![image](<${dest(at(21))}>) and <${dest(at(22)).replace(/\s/g, '')}>`,
    `[reference][r]\n\n[r]: <${dest(at(23))}>`,
    `<a href="${attr(at(24))}">anchor</a> <img src="${attr(at(25))}" alt="i" /> <img srcSet="${attr(at(26))} 2x" alt="s" />`,
    `<div style="background:url('${attr(at(27)).replace(/'/g, '')}')">styled</div>`,
    `<video poster="${attr(at(28))}" src="${attr(at(29))}" /> <blockquote cite="${attr(at(30))}">q</blockquote>`,
    `<Tiles><Tile title="t" description="d" href="${attr(at(31))}" /></Tiles>`,
  ].join('\n\n');
  return {
    'eventcatalog.config.js': `export default { title: 'T', editUrl: ${q(at(0))}, repositoryUrl: ${q(at(1))}, homepageLink: ${q(at(2))}, logo: { src: ${q(at(3))}, alt: 'logo' } };\n`,
    'domains/D/index.mdx': `---\nid: d\nname: D\nversion: 1.0.0\nowners: [t, u]\nrepository: { language: ts, url: ${q(at(4))} }\neditUrl: ${q(at(5))}\nbadges:\n  - { content: b, url: ${q(at(6))}, icon: ${q(at(7))} }\nexternalLinks:\n  - { label: l, url: ${q(at(8))}, href: ${q(at(9))} }\nattachments:\n  - ${q(at(10))}\n  - { url: ${q(at(11))}, title: a }\nspecifications:\n  - { type: openapi, path: ${q(at(12))} }\n---\n\n${body}\n`,
    'flows/F/index.mdx': `---\nid: f\nname: F\nversion: 1.0.0\nsteps:\n  - id: 1\n    title: custom\n    custom: { title: C, url: ${q(at(13))}, icon: ${q(at(14))}, menu: [{ label: m, url: ${q(at(15))} }] }\n    next_step: 2\n  - id: 2\n    title: external\n    externalSystem: { name: X, url: ${q(at(16))} }\n---\n`,
    'agents/A/index.mdx': `---\nid: a\nname: A\nversion: 1.0.0\ntools:\n  - { name: tool, url: ${q(at(17))}, icon: ${q(at(18))} }\n---\n`,
    'teams/t.mdx': `---\nid: t\nname: T\nemail: ${q(at(19))}\nslackDirectMessageUrl: ${q(at(32))}\nmsTeamsDirectMessageUrl: ${q(at(33))}\navatarUrl: ${q(at(34))}\nsource: { provider: p, url: ${q(at(35))} }\n---\n`,
    'users/u.mdx': `---\nid: u\nname: U\nemail: ${q(at(36))}\nslackDirectMessageUrl: ${q(at(37))}\nmsTeamsDirectMessageUrl: ${q(at(38))}\navatarUrl: ${q(at(39))}\n---\n`,
    'docs/guide.mdx': `---\ntitle: Guide\n---\n\n${body}\n`,
    // Not valid MDX, so this body takes the plain-Markdown path.
    'events/E/index.mdx': `---\nid: e\nname: E\nversion: 1.0.0\n---\n\n<unclosed and { brace\n\n${body}\n`,
  };
}

describe('hostile URLs in every source', () => {
  it(
    'reach no URL attribute, style, srcset, refresh or link data of the built site',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(urls(40), async (u) => {
          const root = join(scratch, String(n++));
          for (const [path, text] of Object.entries(files(u))) {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), text);
          }
          const out = join(scratch, `out-${n}`);
          await buildSite(await loadCatalog(root), { outDir: out });
          expect(globals.__pwned).toBeUndefined();
          expect(urlsInSite(out).length).toBeGreaterThan(100);
          expect(unsafeUrlsInSite(out)).toEqual([]);
          rmSync(root, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
        }),
        { seed, numRuns: runs, endOnFailure: true },
      );
    },
    Math.max(120_000, runs * 10_000),
  );
});
