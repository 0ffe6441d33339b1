/**
 * The benchmark behind `npm run bench`: for each size, generate a seeded synthetic catalog in a temporary
 * folder, then load and check it `--runs` times, each run in a fresh child process (measure.js), and report
 * wall time and peak memory. Fails when a generated catalog has any diagnostic. Then build the static site
 * (loadCatalog + buildSite, measure-build.js) for the EventCatalog fixture, the bundled example and every
 * generated size, again each run in a fresh child process.
 *
 *   node bench/dist/run.js [--sizes 1000,10000] [--runs 3] [--seed 1] [--strict]
 *                          [--skip-build | --build-only] [--build-timeout 300]
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type GeneratedCounts, generateCatalog, minimumResources } from './generate.js';
import type { Measurement } from './measure.js';
import type { BuildMeasurement } from './measure-build.js';

/** The claim the suite checks: a 10,000-resource catalog loads and checks in under 5 s and 1 GB. */
export const goal = { resources: 10_000, maxMs: 5_000, maxRssMB: 1_024 };

/**
 * The site build goals: the EventCatalog fixture builds in under 3 s; a 10,000-resource catalog builds in
 * under 60 s and 1.5 GB; no page is over 200 KB.
 */
export const buildGoal = {
  fixtureMaxMs: 3_000,
  resources: 10_000,
  maxMs: 60_000,
  maxRssMB: 1_536,
  maxPageKB: 200,
};

/** Sizes from here on get one build run unless `--runs` is given: a build takes minutes there. */
const largeBuild = 10_000;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** EventCatalog's own example catalog, beside the repository (it may be absent). */
const fixtureDir = join(repoRoot, '../shared/fixtures/eventcatalog-acme');
const exampleDir = join(repoRoot, 'examples/acme');

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

/** A build run that went over --build-timeout and was stopped. */
interface StoppedRun {
  afterMs: number;
  /** The process's peak RSS when it was stopped (from /proc, so null off Linux). */
  peakRssMB: number | null;
}

interface BuildResult {
  /** What was built: `eventcatalog-acme`, `examples/acme` or `1,000 generated`. */
  name: string;
  source: 'fixture' | 'example' | 'generated';
  /** Catalog folder, relative to the repository root (generated catalogs live in a temporary folder). */
  dir: string | null;
  resources: number | null;
  /** The runs that finished. */
  runs: BuildMeasurement[];
  /** The run that went over --build-timeout (the runs after it were skipped), or null. */
  stopped: StoppedRun | null;
  /** The figures below are over the finished runs, null when none finished. */
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  medianLoadMs: number | null;
  medianBuildMs: number | null;
  /** Child process wall time, spawn to exit (Node startup and module loading included). */
  medianProcessMs: number | null;
  medianRssMB: number | null;
  maxRssMB: number | null;
  /** Of the first run; a build writes the same pages every time. */
  pages: number | null;
  files: number | null;
  bytes: number | null;
  largestPage: { path: string; bytes: number } | null;
  diagnostics: number | null;
  errors: number | null;
}

interface Options {
  sizes: number[];
  runs: number;
  /** `--runs` was given: then sizes from 10,000 up get that many build runs too, not one. */
  runsGiven: boolean;
  seed: number;
  strict: boolean;
  loadCheck: boolean;
  build: boolean;
  /** Stop a build run after this many ms (0: never). */
  buildTimeoutMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function options(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      strict: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      'build-only': { type: 'boolean', default: false },
      'build-timeout': { type: 'string', default: '300' },
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
  const runs = Number(values.runs ?? '3');
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs takes a positive integer (got "${values.runs}")`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed takes an integer (got "${values.seed}")`);
  const buildTimeout = Number(values['build-timeout']);
  if (!Number.isFinite(buildTimeout) || buildTimeout < 0)
    throw new Error(`--build-timeout takes seconds, 0 for none (got "${values['build-timeout']}")`);
  if (values['skip-build'] && values['build-only'])
    throw new Error('--skip-build and --build-only leave nothing to do; give one of them');
  return {
    sizes,
    runs,
    runsGiven: values.runs !== undefined,
    seed,
    strict: values.strict,
    loadCheck: !values['build-only'],
    build: !values['skip-build'],
    buildTimeoutMs: buildTimeout * 1000,
  };
}

/** The child process running now, stopped with the suite on SIGINT or SIGTERM. */
let running: ReturnType<typeof spawn> | undefined;

/** Peak RSS of a running process in MB, from /proc (Linux only). */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kB ? Number(kB) / 1024 : null;
  } catch {
    return null;
  }
}

type Spawned<T> = { m: T; processMs: number } | { stopped: StoppedRun };

/**
 * Runs `script` (measure.js or measure-build.js) with `args` in a child process; resolves with its JSON, or
 * with `stopped` when it ran longer than `timeoutMs` (0: no limit) and was killed.
 */
function spawnMeasure<T>(script: string, args: readonly string[], timeoutMs = 0): Promise<Spawned<T>> {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    let stopped: StoppedRun | undefined;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            stopped = { afterMs: performance.now() - start, peakRssMB: peakRssOf(child.pid) };
            child.kill('SIGKILL');
          }, timeoutMs)
        : undefined;
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
      clearTimeout(timer);
      running = undefined;
      const processMs = performance.now() - start;
      if (stopped) {
        resolve({ stopped });
        return;
      }
      if (code !== 0) {
        reject(new Error(`${script} exited with ${code} on ${args[0]}:\n${err || out}`));
        return;
      }
      try {
        resolve({ m: JSON.parse(out) as T, processMs });
      } catch {
        reject(new Error(`${script} printed something that is not JSON:\n${out}\n${err}`));
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

/** The same promise for a build run (whose measurement has no per-kind counts). */
function checkBuild(size: number, generated: GeneratedCounts, m: BuildMeasurement): void {
  if (m.loadDiagnostics > 0) {
    fail(
      `the ${int(size)}-resource catalog loaded with ${m.loadDiagnostics} diagnostics before the build ` +
        '(it must have none); run bench/dist/measure.js on it to see them',
    );
  }
  if (m.resources !== generated.resources) {
    fail(`the loader counted ${m.resources} resources for the build, ${generated.resources} were generated`);
  }
}

/** A Markdown table; columns are right-aligned except those listed in `left`. */
function renderTable(header: readonly string[], body: readonly string[][], left: readonly number[] = []) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const pad = (c: string, i: number) =>
    left.includes(i) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number);
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
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
    mb(r.generated.bytes),
    `${int(r.medianMs)} ms`,
    `${int(r.minMs)} ms`,
    `${int(r.maxMs)} ms`,
    `${int(r.medianProcessMs)} ms`,
    `${int(r.medianRssMB)} MB`,
    String(Math.max(...r.runs.map((x) => x.diagnostics))),
  ]);
  return renderTable(header, body);
}

function buildTable(rows: readonly BuildResult[]): string {
  const header = [
    'catalog',
    'resources',
    'runs',
    'median',
    'min',
    'max',
    'load',
    'process',
    'peak RSS',
    'pages',
    'files',
    'output',
    'largest page',
    'diagnostics',
  ];
  const show = <T>(value: T | null, f: (v: T) => string) => (value === null ? '-' : f(value));
  const ms = (n: number) => `${int(n)} ms`;
  const body = rows.map((r) => [
    r.name,
    show(r.resources, int),
    r.stopped ? `${r.runs.length} + 1 stopped` : String(r.runs.length),
    r.runs.length === 0 && r.stopped ? `stopped at ${int(r.stopped.afterMs / 1000)} s` : show(r.medianMs, ms),
    show(r.minMs, ms),
    show(r.maxMs, ms),
    show(r.medianLoadMs, ms),
    show(r.medianProcessMs, ms),
    r.runs.length === 0 && r.stopped
      ? show(r.stopped.peakRssMB, (n) => `>= ${int(n)} MB`)
      : show(r.medianRssMB, (n) => `${int(n)} MB`),
    show(r.pages, int),
    show(r.files, int),
    show(r.bytes, mb),
    show(r.largestPage, (p) => kb(p.bytes)),
    r.errors ? `${r.diagnostics} (${r.errors} errors)` : show(r.diagnostics, String),
  ]);
  return renderTable(header, body, [0]);
}

/**
 * Builds the site for `dir` `runs` times, each in a fresh process, printing one line per run. A run that
 * takes longer than `timeoutMs` is stopped and the runs after it are skipped.
 */
async function measureBuild(
  target: { name: string; source: BuildResult['source']; dir: string; generated?: GeneratedCounts },
  runs: number,
  scratch: string,
  timeoutMs: number,
): Promise<BuildResult> {
  const { name, source, dir, generated } = target;
  const measured: BuildMeasurement[] = [];
  const processMs: number[] = [];
  let stopped: StoppedRun | null = null;
  for (let i = 0; i < runs; i++) {
    const result = await spawnMeasure<BuildMeasurement>('measure-build.js', [dir, scratch], timeoutMs);
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
    const { m, processMs: p } = result;
    if (generated) checkBuild(generated.resources, generated, m);
    measured.push(m);
    processMs.push(p);
    console.log(
      `  build ${i + 1}/${runs}: ${int(m.ms)} ms (load ${int(m.loadMs)} + build ${int(m.buildMs)}), ` +
        `peak RSS ${int(m.maxRssMB)} MB, ${int(m.pages)} pages, ${mb(m.bytes)}, ${m.diagnostics} diagnostics` +
        (m.errors > 0 ? ` (${m.errors} errors)` : ''),
    );
  }
  const first = measured[0];
  const over = <T>(f: (values: number[]) => T, pick: (m: BuildMeasurement) => number) =>
    first ? f(measured.map(pick)) : null;
  const max = (values: number[]) => Math.max(...values);
  const min = (values: number[]) => Math.min(...values);
  return {
    name,
    source,
    dir: source === 'generated' ? null : relative(repoRoot, dir) || '.',
    resources: first?.resources ?? generated?.resources ?? null,
    runs: measured,
    stopped,
    medianMs: over(median, (m) => m.ms),
    minMs: over(min, (m) => m.ms),
    maxMs: over(max, (m) => m.ms),
    medianLoadMs: over(median, (m) => m.loadMs),
    medianBuildMs: over(median, (m) => m.buildMs),
    medianProcessMs: first ? median(processMs) : null,
    medianRssMB: over(median, (m) => m.maxRssMB),
    maxRssMB: over(max, (m) => m.maxRssMB),
    pages: first?.pages ?? null,
    files: first?.files ?? null,
    bytes: first?.bytes ?? null,
    largestPage: first
      ? measured.reduce((a, m) => (m.largestPage.bytes > a.bytes ? m.largestPage : a), first.largestPage)
      : null,
    diagnostics: over(max, (m) => m.diagnostics),
    errors: over(max, (m) => m.errors),
  };
}

interface GoalResult {
  goal: string;
  measured: boolean;
  met: boolean | null;
  detail: string;
}

/** Compares the build rows with buildGoal, one line each. A stopped run misses the time goals. */
function buildGoals(rows: readonly BuildResult[]): GoalResult[] {
  const goals: GoalResult[] = [];
  const stoppedAt = (r: BuildResult) => `a run was stopped after ${int((r.stopped?.afterMs ?? 0) / 1000)} s`;
  const fixture = rows.find((r) => r.source === 'fixture');
  const fixtureGoal = `EventCatalog fixture builds in under ${buildGoal.fixtureMaxMs / 1000} s`;
  if (fixture?.stopped) {
    goals.push({ goal: fixtureGoal, measured: true, met: false, detail: stoppedAt(fixture) });
  } else if (fixture?.medianMs != null) {
    const met = fixture.medianMs < buildGoal.fixtureMaxMs;
    goals.push({ goal: fixtureGoal, measured: true, met, detail: `median ${seconds(fixture.medianMs)}` });
  } else {
    goals.push({ goal: fixtureGoal, measured: false, met: null, detail: 'fixture not found' });
  }

  const large = rows.find((r) => r.source === 'generated' && r.resources === buildGoal.resources);
  const largeGoal = `${int(buildGoal.resources)} resources build in under ${buildGoal.maxMs / 1000} s and ${
    buildGoal.maxRssMB / 1024
  } GB`;
  if (large?.stopped) {
    const rss = large.stopped.peakRssMB ?? large.maxRssMB;
    goals.push({
      goal: largeGoal,
      measured: true,
      met: false,
      detail: `${stoppedAt(large)} (too slow)${rss === null ? '' : `, peak RSS ${int(rss)} MB by then`}`,
    });
  } else if (large?.medianMs != null && large.maxRssMB !== null) {
    const fast = large.medianMs < buildGoal.maxMs;
    const small = large.maxRssMB < buildGoal.maxRssMB;
    goals.push({
      goal: largeGoal,
      measured: true,
      met: fast && small,
      detail:
        `median ${seconds(large.medianMs)} (${fast ? 'ok' : 'too slow'}), ` +
        `highest peak RSS ${int(large.maxRssMB)} MB (${small ? 'ok' : 'too much'})`,
    });
  } else {
    goals.push({
      goal: largeGoal,
      measured: false,
      met: null,
      detail: `add ${buildGoal.resources} to --sizes`,
    });
  }

  const pageGoal = `no page over ${buildGoal.maxPageKB} KB`;
  const pages = rows.flatMap((r) => (r.largestPage ? [{ name: r.name, page: r.largestPage }] : []));
  if (pages.length > 0) {
    const biggest = pages.reduce((a, p) => (p.page.bytes > a.page.bytes ? p : a));
    const over = pages.filter((p) => p.page.bytes > buildGoal.maxPageKB * 1024);
    const unchecked = rows.filter((r) => r.largestPage === null).map((r) => r.name);
    goals.push({
      goal: pageGoal,
      measured: true,
      met: over.length === 0,
      detail:
        `largest ${kb(biggest.page.bytes)}, ${biggest.page.path} in ${biggest.name}` +
        (over.length > 0 ? `; over in ${over.map((p) => p.name).join(', ')}` : '') +
        (unchecked.length > 0 ? `; not checked in ${unchecked.join(', ')} (stopped)` : ''),
    });
  } else {
    goals.push({ goal: pageGoal, measured: false, met: null, detail: 'no build finished' });
  }
  return goals;
}

/** The commit measured, `+` when the work tree has changes; null outside a git checkout. */
function commitOf(dir: string): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? '+' : ''}`;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { sizes, runs, runsGiven, seed, strict, loadCheck, build, buildTimeoutMs } = options();
  const buildRuns = (resources: number) => (runsGiven || resources < largeBuild ? runs : 1);
  const cpuList = cpus();
  const environment = {
    node: process.version,
    platform: `${platform()} ${release()}`,
    arch: process.arch,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    commit: commitOf(repoRoot),
  };
  const what = [loadCheck ? 'load + check synthetic catalogs' : '', build ? 'site builds' : '']
    .filter(Boolean)
    .join(', and ');
  const buildNote =
    build && !runsGiven && sizes.some((s) => s >= largeBuild)
      ? `; 1 build run from ${int(largeBuild)} resources up`
      : '';
  console.log(
    `Switchyard benchmark: ${what} (seed ${seed}, ${runs} run${runs === 1 ? '' : 's'} per catalog${buildNote})`,
  );
  console.log(
    `Node ${environment.node} on ${environment.platform} ${environment.arch}, ${environment.cpus} CPUs (${environment.cpuModel}), ${environment.memoryGB} GB RAM` +
      (environment.commit ? `, commit ${environment.commit}` : ''),
  );

  const tmp = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = () => {
    // The child removes its own output folder when it gets the signal.
    running?.kill('SIGTERM');
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: SizeResult[] = [];
  const builds: BuildResult[] = [];
  const notes: string[] = [];
  try {
    if (build) {
      for (const [name, source, dir] of [
        ['eventcatalog-acme', 'fixture', fixtureDir],
        ['examples/acme', 'example', exampleDir],
      ] as const) {
        if (!existsSync(dir)) {
          const note = `${name}: skipped, ${dir} is not there`;
          notes.push(note);
          console.log(`\n${note}`);
          continue;
        }
        console.log(`\n${name} (${dir}):`);
        builds.push(await measureBuild({ name, source, dir }, runs, tmp, buildTimeoutMs));
      }
    }

    for (const size of sizes) {
      const dir = join(tmp, `catalog-${size}`);
      const g0 = performance.now();
      const generated = generateCatalog(dir, { resources: size, seed });
      const generateMs = performance.now() - g0;
      console.log(
        `\n${int(size)} resources: generated ${int(generated.files)} files (${mb(generated.bytes)}) in ${int(generateMs)} ms`,
      );
      if (loadCheck) {
        const measured: Measurement[] = [];
        const processMs: number[] = [];
        for (let i = 0; i < runs; i++) {
          const result = await spawnMeasure<Measurement>('measure.js', [dir]);
          if ('stopped' in result) throw new Error('measure.js was stopped'); // it has no time limit
          const { m, processMs: p } = result;
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
      }
      if (build) {
        const name = `${int(size)} generated`;
        builds.push(
          await measureBuild(
            { name, source: 'generated', dir, generated },
            buildRuns(size),
            tmp,
            buildTimeoutMs,
          ),
        );
      }
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  let met: boolean | undefined;
  const target = results.find((r) => r.resources === goal.resources);
  if (loadCheck) {
    console.log('\nLoad + check (loadCatalog + countResources), each run in a fresh process:\n');
    console.log(table(results));
    console.log('\nmedian/min/max: time inside the process; process: spawn to exit, Node startup included;');
    console.log("peak RSS: median of the runs' process.resourceUsage().maxRSS.");

    if (target) {
      met = target.medianMs < goal.maxMs && target.maxRssMB < goal.maxRssMB;
      console.log(
        `\nGoal (${int(goal.resources)} resources under ${goal.maxMs / 1000} s and 1 GB): ${met ? 'MET' : 'MISSED'}. ` +
          `Median ${seconds(target.medianMs)} (${target.medianMs < goal.maxMs ? 'ok' : 'too slow'}), ` +
          `highest peak RSS ${int(target.maxRssMB)} MB (${target.maxRssMB < goal.maxRssMB ? 'ok' : 'too much'}).`,
      );
    } else {
      console.log(
        `\nGoal (${int(goal.resources)} resources under 5 s and 1 GB): not measured (add ${goal.resources} to --sizes).`,
      );
    }
  }

  let goals: GoalResult[] = [];
  if (build) {
    console.log('\nBuild (loadCatalog + buildSite into a temporary folder), each run in a fresh process:\n');
    console.log(buildTable(builds));
    console.log(
      '\nmedian/min/max: load + build inside the process; load: the loadCatalog part (median); process: spawn to',
    );
    console.log(
      "exit; peak RSS: median of the runs' maxRSS; output: bytes buildSite wrote (copied assets not included).",
    );
    const stopped = builds.filter((r) => r.stopped);
    if (stopped.length > 0) {
      console.log(
        `\nStopped (over --build-timeout ${int(buildTimeoutMs / 1000)} s): ${stopped.map((r) => r.name).join(', ')}. ` +
          'Their figures are over the runs that finished; peak RSS ">=" is the peak when it was stopped.',
      );
    }
    if (builds.some((r) => r.largestPage)) {
      console.log('\nLargest page of each:');
      for (const r of builds) {
        if (r.largestPage) console.log(`  ${r.name}: ${r.largestPage.path} (${kb(r.largestPage.bytes)})`);
      }
    }
    for (const note of notes) console.log(`\nNote: ${note}.`);
    for (const r of builds) {
      const withErrors = r.runs.find((m) => m.errors > 0);
      if (!withErrors) continue;
      const codes = Object.entries(withErrors.byCode)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
      console.log(`\n${r.name}: ${withErrors.errors} build errors (${codes}). First ones:`);
      for (const d of withErrors.firstDiagnostics.slice(0, 5)) console.log(`  ${d}`);
    }

    goals = buildGoals(builds);
    console.log('\nBuild goals:');
    for (const g of goals) {
      console.log(
        `  ${g.met === null ? 'NOT MEASURED' : g.met ? 'MET' : 'MISSED'}: ${g.goal} (${g.detail}).`,
      );
    }
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
    build: build
      ? {
          goal: buildGoal,
          goals,
          runsPerCatalog: runs,
          runsFrom10000: buildRuns(largeBuild),
          timeoutSeconds: buildTimeoutMs / 1000,
          skipped: notes,
          catalogs: builds,
        }
      : null,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${out}`);
  if (strict && (met === false || goals.some((g) => g.met === false))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
