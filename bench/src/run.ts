/**
 * The benchmark behind `npm run bench`. For each size (S, M, L, XL or a number): generate a seeded catalog
 * in a temporary folder; load and check it (measure.js); build its site and rebuild it with no change
 * (measure-build.js), every run in a fresh child process; then start `switchyard dev` on it and time saved
 * edits to the updated pages (dev-latency.ts), and with --browser ⌘K in Chromium. The EventCatalog fixture
 * and the bundled example are built first. Tables on stdout, everything in bench/results/latest.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildResult, measureBuild } from './build-runs.js';
import { type DevLatency, measureDev } from './dev-latency.js';
import { environment, exampleDir, fixtureDir } from './env.js';
import { generateCatalog } from './generate.js';
import { checkGoals } from './goals.js';
import { type LoadResult, measureLoad } from './load-check.js';
import { type Options, parseOptions, usage } from './options.js';
import { running } from './spawn.js';
import { int, mb } from './stats.js';
import { buildTable, devTable, loadTable, outputTable } from './tables.js';

/** Sizes from here on get one build run unless `--runs` is given: a build takes minutes there. */
const largeBuild = 10_000;

async function measureAll(o: Options, tmp: string) {
  const loads: LoadResult[] = [];
  const builds: BuildResult[] = [];
  const dev: Record<string, DevLatency> = {};
  const notes: string[] = [];
  const buildOptions = (runs: number) => ({ runs, scratch: tmp, timeoutMs: o.timeoutMs, rebuild: o.rebuild });
  if (o.build) {
    for (const [name, source, dir] of [
      ['eventcatalog-acme', 'fixture', fixtureDir],
      ['examples/acme', 'example', exampleDir],
    ] as const) {
      if (!existsSync(dir)) {
        notes.push(`${name}: skipped, ${dir} is not there`);
        continue;
      }
      console.log(`\n${name} (${dir}):`);
      builds.push(await measureBuild({ name, source, dir }, buildOptions(o.runs)));
    }
  }
  for (const size of o.sizes) {
    const dir = join(tmp, `catalog-${size.name}`);
    const g0 = performance.now();
    const generated = generateCatalog(dir, {
      resources: size.resources,
      seed: o.seed,
      ...(size.budget ? { budget: size.budget } : {}),
    });
    const generateMs = performance.now() - g0;
    console.log(
      `\n${size.name}: ${int(generated.resources)} resources (${int(generated.service)} services, ` +
        `${int(generated.event + generated.command + generated.query)} messages), ` +
        `${int(generated.files)} files (${mb(generated.bytes)}) generated in ${int(generateMs)} ms`,
    );
    if (o.loadCheck) loads.push(await measureLoad(size, dir, generated, generateMs, o.runs));
    if (o.build) {
      const runs = o.runsGiven || size.resources < largeBuild ? o.runs : 1;
      builds.push(
        // Every generated size builds with its own threads (as L and bigger do by default), so that the
        // memory check over two sizes compares builds of the same shape.
        await measureBuild(
          { name: size.name, source: 'generated', dir, generated },
          { ...buildOptions(runs), threadsFrom: 0 },
        ),
      );
    }
    if (o.dev) {
      try {
        const d = await measureDev(dir, {
          edits: o.edits,
          search: o.browser,
          timeoutMs: o.timeoutMs || 3_600_000,
        });
        dev[size.name] = d;
        const edits = Object.entries(d.edits).map(([k, e]) => `${k} ${int(e.medianMs)} ms`);
        console.log(
          `  dev: started in ${int(d.startMs)} ms, first page at ${d.firstPageMs === null ? '-' : int(d.firstPageMs)} ms; edit to page ${edits.join(', ')}`,
        );
        if (d.search)
          console.log(
            `  ⌘K: open ${int(d.search.medianOpenMs)} ms, results ${int(d.search.medianResultsMs)} ms`,
          );
        for (const n of d.notes) notes.push(`${size.name}: ${n}`);
      } catch (error) {
        notes.push(`${size.name}: dev server not measured: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { loads, builds, dev, notes };
}

async function main(): Promise<void> {
  const o = parseOptions();
  const env = environment();
  console.log(
    `Switchyard benchmark: sizes ${o.sizes.map((s) => s.name).join(', ')}, seed ${o.seed}, ${o.runs} run(s) per catalog` +
      (o.runsGiven ? '' : ` (1 build run from ${int(largeBuild)} resources up)`),
  );
  console.log(
    `Node ${env.node} on ${env.platform} ${env.arch}, ${env.cpus} CPUs (${env.cpuModel}), ${env.memoryGB} GB RAM` +
      (env.commit ? `, commit ${env.commit}` : ''),
  );
  const tmp = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  const onSignal = () => {
    for (const child of running) child.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let measured: Awaited<ReturnType<typeof measureAll>>;
  try {
    measured = await measureAll(o, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { loads, builds, dev, notes } = measured;

  if (loads.length > 0) {
    console.log('\nLoad + check (loadCatalog + countResources), each run in a fresh process:\n');
    console.log(loadTable(loads));
  }
  if (builds.length > 0) {
    console.log(
      '\nBuild (loadCatalog + buildSite), each run in a fresh process; rebuild: the same again, no change:\n',
    );
    console.log(buildTable(builds));
    console.log('\nOutput (first run; sizes on disk; search files raw / gzipped):\n');
    console.log(outputTable(builds));
    for (const r of builds) {
      const withErrors = r.runs.find((m) => m.errors > 0);
      if (withErrors) {
        console.log(`\n${r.name}: ${withErrors.errors} build errors. First ones:`);
        for (const d of withErrors.firstDiagnostics.slice(0, 5)) console.log(`  ${d}`);
      }
    }
  }
  if (Object.keys(dev).length > 0) {
    console.log('\nDev server (switchyard dev): save to updated page served, median ms; ⌘K in Chromium:\n');
    console.log(devTable(dev));
  }
  for (const note of notes) console.log(`Note: ${note}.`);

  const goals = checkGoals({ loads, builds, dev });
  console.log('\nGoals:');
  for (const g of goals)
    console.log(`  ${g.met === null ? 'NOT MEASURED' : g.met ? 'MET' : 'MISSED'}: ${g.goal} (${g.detail}).`);

  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, 'latest.json');
  const report = {
    date: new Date().toISOString(),
    command: `node bench/dist/run.js ${process.argv.slice(2).join(' ')}`.trim(),
    environment: env,
    seed: o.seed,
    runsPerCatalog: o.runs,
    sizes: o.sizes,
    goals,
    loadCheck: loads,
    builds,
    dev,
    notes,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${out}`);

  if (o.layout) {
    // The visualiser's own benchmark (layout.js), in its own process, after everything else.
    console.log('\nVisualiser layout benchmark (bench/dist/layout.js):\n');
    const layout = spawnSync(process.execPath, [fileURLToPath(new URL('./layout.js', import.meta.url))], {
      stdio: 'inherit',
    });
    if (layout.status !== 0) process.exitCode = 1;
  }
  if (o.strict && goals.some((g) => g.met === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`\nusage: ${usage}`);
  process.exitCode = 1;
});
