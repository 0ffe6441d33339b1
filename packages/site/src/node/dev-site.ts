import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedCatalog } from '@switchyard/loader';
import {
  type Catalog,
  type Diagnostic,
  kindDef,
  kinds,
  type NodeKey,
  sortDiagnostics,
} from '@switchyard/model';
import { hasPage } from '../urls.js';
import { affectedResources } from './affected.js';
import { createSvgCache } from './render-page.js';
import { copyAssets } from './stages/assets.js';
import { writeLlms, writeNav, writeSearch } from './stages/catalog-data.js';
import { renderCatalogPages } from './stages/catalog-pages.js';
import { type Build, createBuild } from './stages/context.js';
import type { Output } from './stages/output.js';
import { prepareSections } from './stages/prepare.js';
import { resourcePageRenderer } from './stages/resource-pages.js';
import { buildSections } from './stages/sections.js';

/**
 * The dev server's site: the build's stages run on demand, as Vite serves modules. Opening it copies the
 * assets and nothing else; a request renders what the path belongs to (one resource's pages and files, or
 * one catalog-wide group) into the dev folder, which then serves it as a static host would. A save updates
 * the model and drops what it affects, to be rendered again when next asked for.
 */
export interface DevSite {
  /** Renders what the site path (its segments below the base) belongs to, unless it is rendered already. */
  prepare(segments: readonly string[]): Promise<void>;
  /**
   * Takes the catalog as it is after a save of `changed` files: the pages of what changed and of what shows
   * it are dropped, catalog-wide pages too; a resource whose file no longer reads keeps its last good pages.
   */
  update(loaded: LoadedCatalog, changed: ReadonlySet<string>): Promise<DevUpdate>;
  /** What loading reported, and what rendering the pages asked for so far reported. */
  diagnostics(): Diagnostic[];
  readonly loaded: LoadedCatalog;
  /** The folder pages are rendered into, to be served as a static host would. */
  readonly outDir: string;
  /** How many times each on-demand unit was rendered (a resource key or a group name): for tests and logs. */
  readonly renders: ReadonlyMap<string, number>;
}

export interface DevUpdate {
  /** Resources whose pages were dropped. */
  dropped: number;
  /** Resources that no longer read and keep their last good pages. */
  kept: number;
}

/** A catalog-wide part of the site, rendered as a whole the first time one of its paths is asked for. */
interface WideGroup {
  name: string;
  /** Whether a site path (below the base, no leading slash) is one of the group's. */
  owns(path: string): boolean;
  render(site: State): Promise<void>;
}

interface State {
  build: Build;
  /** Every resource's schemas prepared (the catalog-wide indexes need them); then only what changed. */
  prepared: 'none' | 'all';
  stale: Set<NodeKey>;
}

const wideGroups: WideGroup[] = [
  {
    name: 'catalog pages',
    owns: (p) => p === '' || /^(docs|settings)$|^(directory|discover|api\/discover)\//.test(p),
    render: ({ build }) => renderCatalogPages(build),
  },
  { name: 'navigation', owns: (p) => p === 'api/nav.json', render: ({ build }) => writeNav(build) },
  {
    name: 'search',
    owns: (p) => p.startsWith('api/search/'),
    render: async (state) => {
      await prepareAll(state);
      await writeSearch(state.build);
    },
  },
  { name: 'llms.txt', owns: (p) => /^llms(-full)?\.txt$/.test(p), render: ({ build }) => writeLlms(build) },
  {
    // Section pages and files that are not one resource's: indexes, the catalog maps, the explorer.
    name: 'sections',
    owns: (p) => /^(api|visualiser|schemas|scorecards)(\/|$)/.test(p),
    render: async (state) => {
      await prepareAll(state);
      await buildSections(state.build, new Map(), { only: new Set(), wide: true });
    },
  },
];

/** Schemas of every resource, once; after that, only those of resources changed since. */
async function prepareAll(state: State): Promise<void> {
  if (state.prepared === 'none') await prepareSections(state.build);
  else if (state.stale.size > 0) await prepareSections(state.build, state.stale);
  state.prepared = 'all';
  state.stale.clear();
}

/** Opens the dev site over a loaded catalog, writing into `outDir` (a folder of the dev server's own). */
export async function openDevSite(first: LoadedCatalog, outDir: string): Promise<DevSite> {
  await mkdir(outDir, { recursive: true });
  const layouts = createSvgCache();
  const output: Output = { outDir, work: outDir, incremental: true, fingerprint: '', layouts };
  // Files pages read (schemas, specs, examples), kept across saves; a saved file is dropped from it.
  const fileCache = new Map<string, string | undefined>();
  /** Files written, by what wrote them (a resource key or a group name), and the other way round. */
  const filesOf = new Map<string, Set<string>>();
  const ownerOf = new Map<string, string>();
  const renders = new Map<string, number>();
  const rendered = new Set<string>();
  let writing = '';

  const open = (loaded: LoadedCatalog): Build => {
    const build = createBuild(loaded, { outDir, only: new Set(), fileCache }, output);
    const { write, writePage } = build;
    const record = (file: string) => {
      ownerOf.set(file, writing);
      const files = filesOf.get(writing) ?? new Set<string>();
      filesOf.set(writing, files);
      files.add(file);
    };
    build.write = async (path, content) => {
      await write(path, content);
      record(path);
    };
    build.writePage = async (path, html) => {
      await writePage(path, html);
      record(build.urls.fileFor(path));
    };
    return build;
  };

  const state: State = { build: open(first), prepared: 'none', stale: new Set() };
  let renderPage = resourcePageRenderer(state.build);
  /** Resource page files to their resource: made when a request first needs it after a change. */
  let paths: Map<string, NodeKey> | undefined;
  await as('assets', () => copyAssets(state.build));

  /** Runs `task` with its writes recorded under `owner`. */
  async function as(owner: string, task: () => Promise<void>): Promise<void> {
    writing = owner;
    renders.set(owner, (renders.get(owner) ?? 0) + 1);
    await task();
    rendered.add(owner);
  }

  async function renderResource(key: NodeKey): Promise<void> {
    const { build } = state;
    const resource = build.loaded.catalog.byKey.get(key);
    if (!resource) return;
    await as(key, async () => {
      const only = new Set([key]);
      await prepareSections(build, only);
      if (hasPage(resource)) await renderPage(resource);
      await buildSections(build, new Map(), { only, wide: false });
    });
  }

  /**
   * Marks what `owner` wrote as out of date: asked for again, it is rendered again. The files stay until
   * then, so a page that no longer renders (a broken body) keeps its last good version; `remove` deletes
   * them (a resource that is gone).
   */
  async function drop(owner: string, remove = false): Promise<void> {
    for (const file of filesOf.get(owner) ?? []) {
      ownerOf.delete(file);
      if (remove) await rm(join(outDir, file), { force: true });
    }
    filesOf.delete(owner);
    rendered.delete(owner);
  }

  // One render at a time: renders share the build's context (what `prepare` adds to it).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const has = (segments: readonly string[]) => candidatesOf(segments).some((file) => ownerOf.has(file));

  return {
    get loaded() {
      return state.build.loaded;
    },
    outDir,
    renders,
    diagnostics: () => sortDiagnostics([...state.build.loaded.diagnostics, ...state.build.diagnostics]),
    prepare: (segments) =>
      has(segments)
        ? Promise.resolve()
        : serial(async () => {
            if (has(segments)) return;
            const catalog = state.build.loaded.catalog;
            paths ??= pathIndex(state.build);
            const index = paths;
            const key =
              candidatesOf(segments)
                .map((file) => index.get(file))
                .find(Boolean) ?? keyFromSegments(catalog, segments);
            // A resource's path is its own: rendered once (a page that fails to render is a diagnostic).
            if (key) {
              if (!rendered.has(key)) await renderResource(key);
              return;
            }
            const path = segments.join('/');
            const groups = wideGroups.filter((g) => !rendered.has(g.name));
            // The group the path names, else every group not yet rendered (the path may be any of theirs).
            const named = groups.filter((g) => g.owns(path));
            for (const group of named.length > 0 ? named : groups) {
              await as(group.name, () => group.render(state));
              if (has(segments)) return;
            }
          }),
    update: (loaded, changed) =>
      serial(async () => {
        const before = state.build.loaded;
        for (const file of changed) fileCache.delete(file);
        // A resource whose file no longer reads (an error where it was) keeps its last good pages.
        const broken = new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
        const removed = before.catalog.resources.filter((r) => !loaded.catalog.byKey.has(r.key));
        const kept = removed.filter((r) => broken.has(r.source.file)).map((r) => r.key);
        const affected = affectedResources(before.catalog, loaded.catalog, changed);
        for (const key of affected) await drop(key);
        for (const r of removed) if (!kept.includes(r.key)) await drop(r.key, true);
        for (const group of wideGroups) await drop(group.name);
        const previous = state.build;
        state.build = open(loaded);
        // What `prepare` computed (parsed schemas) stays; the changed resources' part is computed again.
        for (const [name, value] of Object.entries(previous.base))
          if (!(name in state.build.base)) Object.assign(state.build.base, { [name]: value });
        for (const key of affected) state.stale.add(key);
        renderPage = resourcePageRenderer(state.build);
        paths = undefined;
        // The saved resources render now: the page that reloads is ready, and its problems are reported.
        for (const r of loaded.catalog.resources) if (changed.has(r.source.file)) await renderResource(r.key);
        return { dropped: affected.size, kept: kept.length };
      }),
  };
}

/** The files a static host looks for at a site path, as `findSiteFile` does. */
function candidatesOf(segments: readonly string[]): string[] {
  const path = segments.join('/');
  return path === '' ? ['index.html'] : [path, `${path}/index.html`, `${path}.html`];
}

/** Each resource page's files (the page, the newest version's short URL, the Markdown) to its resource. */
function pathIndex(build: Build): Map<string, NodeKey> {
  const { urls, loaded } = build;
  const index = new Map<string, NodeKey>();
  for (const r of loaded.catalog.resources) {
    if (!hasPage(r)) continue;
    const path = urls.resourcePath(r);
    index.set(urls.fileFor(path), r.key);
    index.set(`${path.replace(/^\//, '')}.md`, r.key);
    if (loaded.catalog.versions.get(`${r.kind}:${r.id}`)?.[0] === r)
      index.set(urls.fileFor(urls.resourcePath(r, { latest: true })), r.key);
  }
  return index;
}

const pluralKinds = new Map(kinds.map((kind) => [kindDef(kind).plural, kind]));

/**
 * The resource a section's path is about: `…/{plural}/{id}/{version}…` as the visualiser, schema pages
 * and the JSON API name them (ids may hold `/`; a file's extension and `latest` are allowed). The newest
 * version when the path names none.
 */
export function keyFromSegments(catalog: Catalog, segments: readonly string[]): NodeKey | undefined {
  const bare = segments.map((s) => s.replace(/\.(json|md|html)$/, ''));
  for (let i = 0; i < bare.length - 1; i++) {
    const kind = pluralKinds.get(bare[i] as string);
    if (!kind) continue;
    for (let j = bare.length; j > i + 1; j--) {
      const versions = catalog.versions.get(`${kind}:${bare.slice(i + 1, j).join('/')}`);
      if (!versions?.length) continue;
      const version = bare[j];
      return (versions.find((v) => v.version === version) ?? versions[0])?.key;
    }
  }
  return undefined;
}
