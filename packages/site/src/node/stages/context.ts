import type { LoadedCatalog } from '@switchyard/loader';
import { createRootReader, rootPolicy } from '@switchyard/loader';
import { type Diagnostic, diagnostic, type Resource, sortDiagnostics } from '@switchyard/model';
import type { BuildSettings, RenderContext } from '../../render/context.js';
import { createUrls, hasPage, type Urls } from '../../urls.js';
import { type BodyLinks, createBodyLinks } from '../body-links.js';
import { LinkLedger } from '../check-links.js';
import { missingLogo, resolveLogo } from '../logo.js';
import { createWriter, type FileContent, type WriteStats } from '../writer.js';
import type { Output } from './output.js';
import type { BuildOptions, BuildResult } from './types.js';

/** The catalog's stylesheet, copied to `_sy/eventcatalog.styles.css` when there is one. */
export const stylesFile = 'eventcatalog.styles.css';

/**
 * What every stage of one build shares: the catalog, the build's settings, the render context pages start
 * from, the one writer, the link ledger, the diagnostics and the phase clock. Made once per build; nothing
 * of it lives in module state, so two builds in one process never share it.
 */
export interface Build {
  loaded: LoadedCatalog;
  options: BuildOptions;
  output: Output;
  urls: Urls;
  /** The render context every page starts from (sections' `prepare` add to it). */
  base: Omit<RenderContext, 'diagrams'>;
  /** Catalog files, through the path policy. */
  readFile: (path: string) => string | undefined;
  report: (d: Diagnostic) => void;
  ledger: LinkLedger;
  bodyLinks: BodyLinks;
  write: (path: string, content: FileContent) => Promise<void>;
  writePage: (path: string, html: string) => Promise<void>;
  stats: WriteStats;
  /** The resources whose pages this build renders (all, or a dev rebuild's `only`). */
  toRender: Resource[];
  hasCustomStyles: boolean;
  /** Ends the current phase under `name` (times add up when a name comes twice). */
  phase: (name: string) => void;
  phases: Record<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * Sets up one build over an opened output folder. A build thread passes the settings of the build it
 * takes part in, so its pages carry the same build id.
 */
export function createBuild(
  loaded: LoadedCatalog,
  options: BuildOptions,
  output: Output,
  buildSettings?: BuildSettings,
): Build {
  const policy = rootPolicy(loaded.root);
  const hasCustomStyles = 'real' in policy.resolve(stylesFile);
  const logo = resolveLogo(loaded.root, loaded.config);
  const config = logo.config;
  const settings: BuildSettings = buildSettings ?? {
    // A full build is named by what it read, so the same catalog builds the same bytes; a dev server's
    // rebuilds (no fingerprint) by the time, so the browser drops what it cached from the one before.
    id: output.fingerprint ? output.fingerprint.slice(0, 12) : Date.now().toString(36),
    hasCustomStyles,
    trusted: loaded.config.trustContent === true,
    outDir: output.outDir,
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
  // Every link of every page is recorded as it is written, and checked once all is written; a full build
  // sets aside in its work folder the targets not written yet, so the ledger does not grow with pages.
  const ledger = new LinkLedger(
    config.base,
    output.incremental
      ? {}
      : { work: output.work, spill: true, ...(options.linkLimit ? { limit: options.linkLimit } : {}) },
  );
  const { write, writePage, stats } = createWriter(output.work, urls, ledger);
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const only = output.incremental ? options.only : undefined;
  return {
    loaded,
    options,
    output,
    urls,
    base: { catalog: loaded.catalog, config, build: settings, urls, readFile, report },
    readFile,
    report,
    ledger,
    bodyLinks: createBodyLinks(loaded.root, loaded.catalog, loaded.files, urls),
    write,
    writePage,
    stats,
    toRender: loaded.catalog.resources.filter((r) => hasPage(r) && (!only || only.has(r.key))),
    hasCustomStyles,
    phase: (name) => {
      const now = performance.now();
      phases[name] = Math.round((phases[name] ?? 0) + now - phaseStart);
      phaseStart = now;
    },
    phases,
    diagnostics,
  };
}

/** A section or stage that failed, as a diagnostic (the rest of the site is still built). */
export function sectionFailed(name: string, message: string): Diagnostic {
  return diagnostic('build-section-failed', `The ${name} section failed: ${message}`, {
    file: '',
    line: 1,
    column: 1,
  });
}

/** What the build returns: what it wrote and what it found. */
export function resultOf(build: Build): BuildResult {
  return {
    outDir: build.output.outDir,
    pages: build.stats.pages,
    files: build.stats.files,
    bytes: build.stats.bytes,
    largestPage: build.stats.largestPage,
    diagnostics: sortDiagnostics(build.diagnostics),
    phases: build.phases,
  };
}
