import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { type CatalogSnapshot, type LoadedCatalog, restoreSnapshot } from '@switchyard/loader';
import type { Diagnostic } from '@switchyard/model';
import type { BuildSettings } from '../render/context.js';
import { siteSections } from '../sections/index.js';
import type { BodyLinkState } from './body-links.js';
import type { LedgerPart } from './check-links.js';
import { createSvgCache, threadSvgCacheBytes } from './render-page.js';
import { sectionContextFor } from './section-context.js';
import { type Build, createBuild } from './stages/context.js';
import { prepareSections } from './stages/prepare.js';
import { renderResourcePages, startCompiling } from './stages/resource-pages.js';
import { noStats, type WriteStats } from './writer.js';

/**
 * What the build gives one of its threads: the loaded catalog (its snapshot, `v8.serialize`d: the thread
 * rebuilds the graph from it instead of reading the catalog again), where to write, the build's settings,
 * and the task: a section to build (the visualiser), or a share of the resource pages.
 */
export interface ThreadJob {
  task: { section: string } | { resources: string[] };
  root: string;
  model: Uint8Array;
  work: string;
  build: BuildSettings;
  linkLimit?: number;
}

/** What a thread did, for the main thread to count, check and report. */
export interface ThreadDone {
  stats: WriteStats;
  diagnostics: Diagnostic[];
  /** The link targets of the pages written that were not found yet (`LinkLedger.handOver`), for the build's link check. */
  links?: LedgerPart;
  /** The links written in bodies, checked with the rest once everything is written. */
  bodyLinks?: BodyLinkState;
  ms: number;
  error?: string;
}

/** The thread's own build over the same output folder: same settings, its own writer, ledger and caches. */
function threadBuild(loaded: LoadedCatalog, job: ThreadJob): Build {
  const output = {
    outDir: job.build.outDir,
    work: job.work,
    incremental: false,
    fingerprint: '',
    layouts: createSvgCache(threadSvgCacheBytes),
  };
  return createBuild(
    loaded,
    job.linkLimit !== undefined ? { linkLimit: job.linkLimit } : {},
    output,
    job.build,
  );
}

/** Builds a section, or renders a share of the resource pages, on this thread. */
async function run(job: ThreadJob): Promise<ThreadDone> {
  const started = performance.now();
  const loaded = restoreSnapshot(job.root, deserialize(job.model) as CatalogSnapshot);
  // The snapshot's bytes (42 MB at bench L) are not needed once the catalog is rebuilt from them.
  job.model = new Uint8Array();
  const build = threadBuild(loaded, job);
  let error: string | undefined;
  try {
    if ('section' in job.task) {
      const name = job.task.section;
      const section = siteSections.find((s) => s.name === name);
      if (!section) throw new Error(`no section named ${name}`);
      const writer = { write: build.write, writePage: build.writePage };
      await section.build(sectionContextFor(loaded, build.base, build.output.layouts, writer, undefined));
    } else {
      const keys = new Set(job.task.resources);
      build.toRender = build.toRender.filter((r) => keys.has(r.key));
      await prepareSections(build, keys);
      startCompiling(build);
      await renderResourcePages(build);
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const done: ThreadDone = {
    stats: build.stats,
    diagnostics: build.diagnostics,
    links: build.ledger.handOver(),
    ms: Math.round(performance.now() - started),
  };
  if ('resources' in job.task) done.bodyLinks = build.bodyLinks.state();
  if (error !== undefined) done.error = error;
  return done;
}

if (parentPort) {
  const port = parentPort;
  run(workerData as ThreadJob).then(
    (done) => port.postMessage(done),
    (e: unknown) =>
      port.postMessage({
        stats: noStats(),
        diagnostics: [],
        ms: 0,
        error: e instanceof Error ? e.message : String(e),
      } satisfies ThreadDone),
  );
}
