import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResource, nameOf } from '@switchyard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.js';

const example = new URL('../../../examples/acme', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'switchyard-reload-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync(example, root, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });

const summary = (loaded: Awaited<ReturnType<typeof loadCatalog>>) => ({
  keys: loaded.catalog.resources.map((r) => r.key).sort(),
  edges: loaded.catalog.edges.length,
  diagnostics: loaded.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`),
});

describe('reloading after an edit', () => {
  it('reads only the changed files and gives what a full load gives', async () => {
    const first = await loadCatalog(root, { forReload: true });
    const file = first.catalog.resources.find((r) => r.kind === 'service')?.source.file as string;
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(join(root, file), text.replace(/^name: .*$/m, 'name: Renamed Service'));
    writeFileSync(join(root, 'events-broken.md'), 'not a resource');
    writeFileSync(
      join(root, 'docs/extra.mdx'),
      '---\ntitle: Extra\nsummary: An added page.\n---\n\nMentions [[service|no-such-service]].\n',
    );

    const again = await loadCatalog(root, {
      forReload: true,
      previous: first,
      changed: new Set([file, 'docs/extra.mdx', 'events-broken.md']),
    });
    const full = await loadCatalog(root);
    expect(summary(again)).toEqual(summary(full));
    const service = again.catalog.resources.find((r) => r.source.file === file);
    expect(service && nameOf(service)).toBe('Renamed Service');
    expect(again.diagnostics.some((d) => d.file === 'docs/extra.mdx' && d.code === 'unknown-reference')).toBe(
      true,
    );
    // Unchanged files are not read again: their resources are the same objects.
    const other = first.catalog.resources.find((r) => r.kind === 'event') as { kind: 'event'; id: string };
    expect(getResource(again.catalog, 'event', other.id)).toBe(getResource(first.catalog, 'event', other.id));

    rmSync(join(root, 'docs/extra.mdx'));
    const removed = await loadCatalog(root, { previous: again, changed: new Set(['docs/extra.mdx']) });
    expect(summary(removed)).toEqual(summary(await loadCatalog(root)));
  });

  it('keeps nothing for a reload unless asked, and a reload from such a catalog reads every file', async () => {
    const once = await loadCatalog(root);
    const kept = await loadCatalog(root, { forReload: true });
    expect(summary(once)).toEqual(summary(kept));
    const again = await loadCatalog(root, { previous: once, changed: new Set(['docs/none.mdx']) });
    expect(summary(again)).toEqual(summary(kept));
    // Nothing was kept to reuse: every resource is read again, a new object.
    const event = once.catalog.resources.find((r) => r.kind === 'event') as { kind: 'event'; id: string };
    expect(getResource(again.catalog, 'event', event.id)).not.toBe(
      getResource(once.catalog, 'event', event.id),
    );
    const fromKept = await loadCatalog(root, { previous: kept, changed: new Set(['docs/none.mdx']) });
    expect(getResource(fromKept.catalog, 'event', event.id)).toBe(
      getResource(kept.catalog, 'event', event.id),
    );
  });
});
