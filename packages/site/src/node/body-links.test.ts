import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import type { Diagnostic } from '@switchyard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { checkLinks } from './check-links.js';

const fixture = fileURLToPath(new URL('../../fixtures/broken-links/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'switchyard-links-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `line:column` of the first `needle` in a fixture file. */
function at(file: string, needle: string): string {
  const lines = readFileSync(join(fixture, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line === -1) throw new Error(`${needle} is not in ${file}`);
  return `${line + 1}:${(lines[line] as string).indexOf(needle) + 1}`;
}

const hrefOf = (d: Diagnostic) => /"([^"]+)"/.exec(d.message)?.[1] ?? '?';
const brokenLinks = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((d) => d.code === 'broken-link')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${hrefOf(d)}`);

/** What the fixture's authors got wrong, where they wrote it. */
const expected = () => [
  `eventcatalog.config.js:${at('eventcatalog.config.js', '/logo.svg')} warning /logo.svg`,
  `events/OrderPlaced/index.mdx:${at('events/OrderPlaced/index.mdx', '[a page that was never')} warning ./nowhere.md`,
  `events/OrderPlaced/index.mdx:${at('events/OrderPlaced/index.mdx', '![the flow]')} warning ./flow.png`,
  `events/OrderPlaced/index.mdx:${at('events/OrderPlaced/index.mdx', '[lives above')} warning ../../../specs/shared.yaml`,
  `events/OrderPlaced/index.mdx:${at('events/OrderPlaced/index.mdx', '[the old event]')} warning /docs/events/order-gone/1.0.0`,
  `services/Orders/index.mdx:${at('services/Orders/index.mdx', 'href="/docs/custom/guides/missing"')} warning /docs/custom/guides/missing`,
  `services/Orders/index.mdx:${at('services/Orders/index.mdx', 'src="/img/architecture.png"')} warning /img/architecture.png`,
];

describe('links written in bodies and custom docs', () => {
  it('reports each one that leads nowhere where it is written, and writes the others as the site serves them', async () => {
    const out = join(temp, 'plain');
    const result = await buildSite(await loadCatalog(fixture), { outDir: out });
    expect(brokenLinks(result.diagnostics)).toEqual(expected());

    const event = readFileSync(join(out, 'docs/events/order-placed/1.0.0/index.html'), 'utf8');
    // The relative link to the service's file leads to the service's page.
    expect(event).toContain('href="/docs/services/orders/1.0.0">the orders service</a>');
    expect(event).not.toContain('services/Orders/index.mdx');
    // The file beside the page is copied into the site, and linked there (fragment kept).
    expect(event).toContain('href="/_sy/files/events/OrderPlaced/order%20spec.yaml#/channels"');
    expect(readFileSync(join(out, '_sy/files/events/OrderPlaced/order spec.yaml'), 'utf8')).toContain(
      'channels',
    );
    // Nothing outside the catalog is read or copied.
    expect(existsSync(join(out, '_sy/files/specs'))).toBe(false);
    // A raw <a> in a service body, and a relative link in a custom doc.
    expect(readFileSync(join(out, 'docs/services/orders/1.0.0/index.html'), 'utf8')).toContain(
      'href="/docs/events/order-placed/1.0.0">Order Placed</a>',
    );
    expect(readFileSync(join(out, 'docs/custom/guides/ordering/index.html'), 'utf8')).toContain(
      'href="/docs/services/orders/1.0.0">the service</a>',
    );
    // The missing logo is left out rather than linked.
    expect(event).not.toMatch(/<img[^>]*logo/);

    // What the build reported is what an independent scan of the output finds broken, logo aside (a
    // relative link is broken on both paths of its page: the version's and the latest).
    const scanned = [...new Set(checkLinks(out).broken.map((b) => b.href))];
    expect(scanned.sort()).toEqual(
      result.diagnostics
        .filter((d) => d.code === 'broken-link' && d.file !== 'eventcatalog.config.js')
        .map(hrefOf)
        .sort(),
    );
  });

  it('gives hand-written links the base and trailing slash, and checks them below the base', async () => {
    const copy = join(temp, 'catalog');
    cpSync(fixture, copy, { recursive: true });
    const config = readFileSync(join(copy, 'eventcatalog.config.js'), 'utf8');
    writeFileSync(
      join(copy, 'eventcatalog.config.js'),
      config.replace(
        "title: 'Broken links',",
        "title: 'Broken links', base: '/catalog/', trailingSlash: true,",
      ),
    );
    const out = join(temp, 'based');
    const result = await buildSite(await loadCatalog(copy), { outDir: out });
    expect(brokenLinks(result.diagnostics)).toEqual(expected());
    const event = readFileSync(join(out, 'docs/events/order-placed/1.0.0/index.html'), 'utf8');
    expect(event).toContain('href="/catalog/docs/services/orders/1.0.0/">the orders service</a>');
    expect(event).toContain('href="/catalog/docs/events/order-gone/1.0.0">the old event</a>');
    expect(event).toContain('href="/catalog/_sy/files/events/OrderPlaced/order%20spec.yaml#/channels"');
    const scanned = [...new Set(checkLinks(out, '/catalog/', true).broken.map((b) => b.href))];
    expect(scanned.sort()).toEqual(
      [
        '../../../specs/shared.yaml',
        './flow.png',
        './nowhere.md',
        '/catalog/docs/custom/guides/missing/',
        '/catalog/docs/events/order-gone/1.0.0',
        '/catalog/img/architecture.png',
      ].sort(),
    );
  });
});
