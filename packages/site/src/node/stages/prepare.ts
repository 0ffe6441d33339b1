import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { snapshotOf } from '@switchyard/loader';
import type { Resource } from '@switchyard/model';
import { siteSections } from '../../sections/index.js';
import type { ThreadDone, ThreadJob } from '../build-thread.js';
import { noStats } from '../writer.js';
import { type Build, sectionFailed } from './context.js';

/**
 * The prepare stage: sections compute what pages read (parsed schemas, examples) before the first page
 * renders, since parsing is async and rendering synchronous; and sections that need none of it start on
 * threads of their own.
 */

/**
 * Threads of the build by what they do (`section:visualiser`, `pages 1`...), each with its answer and,
 * for page threads, the pages it renders (rendered here instead if the thread fails).
 */
export type OwnThreads = Map<string, { done: Promise<ThreadDone>; pages?: Resource[] }>;

const buildThread = new URL('../build-thread.js', import.meta.url);

/**
 * Resource versions from which the build starts threads of its own. Measured on two cores: the L catalog
 * (15,000 versions) builds 20-30% faster, but the fixture (230) and a 1,000-resource catalog build 15-20%
 * slower, where a second copy of the model and three threads on two cores cost more than they save.
 */
const ownThreadFrom = 5000;
/** Page threads at most: each holds the model (at bench L, about 330 MB). */
const maxPageThreads = 6;
/** Resource pages dealt to the threads in runs of this many, so each thread gets every kind. */
const shareRun = 64;

/**
 * Starts the build's own threads (full builds of big catalogs from disk only): sections that can build
 * alone (the visualiser), and, on a machine with cores to spare, threads that render a share of the
 * resource pages each; the main thread keeps the first share (`build.toRender` becomes it).
 */
export function startOwnThreads(build: Build): OwnThreads {
  const running: OwnThreads = new Map();
  const { options, loaded, output } = build;
  if (
    !options.threads ||
    output.incremental ||
    loaded.catalog.resources.length < (options.threadsFrom ?? ownThreadFrom) ||
    !existsSync(fileURLToPath(buildThread))
  )
    return running;
  // The catalog as data, once for every thread that reads it so: measured at L, rebuilding from it takes
  // a tenth of a load. Without bodies for the sections that never read one.
  const models = new Map<boolean, Uint8Array>();
  const modelFor = (bodies: boolean) => {
    const known = models.get(bodies);
    if (known) return known;
    const model = serialize(snapshotOf(loaded, { bodies }));
    models.set(bodies, model);
    return model;
  };
  const job = (task: ThreadJob['task'], bodies = true): ThreadJob => ({
    task,
    root: loaded.root,
    model: modelFor(bodies),
    work: output.work,
    build: build.base.build,
    ...(build.options.linkLimit !== undefined ? { linkLimit: build.options.linkLimit } : {}),
  });
  for (const section of siteSections) {
    if (section.ownThread)
      running.set(`section:${section.name}`, {
        done: runThread(job({ section: section.name }, section.readsBodies !== false)),
      });
  }
  const pageThreads =
    options.pageThreads ?? Math.min(maxPageThreads, availableParallelism() - 1 - running.size);
  if (pageThreads > 0) {
    const [mine = [], ...theirs] = shares(build.toRender, pageThreads + 1);
    build.toRender = mine;
    theirs.forEach((share, i) => {
      const done = runThread(job({ resources: share.map((r) => r.key) }));
      running.set(`pages ${i + 1}`, { done, pages: share });
    });
  }
  return running;
}

/** Deals `items` into `count` shares, in runs of `shareRun` consecutive items. */
export function shares<T>(items: readonly T[], count: number): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < items.length; i++) out[Math.floor(i / shareRun) % count]?.push(items[i] as T);
  return out;
}

/**
 * Runs every section's `prepare` and adds what it returns to the pages' render context. `onDemand` (a dev
 * server rendering pages as they are asked for): prepare for these resources only, adding to what earlier
 * calls prepared.
 */
export async function prepareSections(build: Build, onDemand?: ReadonlySet<string>): Promise<void> {
  const { loaded, report, readFile } = build;
  const only = onDemand ?? (build.output.incremental ? build.options.only : undefined);
  const extend = onDemand ? build.base : undefined;
  for (const section of siteSections) {
    if (!section.prepare) continue;
    build.phase('setup');
    try {
      Object.assign(
        build.base,
        await section.prepare({ loaded, catalog: loaded.catalog, report, readFile, only, extend }),
      );
    } catch (error) {
      report(sectionFailed(section.name, (error as Error).message));
    }
  }
  build.phase('prepare');
}

/** Runs a build thread; a thread that dies is reported as its task failing. */
function runThread(job: ThreadJob): Promise<ThreadDone> {
  const failed = (error: string): ThreadDone => ({ stats: noStats(), diagnostics: [], ms: 0, error });
  // Started outside the promise: a closure over `job` would keep the catalog's snapshot (42 MB at bench L)
  // alive on this thread until the thread ends.
  let worker: Worker;
  try {
    worker = new Worker(buildThread, { workerData: job });
  } catch (e) {
    return Promise.resolve(failed(e instanceof Error ? e.message : String(e)));
  }
  return new Promise((resolve) => {
    worker.once('message', (done: ThreadDone) => {
      resolve(done);
      void worker.terminate();
    });
    worker.once('error', (e) => resolve(failed(e.message)));
    worker.once('exit', (code) => resolve(failed(`its thread stopped (exit code ${code})`)));
  });
}
