import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedCatalog, loadCatalog } from '@switchyard/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { type DevSite, keyFromSegments, openDevSite } from './dev-site.js';

const example = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'switchyard-dev-site-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const catalog = join(temp, 'catalog');
const out = join(temp, 'site');
const events = 'domains/Fulfilment/systems/inventory-system/services/InventoryService/events';
const reserved = `${events}/InventoryReserved/index.mdx`;
const released = `${events}/InventoryReleased`;
const page = (path: string) => path.split('/').filter(Boolean);
const fileOf = (path: string) => join(out, path, 'index.html');

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

let site: DevSite;

/** Saves files (relative path → text, or null to delete a folder) and hands the site the catalog after. */
async function save(files: Record<string, string | null>) {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(catalog, path), { recursive: true, force: true });
    else {
      mkdirSync(join(catalog, path, '..'), { recursive: true });
      writeFileSync(join(catalog, path), text);
    }
  }
  const changed = new Set(Object.keys(files));
  const loaded: LoadedCatalog = await loadCatalog(catalog, {
    previous: site.loaded,
    changed,
    forReload: true,
  });
  return site.update(loaded, changed);
}

describe('the dev site renders on demand', () => {
  beforeAll(async () => {
    cpSync(example, catalog, { recursive: true, filter: (src) => !/[\\/]dist([\\/]|$)/.test(src) });
    site = await openDevSite(await loadCatalog(catalog, { forReload: true }), out);
  }, 60_000);

  it('renders nothing until asked, then the one resource a page belongs to', async () => {
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    expect(existsSync(join(out, '_sy/site.css'))).toBe(true);
    await site.prepare(page('/docs/events/inventory-reserved/1.0.0'));
    expect(readFileSync(fileOf('docs/events/inventory-reserved/1.0.0'), 'utf8')).toContain(
      'Inventory Reserved',
    );
    expect([...site.renders.keys()].sort()).toEqual(['assets', 'event:inventory-reserved@1.0.0']);
    // Its own files beside the page: the map, the JSON, the Markdown; nothing of any other resource.
    expect(existsSync(join(out, 'api/events/inventory-reserved/1.0.0.json'))).toBe(true);
    expect(existsSync(fileOf('visualiser/events/inventory-reserved/1.0.0'))).toBe(true);
    expect(existsSync(fileOf('docs/events/inventory-released/1.0.0'))).toBe(false);
    await site.prepare(page('/docs/events/inventory-reserved/1.0.0'));
    expect(site.renders.get('event:inventory-reserved@1.0.0')).toBe(1);
    expect(filesUnder(out).filter((f) => f.endsWith('.html')).length).toBeLessThan(10);
  });

  it('finds the resource a section path is about: maps, schema pages, JSON, newest version when none', () => {
    const c = site.loaded.catalog;
    expect(keyFromSegments(c, page('/visualiser/domains/fulfilment/1.0.0/messages'))).toBe(
      'domain:fulfilment@1.0.0',
    );
    expect(keyFromSegments(c, page('/api/events/inventory-reserved/latest.json'))).toBe(
      'event:inventory-reserved@1.0.0',
    );
    expect(keyFromSegments(c, page('/api/schemas/diff/events/inventory-reserved.json'))).toBe(
      'event:inventory-reserved@1.0.0',
    );
    expect(keyFromSegments(c, page('/discover/events'))).toBeUndefined();
    expect(keyFromSegments(c, page('/docs/events/no-such-event/1.0.0'))).toBeUndefined();
  });

  it('renders a catalog-wide page by its group, once, and again after a save', async () => {
    await site.prepare([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html');
    await site.prepare(page('/discover/events'));
    expect(site.renders.get('catalog pages')).toBe(1);
    await site.prepare(page('/api/nav.json'));
    expect(JSON.parse(readFileSync(join(out, 'api/nav.json'), 'utf8'))).toBeTruthy();
    expect(site.renders.get('search')).toBeUndefined();
    await save({ [reserved]: readFileSync(join(catalog, reserved), 'utf8') });
    await site.prepare([]);
    expect(site.renders.get('catalog pages')).toBe(2);
  });

  it('shows a saved edit, and renders the saved resource at once', async () => {
    const text = readFileSync(join(catalog, reserved), 'utf8');
    const update = await save({
      [reserved]: text.replace(/^summary:.*$/m, 'summary: Edited while serving.'),
    });
    expect(update.dropped).toBeGreaterThan(0);
    expect(readFileSync(fileOf('docs/events/inventory-reserved/1.0.0'), 'utf8')).toContain(
      'Edited while serving.',
    );
  });

  it('answers a deleted resource with nothing, and renders a new one when asked', async () => {
    await site.prepare(page('/docs/events/inventory-released/1.0.0'));
    expect(existsSync(fileOf('docs/events/inventory-released/1.0.0'))).toBe(true);
    const text = readFileSync(join(catalog, released, 'index.mdx'), 'utf8');
    await save({ [released]: null });
    await site.prepare(page('/docs/events/inventory-released/1.0.0'));
    expect(existsSync(fileOf('docs/events/inventory-released/1.0.0'))).toBe(false);

    const added = `${events}/InventoryRecounted/index.mdx`;
    await save({
      [added]: text
        .replace(/^id:.*$/m, 'id: inventory-recounted')
        .replace(/^name:.*$/m, 'name: Inventory Recounted'),
    });
    await site.prepare(page('/docs/events/inventory-recounted/1.0.0'));
    expect(readFileSync(fileOf('docs/events/inventory-recounted/1.0.0'), 'utf8')).toContain(
      'Inventory Recounted',
    );
  });

  it('reports a body that no longer compiles, and keeps the last good page of a file that no longer reads', async () => {
    const text = readFileSync(join(catalog, reserved), 'utf8');
    await save({ [reserved]: `${text}\n\n<Broken\n` });
    expect(site.diagnostics().map((d) => [d.file, d.code])).toContainEqual([reserved, 'mdx-syntax']);
    await site.prepare(page('/docs/events/inventory-reserved/1.0.0'));
    expect(readFileSync(fileOf('docs/events/inventory-reserved/1.0.0'), 'utf8')).toContain(
      'Edited while serving.',
    );

    // Frontmatter that no longer reads: the resource drops out of the model, its last good page stays.
    const kept = await save({ [reserved]: `---\nid: [unclosed\n---\n` });
    expect(kept.kept).toBe(1);
    expect(site.diagnostics().some((d) => d.file === reserved)).toBe(true);
    await site.prepare(page('/docs/events/inventory-reserved/1.0.0'));
    expect(readFileSync(fileOf('docs/events/inventory-reserved/1.0.0'), 'utf8')).toContain(
      'Edited while serving.',
    );
  });
});

describe('pages rendered on demand', () => {
  it('are the bytes a full build writes, file for file (build ids aside)', async () => {
    const fresh = join(temp, 'same');
    cpSync(example, fresh, { recursive: true, filter: (src) => !/[\\/]dist([\\/]|$)/.test(src) });
    const loaded = await loadCatalog(fresh);
    const full = join(temp, 'same-full');
    await buildSite(loaded, { outDir: full });
    const dev = await openDevSite(loaded, join(temp, 'same-dev'));
    const files = filesUnder(full)
      .map((f) => f.slice(full.length + 1))
      .filter((f) => !f.startsWith('.switchyard') && !f.startsWith('_sy/'));
    for (const f of files)
      await dev.prepare(
        f
          .replace(/(^|\/)index\.html$/, '')
          .split('/')
          .filter(Boolean),
      );
    const idOf = (text: string) => /name="sy-build" content="([^"]+)"/.exec(text)?.[1] ?? '\0';
    const masked = (path: string) => {
      const text = readFileSync(path, 'latin1');
      return text.replaceAll(idOf(text), 'BUILD');
    };
    const differing = files.filter((f) => masked(join(full, f)) !== masked(join(temp, 'same-dev', f)));
    expect(files.length).toBeGreaterThan(300);
    expect(differing).toEqual([]);
  }, 120_000);
});
