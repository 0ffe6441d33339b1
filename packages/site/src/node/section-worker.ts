import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { type CatalogSnapshot, createRootReader, restoreSnapshot } from '@switchyard/loader';
import type { Diagnostic } from '@switchyard/model';
import type { BuildSettings, RenderContext } from '../render/context.js';
import { siteSections } from '../sections/index.js';
import { createUrls } from '../urls.js';
import { LinkLedger, type LinkSeen } from './check-links.js';
import { resolveLogo } from './logo.js';
import { createSvgCache } from './render-page.js';
import { sectionContextFor } from './section-context.js';
import { createWriter, noStats, type WriteStats } from './writer.js';

/**
 * What the build gives a section worker: the loaded catalog (its snapshot, `v8.serialize`d: the thread
 * rebuilds the graph from it instead of reading the catalog again), where to write, and the build's settings.
 */
export interface SectionJob {
  section: string;
  root: string;
  model: Uint8Array;
  work: string;
  build: BuildSettings;
}

export interface SectionDone {
  stats: WriteStats;
  diagnostics: Diagnostic[];
  /** The link targets of the pages written (`LinkLedger.targets`), for the build's link check. */
  links?: [string, LinkSeen][];
  linkCount?: number;
  ms: number;
  error?: string;
}

/**
 * Builds one section of the site (the visualiser) on a thread of its own, from the build's catalog sent as
 * a snapshot, while the main thread renders the resource pages: two cores at work instead of one.
 */
async function run(job: SectionJob): Promise<SectionDone> {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => {
    diagnostics.push(d);
  };
  const loaded = restoreSnapshot(job.root, deserialize(job.model) as CatalogSnapshot);
  const config = resolveLogo(loaded.root, loaded.config).config;
  const urls = createUrls(config);
  const ledger = new LinkLedger(config.base);
  const readFile = createRootReader(loaded.root);
  const base: Omit<RenderContext, 'diagrams'> = {
    catalog: loaded.catalog,
    config,
    build: job.build,
    urls,
    readFile,
    report,
  };
  const { write, writePage, stats } = createWriter(job.work, urls, ledger);
  const ctx = sectionContextFor(loaded, base, createSvgCache(), { write, writePage }, undefined);
  const section = siteSections.find((s) => s.name === job.section);
  let error: string | undefined;
  try {
    if (!section) throw new Error(`no section named ${job.section}`);
    await section.build(ctx);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const done: SectionDone = {
    stats,
    diagnostics,
    links: [...ledger.targets],
    linkCount: ledger.links,
    ms: Math.round(performance.now() - started),
  };
  if (error !== undefined) done.error = error;
  return done;
}

if (parentPort) {
  const port = parentPort;
  run(workerData as SectionJob).then(
    (done) => port.postMessage(done),
    (e: unknown) =>
      port.postMessage({
        stats: noStats(),
        diagnostics: [],
        ms: 0,
        error: e instanceof Error ? e.message : String(e),
      } satisfies SectionDone),
  );
}
