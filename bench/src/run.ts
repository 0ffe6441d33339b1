/**
 * The benchmark behind `npm run bench`: for each size, generate a seeded synthetic catalog in a temporary
 * folder, then load and check it `--runs` times, each run in a fresh child process (measure.js), and report
 * wall time and peak memory. Fails when a generated catalog has any diagnostic.
 *
 *   node bench/dist/run.js [--sizes 1000,10000] [--runs 3] [--seed 1] [--strict]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type GeneratedCounts, generateCatalog, minimumResources } from './generate.js';
import type { Measurement } from './measure.js';

/** The claim the suite checks: a 10,000-resource catalog loads and checks in under 5 s and 1 GB. */
export const goal = { resources: 10_000, maxMs: 5_000, maxRssMB: 1_024 };

const kinds = [
  'domain',
  'system',
  'service',
  'event',
  'command',
  'query',
  'channel',
  'container',
  'flow',
  'team',
  'user',
  'doc',
  'changelog',
  'versions',
] as const;

interface SizeResult {
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

function options(): { sizes: number[]; runs: number; seed: number; strict: boolean } {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      strict: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < minimumResources) {
      throw new Error(
        `--sizes takes integers of at least ${minimumResources}, separated by commas (got "${values.sizes}")`,
      );
    }
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs takes a positive integer (got "${values.runs}")`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed takes an integer (got "${values.seed}")`);
  return { sizes, runs, seed, strict: values.strict };
}

/** Runs measure.js on `dir` in a child process; resolves with its measurement and its process wall time. */
function measure(dir: string): Promise<{ m: Measurement; processMs: number }> {
  const script = fileURLToPath(new URL('./measure.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const processMs = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`measure.js exited with ${code}:\n${err || out}`));
        return;
      }
      try {
        resolve({ m: JSON.parse(out) as Measurement, processMs });
      } catch {
        reject(new Error(`measure.js printed something that is not JSON:\n${out}\n${err}`));
      }
    });
  });
}

/** Stops the whole suite: a generated catalog must load clean and be counted as generated. */
function fail(message: string): never {
  throw new Error(`\n${'!'.repeat(78)}\nBENCHMARK INVALID: ${message}\n${'!'.repeat(78)}`);
}

function check(size: number, generated: GeneratedCounts, m: Measurement): void {
  if (m.diagnostics > 0) {
    fail(
      `the ${int(size)}-resource catalog loaded with ${m.diagnostics} diagnostics (it must have none). First ones:\n` +
        m.firstDiagnostics.map((d) => `  ${d}`).join('\n'),
    );
  }
  const wrong = kinds.filter((k) => m.counts[k] !== generated[k]);
  if (wrong.length > 0) {
    fail(
      `the loader counted other resources than were generated: ${wrong
        .map((k) => `${k} ${m.counts[k] ?? 0} (generated ${generated[k]})`)
        .join(', ')}`,
    );
  }
}

function table(rows: readonly SizeResult[]): string {
  const header = [
    'resources',
    'files',
    'on disk',
    'median',
    'min',
    'max',
    'process',
    'peak RSS',
    'diagnostics',
  ];
  const body = rows.map((r) => [
    int(r.resources),
    int(r.generated.files),
    `${(r.generated.bytes / 1024 / 1024).toFixed(1)} MB`,
    `${int(r.medianMs)} ms`,
    `${int(r.minMs)} ms`,
    `${int(r.maxMs)} ms`,
    `${int(r.medianProcessMs)} ms`,
    `${int(r.medianRssMB)} MB`,
    String(Math.max(...r.runs.map((x) => x.diagnostics))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padStart(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { sizes, runs, seed, strict } = options();
  const cpuList = cpus();
  const environment = {
    node: process.version,
    platform: `${platform()} ${release()}`,
    arch: process.arch,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  };
  console.log(
    `Switchyard benchmark: load and check synthetic catalogs (seed ${seed}, ${runs} runs per size)`,
  );
  console.log(
    `Node ${environment.node} on ${environment.platform} ${environment.arch}, ${environment.cpus} CPUs (${environment.cpuModel}), ${environment.memoryGB} GB RAM`,
  );

  const tmp = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      const dir = join(tmp, `catalog-${size}`);
      const g0 = performance.now();
      const generated = generateCatalog(dir, { resources: size, seed });
      const generateMs = performance.now() - g0;
      console.log(
        `\n${int(size)} resources: generated ${int(generated.files)} files (${(generated.bytes / 1024 / 1024).toFixed(1)} MB) in ${int(generateMs)} ms`,
      );
      const measured: Measurement[] = [];
      const processMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const { m, processMs: p } = await measure(dir);
        check(size, generated, m);
        measured.push(m);
        processMs.push(p);
        console.log(
          `  run ${i + 1}/${runs}: ${int(m.ms)} ms, peak RSS ${int(m.maxRssMB)} MB, ${m.diagnostics} diagnostics`,
        );
      }
      const times = measured.map((m) => m.ms);
      const rss = measured.map((m) => m.maxRssMB);
      results.push({
        resources: size,
        generated,
        generateMs,
        runs: measured,
        medianMs: median(times),
        minMs: Math.min(...times),
        maxMs: Math.max(...times),
        medianProcessMs: median(processMs),
        medianRssMB: median(rss),
        maxRssMB: Math.max(...rss),
      });
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  console.log('\nLoad + check (loadCatalog + countResources), each run in a fresh process:\n');
  console.log(table(results));
  console.log('\nmedian/min/max: time inside the process; process: spawn to exit, Node startup included;');
  console.log("peak RSS: median of the runs' process.resourceUsage().maxRSS.");

  const target = results.find((r) => r.resources === goal.resources);
  let met: boolean | undefined;
  if (target) {
    met = target.medianMs < goal.maxMs && target.maxRssMB < goal.maxRssMB;
    console.log(
      `\nGoal (${int(goal.resources)} resources under ${goal.maxMs / 1000} s and 1 GB): ${met ? 'MET' : 'MISSED'}. ` +
        `Median ${(target.medianMs / 1000).toFixed(2)} s (${target.medianMs < goal.maxMs ? 'ok' : 'too slow'}), ` +
        `highest peak RSS ${int(target.maxRssMB)} MB (${target.maxRssMB < goal.maxRssMB ? 'ok' : 'too much'}).`,
    );
  } else {
    console.log(
      `\nGoal (${int(goal.resources)} resources under 5 s and 1 GB): not measured (add ${goal.resources} to --sizes).`,
    );
  }

  const out = fileURLToPath(new URL('../results/latest.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    environment,
    seed,
    runsPerSize: runs,
    goal: { ...goal, measured: target !== undefined, met: met ?? null },
    sizes: results,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${out}`);
  if (strict && met === false) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
