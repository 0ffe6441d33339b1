import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { snapshotOf } from '@switchyard/loader';
import { siteSections } from '../../sections/index.js';
import type { SectionDone, SectionJob } from '../section-worker.js';
import { noStats } from '../writer.js';
import { type Build, sectionFailed } from './context.js';

/**
 * The prepare stage: sections compute what pages read (parsed schemas, examples) before the first page
 * renders, since parsing is async and rendering synchronous; and sections that need none of it start on
 * threads of their own.
 */

/** Sections running on threads of their own, by name. */
export type OwnThreads = Map<string, Promise<SectionDone>>;

const sectionWorker = new URL('../section-worker.js', import.meta.url);

/**
 * Resource versions from which a section gets a thread of its own. Measured on two cores: the L catalog
 * (15,000 versions) builds 20-30% faster, but the fixture (230) and a 1,000-resource catalog build 15-20%
 * slower, where a second copy of the model and three threads on two cores cost more than they save.
 */
const ownThreadFrom = 5000;

/** Starts the sections that can build on their own thread (full builds of big catalogs from disk only). */
export function startOwnThreads(build: Build): OwnThreads {
  const running: OwnThreads = new Map();
  const { options, loaded, output } = build;
  if (
    !options.threads ||
    output.incremental ||
    loaded.catalog.resources.length < (options.threadsFrom ?? ownThreadFrom) ||
    !existsSync(fileURLToPath(sectionWorker))
  )
    return running;
  // The catalog as data, once for every thread: measured at L, rebuilding from it takes a tenth of a load.
  let model: Uint8Array | undefined;
  for (const section of siteSections) {
    if (!section.ownThread) continue;
    model ??= serialize(snapshotOf(loaded));
    const job: SectionJob = {
      section: section.name,
      root: loaded.root,
      model,
      work: output.work,
      build: build.base.build,
    };
    running.set(section.name, runSectionWorker(job));
  }
  return running;
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
