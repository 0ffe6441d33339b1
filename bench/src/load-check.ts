/** Load + check runs (measure.js) of a generated catalog, each in a fresh process. */
import type { GeneratedCounts } from './generate.js';
import type { Measurement } from './measure.js';
import type { CatalogSize } from './sizes.js';
import { fail, spawnMeasure } from './spawn.js';
import { int, median } from './stats.js';

export interface LoadResult {
  size: string;
  resources: number;
  generated: GeneratedCounts;
  generateMs: number;
  runs: Measurement[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Child process wall time, spawn to exit (Node startup and module loading included). */
  medianProcessMs: number;
  medianRssMB: number;
  maxRssMB: number;
}

function check(size: CatalogSize, generated: GeneratedCounts, m: Measurement): void {
  if (m.diagnostics > 0) {
    fail(
      `the ${size.name} catalog loaded with ${m.diagnostics} diagnostics (it must have none). First ones:\n` +
        m.firstDiagnostics.map((d) => `  ${d}`).join('\n'),
    );
  }
  // Every kind the generator counts that the loader counts too (files and bytes are the generator's own).
  const kinds = (Object.keys(generated) as (keyof GeneratedCounts)[]).filter((k) => k in m.counts);
  const wrong = kinds.filter((k) => m.counts[k] !== generated[k]);
  if (wrong.length > 0) {
    fail(
      `the loader counted other resources than were generated: ${wrong
        .map((k) => `${k} ${m.counts[k] ?? 0} (generated ${generated[k]})`)
        .join(', ')}`,
    );
  }
}

export async function measureLoad(
  size: CatalogSize,
  dir: string,
  generated: GeneratedCounts,
  generateMs: number,
  runs: number,
): Promise<LoadResult> {
  const measured: Measurement[] = [];
  const processMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await spawnMeasure<Measurement>('measure.js', [dir]);
    if ('stopped' in result) throw new Error('measure.js was stopped'); // it has no time limit
    check(size, generated, result.m);
    measured.push(result.m);
    processMs.push(result.processMs);
    console.log(
      `  load + check ${i + 1}/${runs}: ${int(result.m.ms)} ms, peak RSS ${int(result.m.maxRssMB)} MB, ${result.m.diagnostics} diagnostics`,
    );
  }
  const times = measured.map((m) => m.ms);
  const rss = measured.map((m) => m.maxRssMB);
  return {
    size: size.name,
    resources: size.resources,
    generated,
    generateMs,
    runs: measured,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    medianProcessMs: median(processMs),
    medianRssMB: median(rss),
    maxRssMB: Math.max(...rss),
  };
}
