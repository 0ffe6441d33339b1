import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFiles, loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { checkLinks } from './check-links.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const realWorld = join(repo, '../shared/fixtures/real-world');
const catalogs = [
  ...readdirSync(realWorld, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(realWorld, e.name)),
  join(repo, '../shared/fixtures/eventcatalog-acme'),
  join(repo, 'examples/acme'),
];
const temp = mkdtempSync(join(tmpdir(), 'switchyard-real-links-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('links of the real-world catalogs', () => {
  it.each(catalogs.map((c) => [c.split('/').slice(-1)[0] as string, c]))(
    '%s: every broken link in the output is reported where an author wrote it, none is one Switchyard wrote',
    async (name, dir) => {
      const loaded = await loadCatalog(dir);
      const out = join(temp, name);
      const result = await buildSite(loaded, { outDir: out });
      const reported = result.diagnostics.filter((d) => d.code === 'broken-link');
      // Each report is at a body, a custom doc or the config: never at nowhere (a link the build wrote).
      const sources = new Set([...loaded.catalog.resources.map((r) => r.source.file), ...configFiles]);
      expect(reported.filter((d) => !sources.has(d.file)).map((d) => d.message)).toEqual([]);
      // Each broken link an independent scan of the output finds is one of those reports.
      const prefix = loaded.config.base.replace(/\/+$/, '');
      const forms = (href: string) => {
        const bare = href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : href;
        return [href, bare, bare.replace(/\/$/, '')];
      };
      const scan = checkLinks(out, loaded.config.base, loaded.config.trailingSlash);
      expect(scan.links).toBeGreaterThan(0);
      const unreported = scan.broken.filter(
        (b) => !reported.some((d) => forms(b.href).some((f) => d.message.includes(`"${f}"`))),
      );
      expect(unreported).toEqual([]);
    },
    60_000,
  );
});
