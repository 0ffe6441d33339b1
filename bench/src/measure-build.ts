/**
 * One measured site build, in its own process so that its peak memory is its own:
 * `node bench/dist/measure-build.js <catalog-dir> [<scratch-dir>] [--rebuild] [--threads-from N]` loads the
 * catalog (loadCatalog), weighs the loaded model (heap in use after a collection),
 * builds the static site (buildSite) into a fresh temporary folder (inside `scratch-dir` when given, so that
 * whoever gave it can remove it even when this process is killed), measures the output folder, and with
 * `--rebuild` checks, as `switchyard build` does, whether the output is up to date (config, file list and
 * stamps; nothing parsed) and else loads and builds again, with no change, into the same folder (which keeps the diagram layout
 * cache of the first build). Then it removes the folder and prints one line of JSON (a BuildMeasurement).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadCatalog } from '@switchyard/loader';
import { countResources, type Diagnostic } from '@switchyard/model';
import { buildSite, checkUpToDate, keepHeapNearLive } from '@switchyard/site';
import { measureOutput, type OutputFigures } from './output.js';

export interface BuildMeasurement {
  /** Wall time of loadCatalog + buildSite, in milliseconds (module loading and Node startup excluded). */
  ms: number;
  /** The loadCatalog part of `ms`. */
  loadMs: number;
  /** The buildSite part of `ms`, writing every file included. */
  buildMs: number;
  /** Peak resident set size of the whole process, in MB (process.resourceUsage().maxRSS is in KB). */
  maxRssMB: number;
  /** Current versions of every kind but changelogs (older versions and changelogs come on top). */
  resources: number;
  pages: number;
  /** Every file buildSite wrote, pages included (copied assets are not counted). */
  files: number;
  /** Total size of the files written (as buildSite counts it; copied assets are not included). */
  bytes: number;
  largestPage: { path: string; bytes: number };
  /** Diagnostics from buildSite (the loader's are counted apart, in loadDiagnostics). */
  diagnostics: number;
  errors: number;
  warnings: number;
  /** How many build diagnostics of each code. */
  byCode: Record<string, number>;
  /** The first build diagnostics, errors first. */
  firstDiagnostics: string[];
  loadDiagnostics: number;
  loadErrors: number;
  /** The output folder as it is on disk after the first build. */
  output: OutputFigures;
  /** checkUpToDate, or loadCatalog + buildSite when it says a build is needed; null without --rebuild. */
  rebuild: { ms: number; loadMs: number; buildMs: number } | null;
  /** Wall time of each phase of the first build (`resources`, `section:visualiser`...), from buildSite. */
  phases: Record<string, number>;
  /** The loaded model's weight: V8 heap in use after loading and a full collection, in MB. */
  modelHeapMB: number;
  /** Threads of the build that held a copy of the model beside the main thread's (its "own thread" phases). */
  modelThreads: number;
}

/** A full garbage collection (the `gc` that `--expose-gc` gives, without starting Node with the flag). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const format = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;

async function main(): Promise<void> {
  const { values, positionals: args } = parseArgs({
    allowPositionals: true,
    options: { rebuild: { type: 'boolean', default: false }, 'threads-from': { type: 'string' } },
  });
  // Every generated size builds with the same threads (see run.ts), so their memory compares like with like.
  const threadsFrom = values['threads-from'] === undefined ? undefined : Number(values['threads-from']);
  const rebuildToo = values.rebuild;
  const dir = args[0];
  if (!dir) {
    process.stderr.write(
      'usage: node bench/dist/measure-build.js <catalog-dir> [<scratch-dir>] [--rebuild]\n',
    );
    process.exit(2);
  }
  // As the command line does: V8 keeps the heap near what is live (see site/node/heap.ts).
  keepHeapNearLive();
  // buildSite writes into `${outDir}.building-<pid>` and then renames it, so both live in this folder.
  const tmp = mkdtempSync(join(args[1] ?? tmpdir(), 'switchyard-bench-site-'));
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const start = performance.now();
    const loaded = await loadCatalog(dir);
    const loadedAt = performance.now();
    collect();
    const modelHeapMB = process.memoryUsage().heapUsed / 1e6;
    const outDir = join(tmp, 'site');
    const threads = { threads: true, ...(threadsFrom === undefined ? {} : { threadsFrom }) };
    const buildStart = performance.now();
    const built = await buildSite(loaded, { outDir, ...threads });
    // The collection above is not part of either figure.
    const end = performance.now() - (buildStart - loadedAt);
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    const output = measureOutput(outDir);
    let rebuild: BuildMeasurement['rebuild'] = null;
    if (rebuildToo) {
      // As `switchyard build` does: first the check that reads no file, then (only if needed) load and build.
      const again = performance.now();
      const current = await checkUpToDate(dir, outDir);
      if (current) {
        rebuild = { ms: performance.now() - again, loadMs: 0, buildMs: performance.now() - again };
      } else {
        const reloaded = await loadCatalog(dir);
        const reloadedAt = performance.now();
        await buildSite(reloaded, { outDir, ...threads });
        const done = performance.now();
        rebuild = { ms: done - again, loadMs: reloadedAt - again, buildMs: done - reloadedAt };
      }
    }

    const counts = countResources(loaded.catalog) as Record<string, number>;
    const resources = Object.entries(counts)
      .filter(([kind]) => kind !== 'versions' && kind !== 'changelog')
      .reduce((sum, [, n]) => sum + n, 0);
    const byCode: Record<string, number> = {};
    for (const d of built.diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    const errorsFirst = [
      ...built.diagnostics.filter((d) => d.severity === 'error'),
      ...built.diagnostics.filter((d) => d.severity !== 'error'),
    ];
    const result: BuildMeasurement = {
      ms: end - start,
      loadMs: loadedAt - start,
      buildMs: end - loadedAt,
      maxRssMB,
      resources,
      pages: built.pages,
      files: built.files,
      bytes: built.bytes,
      largestPage: built.largestPage,
      phases: built.phases ?? {},
      modelHeapMB,
      modelThreads: Object.keys(built.phases ?? {}).filter((name) => name.endsWith('(own thread)')).length,
      diagnostics: built.diagnostics.length,
      errors: built.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: built.diagnostics.filter((d) => d.severity === 'warning').length,
      byCode,
      firstDiagnostics: errorsFirst.slice(0, 10).map(format),
      loadDiagnostics: loaded.diagnostics.length,
      loadErrors: loaded.diagnostics.filter((d) => d.severity === 'error').length,
      output,
      rebuild,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    cleanUp();
  }
}

await main();
