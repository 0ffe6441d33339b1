import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  copyInside,
  createRootReader,
  type LoadedCatalog,
  loadConfig,
  type RootPolicy,
  rootPolicy,
  walkCatalog,
} from '@switchyard/loader';
import {
  type CatalogConfig,
  type Counts,
  countResources,
  type Diagnostic,
  diagnostic,
  type Kind,
  kindDef,
  nameOf,
  type Resource,
  resolveConfig,
  resourcesOf,
  sortDiagnostics,
} from '@switchyard/model';
import { buildDiscover } from '../data/discover.js';
import { renderLlmsFullTxt, renderLlmsTxt, renderMarkdown } from '../data/llms.js';
import { buildNav, orderedDocs } from '../data/nav.js';
import { buildSearchFiles } from '../data/search.js';
import { diagramCss } from '../diagram/render-svg.js';
import type { BuildSettings, RenderContext } from '../render/context.js';
import { DiscoverPage, discoverKinds, SettingsPage } from '../render/pages/discover.js';
import { HomePage } from '../render/pages/home.js';
import { DirectoryPage, PersonPage } from '../render/pages/people.js';
import { type Neighbour, ResourcePage } from '../render/pages/resource-page.js';
import { redirectPage } from '../render/redirect.js';
import { siteSections } from '../sections/index.js';
import { createUrls, hasPage } from '../urls.js';
import { createBodyLinks } from './body-links.js';
import { LinkLedger } from './check-links.js';
import { copyPublic } from './copy-public.js';
import { type BuildRecord, buildFingerprint, fingerprintOf, readBuildRecord } from './fingerprint.js';
import { missingLogo, resolveLogo } from './logo.js';
import { compileBody } from './mdx.js';
import { renderBody, renderHtml } from './render-page.js';
import { isOversizedBody } from './sanitize-limits.js';
import { sectionContextFor } from './section-context.js';
import type { SectionDone, SectionJob } from './section-worker.js';
import { addStats, createWriter, noStats } from './writer.js';

export interface BuildOptions {
  /**
   * Lets sections that can (the visualiser) build on a thread of their own, which loads the catalog again
   * from `loaded.root`: only for a catalog loaded from disk as it is (the CLI's build). Full builds of big
   * catalogs only (see `ownThreadFrom`).
   */
  threads?: boolean;
  /** Resource versions from which `threads` applies (default 5,000). */
  threadsFrom?: number;
  /**
   * Catalog files (schemas, specs, examples) as read by an earlier build, by path relative to the root: a
   * dev server keeps one across rebuilds and drops the files that changed, so a rebuild reads only those.
   */
  fileCache?: Map<string, string | undefined>;
  /** Output folder; relative paths are relative to the catalog root. */
  outDir?: string;
  /**
   * Rebuild in place only the pages of these resources (and every catalog-wide page and file), into an
   * output folder a previous build wrote. The dev server passes what an edit changed.
   */
  only?: ReadonlySet<string>;
  /** Build even when nothing changed since the build in the output folder. */
  force?: boolean;
}

export interface BuildResult {
  outDir: string;
  pages: number;
  files: number;
  bytes: number;
  largestPage: { path: string; bytes: number };
  diagnostics: Diagnostic[];
  /** Nothing changed since the build already in the output folder: nothing was written. */
  upToDate?: boolean;
  /** Wall time of each phase, in milliseconds (`prepare:schemas`, `resources`, `section:visualiser`...). */
  phases?: Record<string, number>;
}

/** How many bodies ahead of the page being rendered the worker threads compile (the compile cache keeps 2,000). */
const compileAhead = 600;
const marker = '.switchyard-build';
/** Diagrams of the previous build, by graph: an unchanged graph is never laid out twice, across builds too. */
const layoutCacheFile = '.switchyard-diagrams.json';

function readLayoutCache(outDir: string): Map<string, string> {
  try {
    return new Map(
      Object.entries(
        JSON.parse(readFileSync(join(outDir, layoutCacheFile), 'utf8')) as Record<string, string>,
      ),
    );
  } catch {
    return new Map();
  }
}
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the static site: every page, the raw Markdown beside each, the JSON the browser fetches once
 * (navigation, search, discover tables), llms.txt, and assets. Writes into a fresh folder and swaps it in
 * only when everything succeeded, so a failed build leaves the previous site whole.
 */
/** A build found up to date without reading the catalog: its result, and what loading it reported. */
export interface UpToDate {
  result: BuildResult;
  loadDiagnostics: Diagnostic[];
  counts: Counts;
}

/**
 * Whether the output folder already holds the site of the catalog as it is, checked from the config, the
 * file list and the files' sizes and times only (no file is parsed): a second `switchyard build` with
 * nothing changed takes a directory walk. Undefined when a build is needed.
 */
export async function checkUpToDate(root: string, outDir?: string): Promise<UpToDate | undefined> {
  const raw = await loadConfig(root);
  if (raw.diagnostics.length > 0) return undefined;
  const config = resolveConfig(raw.config);
  const out = resolve(root, outDir ?? config.outDir);
  const record = readBuildRecord<BuildResult>(join(out, marker));
  if (!record?.load) return undefined;
  const walked = await walkCatalog(root, [config.outDir]);
  if (walked.problems.length > 0 || fingerprintOf(config, root, walked.files) !== record.fingerprint) {
    return undefined;
  }
  return {
    result: { ...record.result, outDir: out, upToDate: true },
    loadDiagnostics: record.load.diagnostics,
    counts: record.load.counts,
  };
}

export async function buildSite(loaded: LoadedCatalog, options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = resolve(loaded.root, options.outDir ?? loaded.config.outDir);
  assertSafeOutDir(loaded.root, outDir);
  const incremental = options.only !== undefined && existsSync(join(outDir, marker));
  const work = incremental ? outDir : `${outDir}.building-${process.pid}`;
  const fingerprint = incremental ? '' : buildFingerprint(loaded);
  if (!incremental && !options.force) {
    const record = readBuildRecord<BuildResult>(join(outDir, marker));
    if (record?.fingerprint === fingerprint) return { ...record.result, outDir, upToDate: true };
  }
  if (!incremental) {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
  }

  const policy = rootPolicy(loaded.root);
  const hasCustomStyles = 'real' in policy.resolve(stylesFile);
  const logo = resolveLogo(loaded.root, loaded.config);
  const config = logo.config;
  const build: BuildSettings = {
    id: Date.now().toString(36),
    hasCustomStyles,
    trusted: loaded.config.trustContent === true,
    outDir,
  };
  const urls = createUrls(config);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (d: Diagnostic) => {
    const key = `${d.code}${d.file}${d.line}${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(d);
  };
  const readFile = createRootReader(loaded.root, options.fileCache ? { cache: options.fileCache } : {});
  if (logo.missing !== undefined) report(missingLogo(logo.missing, readFile));
  // Every link of every page is recorded as it is written, and checked once all is written.
  const ledger = new LinkLedger(config.base);
  const bodyLinks = createBodyLinks(loaded.root, loaded.catalog, loaded.files, urls);
  const base: Omit<RenderContext, 'diagrams'> = {
    catalog: loaded.catalog,
    config,
    build,
    urls,
    readFile,
    report,
  };
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round((phases[name] ?? 0) + now - phaseStart);
    phaseStart = now;
  };
  const wanted = (r: Resource) => hasPage(r) && (!incremental || options.only?.has(r.key) === true);
  const toRender = loaded.catalog.resources.filter(wanted);
  // Bodies compile on worker threads ahead of the pages that show them: a head start while sections
  // prepare, then one more for every page rendered.
  const compileAt = (i: number) => {
    const r = toRender[i];
    if (r && !isOversizedBody(r)) void compileBody(r.body, build.trusted).catch(() => undefined);
  };
  for (let i = 0; i < compileAhead; i++) compileAt(i);
  // Sections that can build on their own thread start now, beside everything this thread does.
  const offThread = new Map<string, Promise<SectionDone>>();
  if (
    options.threads &&
    !incremental &&
    loaded.catalog.resources.length >= (options.threadsFrom ?? ownThreadFrom) &&
    existsSync(fileURLToPath(sectionWorker))
  ) {
    for (const section of siteSections) {
      if (!section.ownThread) continue;
      const job: SectionJob = { section: section.name, root: loaded.root, work, build };
      offThread.set(section.name, runSectionWorker(job));
    }
  }
  // Sections prepare what pages read (parsed schemas) before the first page renders.
  const only = incremental ? options.only : undefined;
  for (const section of siteSections) {
    if (!section.prepare) continue;
    phase('setup');
    try {
      Object.assign(base, await section.prepare({ loaded, catalog: loaded.catalog, report, readFile, only }));
    } catch (error) {
      report(
        diagnostic(
          'build-section-failed',
          `The ${section.name} section failed: ${(error as Error).message}`,
          {
            file: '',
            line: 1,
            column: 1,
          },
        ),
      );
    }
  }
  const svgCache = readLayoutCache(outDir);
  const { write, writePage, stats } = createWriter(work, urls, ledger);

  const docs = orderedDocs(loaded.catalog);
  const docIndex = new Map(docs.map((d, i) => [d.key, i]));
  const neighbours = (r: Resource): { previous?: Neighbour | undefined; next?: Neighbour | undefined } => {
    const i = docIndex.get(r.key) ?? -1;
    if (i === -1) return {};
    const link = (d: Resource<'doc'> | undefined) =>
      d ? { title: nameOf(d), href: urls.resource(d) } : undefined;
    return { previous: link(docs[i - 1]), next: link(docs[i + 1]) };
  };

  // Pages are rendered several at a time: while one waits for its diagrams (laid out on a second
  // thread), the main thread renders the next.
  const renderResource = async (resource: Resource, index: number) => {
    compileAt(index + compileAhead);
    const ctx = { ...base, resource };
    try {
      const { body, toc } = await renderBody(resource, base, bodyLinks);
      const paths = [urls.resourcePath(resource)];
      const newest = loaded.catalog.versions.get(`${resource.kind}:${resource.id}`)?.[0] === resource;
      if (kindDef(resource.kind).versioned && newest)
        paths.push(urls.resourcePath(resource, { latest: true }));
      const people = resource.kind === 'team' || resource.kind === 'user';
      // The latest copy is the same page: rendered once, written at both paths.
      const path = paths[0] as string;
      const page = () =>
        people ? (
          <PersonPage owner={resource as Resource<'team'>} />
        ) : (
          <ResourcePage resource={resource} path={path} body={body} toc={toc} {...neighbours(resource)} />
        );
      const html = await renderHtml(ctx, page, svgCache);
      for (const at of paths) await writePage(at, html);
      await write(`${urls.resourcePath(resource).replace(/^\//, '')}.md`, renderMarkdown(resource));
    } catch (error) {
      report(
        diagnostic('mdx-syntax', `The page could not be rendered: ${(error as Error).message}`, {
          file: resource.source.file,
          line: resource.source.bodyLine,
          column: 1,
        }),
      );
    }
  };
  phase('prepare');
  await inParallel(toRender, 8, renderResource);
  phase('resources');

  const firstDoc = docs[0] ?? resourcesOf(loaded.catalog, 'domain')[0];
  await writePage('/', await renderHtml(base, () => <HomePage />, svgCache));
  // Every page links /docs: with nothing to show, it leads home.
  await writePage('/docs', redirectPage(firstDoc ? urls.resource(firstDoc) : urls.page('/'), 'Docs'));
  for (const kind of ['team', 'user'] as const) {
    await writePage(
      `/directory/${kindDef(kind).plural}`,
      await renderHtml(base, () => <DirectoryPage kind={kind} />, svgCache),
    );
  }
  for (const kind of discoverKinds) {
    await writePage(
      `/discover/${kindDef(kind).plural}`,
      await renderHtml(base, () => <DiscoverPage kind={kind} />, svgCache),
    );
    await write(
      `api/discover/${kindDef(kind).plural}.json`,
      JSON.stringify(buildDiscover(loaded.catalog, urls, kind as Kind)),
    );
  }
  await writePage('/settings', await renderHtml(base, () => <SettingsPage />, svgCache));

  const sectionContext = sectionContextFor(
    loaded,
    base,
    svgCache,
    { write, writePage },
    incremental ? options.only : undefined,
    bodyLinks,
  );
  phase('catalog pages');
  for (const section of siteSections) {
    if (offThread.has(section.name)) continue;
    try {
      await section.build(sectionContext);
      phase(`section:${section.name}`);
    } catch (error) {
      report(
        diagnostic(
          'build-section-failed',
          `The ${section.name} section failed: ${(error as Error).message}`,
          {
            file: '',
            line: 1,
            column: 1,
          },
        ),
      );
    }
  }

  for (const [name, running] of offThread) {
    const done = await running;
    addStats(stats, done.stats);
    if (done.links) ledger.merge(done.links, done.linkCount);
    for (const d of done.diagnostics) report(d);
    if (done.error !== undefined) {
      report(
        diagnostic('build-section-failed', `The ${name} section failed: ${done.error}`, {
          file: '',
          line: 1,
          column: 1,
        }),
      );
    }
    phases[`section:${name} (own thread)`] = done.ms;
    await siteSections.find((x) => x.name === name)?.afterOwnThread?.(sectionContext);
  }
  phase('waiting for threads');

  await write('api/nav.json', JSON.stringify(buildNav(loaded.catalog, urls, docFolderOrder(loaded.config))));
  const search = buildSearchFiles(
    loaded.catalog,
    urls,
    (r) => {
      const path = (r.data as { schemaPath?: string }).schemaPath;
      return path ? readFile(r.source.dir ? `${r.source.dir}/${path}` : path) : undefined;
    },
    (r) => base.schemas?.fieldNames.get(r.key),
  );
  await write('api/search/quick.json', search.quick);
  await write('api/search/full.json', search.full);
  if (loaded.config.llmsTxt?.enabled !== false) {
    await write('llms.txt', renderLlmsTxt(loaded.catalog, config, urls));
    await write('llms-full.txt', renderLlmsFullTxt(loaded.catalog));
  }
  phase('catalog data');
  await copyAssets(policy, work, hasCustomStyles, report);
  phase('assets');
  await bodyLinks.finish(work, ledger, report);
  phase('links');
  const result = {
    outDir,
    pages: stats.pages,
    files: stats.files,
    bytes: stats.bytes,
    largestPage: stats.largestPage,
    diagnostics: sortDiagnostics(diagnostics),
    phases,
  };
  const record: BuildRecord<BuildResult> = {
    note: 'Built by Switchyard. This folder is replaced on every build.',
    fingerprint,
    result,
    load: { diagnostics: loaded.diagnostics, counts: countResources(loaded.catalog) },
  };
  await writeFile(join(work, marker), JSON.stringify(record));
  // For the next process's build; a dev server's rebuilds keep their layouts in memory.
  if (!incremental)
    await writeFile(join(work, layoutCacheFile), JSON.stringify(Object.fromEntries(svgCache)));

  if (!incremental) await swapIn(work, outDir);
  return result;
}

/** The output folder is one Switchyard will not write to; nothing was written. */
export class UnsafeOutputError extends Error {}

/** Refuses output folders that would overwrite the catalog or something that is not a previous build. */
function assertSafeOutDir(root: string, outDir: string): void {
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  if (outDir === resolve('/') || inside(root, outDir)) {
    throw new UnsafeOutputError(
      `Refusing to build into ${outDir}: it holds the catalog. Choose another --out.`,
    );
  }
  if (existsSync(outDir) && !existsSync(join(outDir, marker))) {
    const entries = (() => {
      try {
        return readdirSync(outDir);
      } catch {
        return ['?'];
      }
    })();
    if (entries.length > 0) {
      throw new UnsafeOutputError(
        `Refusing to replace ${outDir}: it is not empty and does not look like a previous Switchyard build.`,
      );
    }
  }
}

async function swapIn(work: string, outDir: string): Promise<void> {
  const old = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(work, outDir);
  await rm(old, { recursive: true, force: true });
}

/** The catalog's stylesheet, copied to `_sy/eventcatalog.styles.css` when there is one. */
const stylesFile = 'eventcatalog.styles.css';

async function copyAssets(
  policy: RootPolicy,
  work: string,
  styles: boolean,
  report: (d: Diagnostic) => void,
) {
  await mkdir(join(work, '_sy'), { recursive: true });
  // Diagram styles ship once in the stylesheet, not in every SVG.
  await writeFile(
    join(work, '_sy/site.css'),
    `${readFileSync(join(packageRoot, 'assets/site.css'), 'utf8')}\n${diagramCss}\n`,
  );
  // The browser scripts and the shared modules they import (`../shared/url-policy.js`), as compiled.
  for (const dir of ['client', 'shared']) {
    const from = join(packageRoot, 'dist/browser', dir);
    await mkdir(join(work, '_sy', dir), { recursive: true });
    for (const f of await readdir(from)) {
      if (f.endsWith('.js')) await cp(join(from, f), join(work, '_sy', dir, f));
    }
  }
  await mkdir(join(work, '_sy/vendor'), { recursive: true });
  await cp(fileURLToPath(import.meta.resolve('minisearch')), join(work, '_sy/vendor/minisearch.js'));
  // Catalog files reach the site through the path policy only.
  if (styles) await copyInside(policy, stylesFile, join(work, '_sy', stylesFile));
  await copyPublic(policy, work, report);
}

/** Runs `task` over `items`, at most `limit` at once. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Custom docs folder order from EventCatalog's `customDocs.sidebar` (`autogenerated.directory`). */
function docFolderOrder(config: CatalogConfig): string[] {
  const sidebar = config.customDocs?.sidebar ?? [];
  return sidebar.map((s) => (s.autogenerated?.directory ?? '').replace(/^\/+/, '')).filter(Boolean);
}

const sectionWorker = new URL('./section-worker.js', import.meta.url);

/**
 * Resource versions from which a section gets a thread of its own. Measured on two cores: the L catalog
 * (15,000 versions) builds 20-30% faster, but the fixture (230) and a 1,000-resource catalog build 15-20%
 * slower, where a second load of the catalog and three threads on two cores cost more than they save.
 */
const ownThreadFrom = 5000;

/** Runs a section on its own thread; a thread that dies is reported as the section failing. */
function runSectionWorker(job: SectionJob): Promise<SectionDone> {
  return new Promise((resolve) => {
    const failed = (error: string): SectionDone => ({ stats: noStats(), diagnostics: [], ms: 0, error });
    const worker = new Worker(sectionWorker, { workerData: job });
    worker.once('message', (done: SectionDone) => {
      resolve(done);
      void worker.terminate();
    });
    worker.once('error', (e) => resolve(failed(e.message)));
    worker.once('exit', (code) => resolve(failed(`its thread stopped (exit code ${code})`)));
  });
}
