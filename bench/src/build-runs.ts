/** Site build runs (measure-build.js) of one catalog, each in a fresh process, and their summary. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedCounts } from './generate.js';
import type { BuildMeasurement } from './measure-build.js';
import type { OutputFigures } from './output.js';
import { fail, type StoppedRun, spawnMeasure } from './spawn.js';
import { int, mb, median } from './stats.js';

export interface BuildTarget {
  /** What is built: `eventcatalog-acme`, `examples/acme`, or a size (`S`, `M`, `2,500`). */
  name: string;
  source: 'fixture' | 'example' | 'generated';
  dir: string;
  generated?: GeneratedCounts;
}

export interface BuildResult {
  name: string;
  source: BuildTarget['source'];
  resources: number | null;
  /** The runs that finished. */
  runs: BuildMeasurement[];
  /** The run that went over the time limit (the runs after it were skipped), or null. */
  stopped: StoppedRun | null;
  /** The figures below are over the finished runs, null when none finished. */
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  medianLoadMs: number | null;
  /** Child process wall time, spawn to exit (Node startup, module loading and the rebuild included). */
  medianProcessMs: number | null;
  medianRssMB: number | null;
  maxRssMB: number | null;
  /** The output folder of the first run. */
  output: OutputFigures | null;
  /** loadCatalog + buildSite again with no change into the same folder (median), null when not measured. */
  medianRebuildMs: number | null;
  diagnostics: number | null;
  errors: number | null;
  /** The loaded model's heap (median of the runs) and the most threads that held a copy of it. */
  modelHeapMB: number | null;
  modelThreads: number | null;
}

function checkGenerated(target: BuildTarget, m: BuildMeasurement): void {
  const generated = target.generated;
  if (!generated) return;
  if (m.loadDiagnostics > 0) {
    fail(
      `the ${target.name} catalog loaded with ${m.loadDiagnostics} diagnostics before the build ` +
        '(it must have none); run bench/dist/measure.js on it to see them',
    );
  }
  if (m.resources !== generated.resources) {
    fail(`the loader counted ${m.resources} resources for the build, ${generated.resources} were generated`);
  }
}

/**
 * Builds the site of `target` `runs` times, each in a fresh process (with a rebuild with no change when
 * `rebuild`), printing one line per run. A run that takes longer than `timeoutMs` is stopped and the runs
 * after it are skipped.
 */
export async function measureBuild(
  target: BuildTarget,
  options: { runs: number; scratch: string; timeoutMs: number; rebuild: boolean; threadsFrom?: number },
): Promise<BuildResult> {
  const { runs, scratch, timeoutMs } = options;
  const measured: BuildMeasurement[] = [];
  const processMs: number[] = [];
  let stopped: StoppedRun | null = null;
  const args = [
    target.dir,
    scratch,
    ...(options.rebuild ? ['--rebuild'] : []),
    ...(options.threadsFrom === undefined ? [] : ['--threads-from', String(options.threadsFrom)]),
  ];
  for (let i = 0; i < runs; i++) {
    const result = await spawnMeasure<BuildMeasurement>('measure-build.js', args, timeoutMs);
    if ('stopped' in result) {
      stopped = result.stopped;
      // Killed, it could not remove its half-written output; it sits in `scratch`.
      for (const entry of readdirSync(scratch)) {
        if (entry.startsWith('switchyard-bench-site-'))
          rmSync(join(scratch, entry), { recursive: true, force: true });
      }
      const rss = stopped.peakRssMB === null ? '' : `, peak RSS so far ${int(stopped.peakRssMB)} MB`;
      console.log(
        `  build ${i + 1}/${runs}: STOPPED after ${int(stopped.afterMs / 1000)} s (--build-timeout)${rss}` +
          (i + 1 < runs ? '; skipping the other runs' : ''),
      );
      break;
    }
    const { m } = result;
    checkGenerated(target, m);
    measured.push(m);
    processMs.push(result.processMs);
    const again = m.rebuild ? `, rebuild ${int(m.rebuild.ms)} ms` : '';
    console.log(
      `  build ${i + 1}/${runs}: ${int(m.ms)} ms (load ${int(m.loadMs)} + build ${int(m.buildMs)})${again}, ` +
        `peak RSS ${int(m.maxRssMB)} MB, ${int(m.output.pages)} pages, ${mb(m.output.bytes)}, ${m.diagnostics} diagnostics` +
        (m.errors > 0 ? ` (${m.errors} errors)` : ''),
    );
  }
  const first = measured[0];
  const over = (f: (values: number[]) => number, pick: (m: BuildMeasurement) => number) =>
    first ? f(measured.map(pick)) : null;
  const max = (values: number[]) => Math.max(...values);
  const min = (values: number[]) => Math.min(...values);
  const rebuilds = measured.flatMap((m) => (m.rebuild ? [m.rebuild.ms] : []));
  return {
    name: target.name,
    source: target.source,
    resources: first?.resources ?? target.generated?.resources ?? null,
    runs: measured,
    stopped,
    medianMs: over(median, (m) => m.ms),
    minMs: over(min, (m) => m.ms),
    maxMs: over(max, (m) => m.ms),
    medianLoadMs: over(median, (m) => m.loadMs),
    medianProcessMs: first ? median(processMs) : null,
    medianRssMB: over(median, (m) => m.maxRssMB),
    maxRssMB: over(max, (m) => m.maxRssMB),
    output: first?.output ?? null,
    medianRebuildMs: rebuilds.length > 0 ? median(rebuilds) : null,
    diagnostics: over(max, (m) => m.diagnostics),
    errors: over(max, (m) => m.errors),
    modelHeapMB: over(median, (m) => m.modelHeapMB),
    modelThreads: over(max, (m) => m.modelThreads),
  };
}
