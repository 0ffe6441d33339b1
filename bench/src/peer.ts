/**
 * `npm run bench:peer` (optional, never in CI): EventCatalog and Switchyard side by side on the same catalogs.
 * Installs @eventcatalog/core (the newest 3.x whose `engines` allow this Node, or --version) with npm into a
 * temporary folder, then builds the generated S and M catalogs and the EventCatalog fixture with each, one
 * build at a time, every build with a time limit (--timeout, default 20 min) and EventCatalog's heap capped
 * (--heap MB, default 8192). Peak memory is the whole process tree's RSS, sampled every 250 ms, for both.
 *
 *   node bench/dist/peer.js [--sizes S,M] [--skip-fixture] [--timeout 1200] [--heap 8192] [--version 3.48.4]
 *                           [--install-dir /tmp/ec] (reuse an install; it is kept)
 *                           [--override @scalar/api-reference@1.72.1] (npm `overrides`, for a registry that
 *                           lacks a version EventCatalog's dependencies pin; repeatable)
 *                           [--node /path/to/node] (the Node that runs EventCatalog: 3.x builds with Astro 6,
 *                           which needs Node 22.12 or later; Switchyard keeps running on this Node)
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import semver from 'semver';
import { environment, fixtureDir } from './env.js';
import { generateCatalog } from './generate.js';
import { sampleTree } from './process-tree.js';
import { parseSizes } from './sizes.js';
import { int, mb, ms, renderTable } from './stats.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const measureBuild = fileURLToPath(new URL('./measure-build.js', import.meta.url));
/** Where results and EventCatalog's full build logs go (git-ignored). */
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

interface PeerBuild {
  ok: boolean;
  /** Wall time of the build command, spawn to exit. */
  ms: number;
  peakRssMB: number | null;
  /** Why it failed: timed out, or the end of what it printed. */
  error?: string;
  outputBytes?: number;
  /** What it printed (the last 2 MB). */
  log?: string;
}

/** The newest 3.x release whose `engines.node` this Node satisfies. */
function pickVersion(): string {
  const versions = JSON.parse(
    execFileSync(npm, ['view', '@eventcatalog/core', 'versions', '--json'], { encoding: 'utf8' }),
  ) as string[];
  const candidates = versions
    .filter((v) => semver.major(v) === 3 && !semver.prerelease(v))
    .sort(semver.rcompare);
  for (const v of candidates.slice(0, 10)) {
    const raw = execFileSync(npm, ['view', `@eventcatalog/core@${v}`, 'engines', '--json'], {
      encoding: 'utf8',
    });
    const range = raw.trim() ? (JSON.parse(raw) as { node?: string }).node : undefined;
    if (!range || semver.satisfies(process.version, range)) return v;
  }
  throw new Error('no @eventcatalog/core 3.x among the newest ten accepts this Node version');
}

function du(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return 0;
  }
}

/** Runs a command with a time limit, sampling its process tree's memory. */
function timed(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<PeerBuild> {
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const memory = sampleTree(child.pid as number);
    let tail = '';
    const keep = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-2_000_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), 'SIGKILL'); // the whole group: EventCatalog starts its own children
      } catch {}
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      memory.stop();
      const result: PeerBuild = {
        ok: code === 0 && !timedOut,
        ms: performance.now() - start,
        peakRssMB: memory.peak(),
      };
      result.log = tail;
      if (timedOut) result.error = `stopped after ${int(timeoutMs / 1000)} s`;
      else if (code !== 0) {
        // The first lines that name an error say more than the stack trace at the end.
        const lines = stripVTControlCharacters(tail).trim().split('\n');
        const named = lines
          .filter((l) => /error|invalid|not supported|upgrade/i.test(l) && !/^\s+at /.test(l))
          .slice(0, 3);
        result.error = (named.length > 0 ? named : lines.slice(-5)).join(' | ').slice(0, 600);
      }
      done(result);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'S,M' },
      'skip-fixture': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '1200' },
      heap: { type: 'string', default: '8192' },
      version: { type: 'string' },
      'install-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      override: { type: 'string', multiple: true, default: [] },
      node: { type: 'string' },
    },
  });
  const overrides = Object.fromEntries(
    values.override.map((o) => {
      const at = o.lastIndexOf('@');
      if (at <= 0) throw new Error(`--override takes name@version, not "${o}"`);
      return [o.slice(0, at), o.slice(at + 1)];
    }),
  );
  const timeoutMs = Number(values.timeout) * 1000;
  const heap = Number(values.heap);
  const env = environment();
  console.log(
    `Peer benchmark: EventCatalog vs Switchyard on ${env.cpus} CPUs, ${env.memoryGB} GB RAM, Node ${env.node}`,
  );
  const tmp = mkdtempSync(join(tmpdir(), 'switchyard-peer-'));
  const installDir = values['install-dir'] ? resolve(values['install-dir']) : join(tmp, 'eventcatalog');
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const version = values.version ?? pickVersion();
    const coreBin = join(installDir, 'node_modules/@eventcatalog/core/bin/eventcatalog.js');
    if (!existsSync(coreBin)) {
      console.log(`Installing @eventcatalog/core@${version} into ${installDir} (npm, may take minutes) ...`);
      mkdirSync(installDir, { recursive: true });
      const pkg = { name: 'peer-catalog', private: true, type: 'module', overrides };
      writeFileSync(join(installDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
      const t0 = performance.now();
      execFileSync(
        npm,
        ['install', '--no-audit', '--no-fund', '--loglevel=error', `@eventcatalog/core@${version}`],
        {
          cwd: installDir,
          stdio: 'inherit',
        },
      );
      console.log(
        `Installed in ${int((performance.now() - t0) / 1000)} s, ${mb(du(join(installDir, 'node_modules')))}`,
      );
    }

    mkdirSync(resultsDir, { recursive: true });
    const targets: { name: string; dir: string }[] = [];
    for (const size of parseSizes(values.sizes)) {
      const dir = join(tmp, `catalog-${size.name}`);
      generateCatalog(dir, {
        resources: size.resources,
        seed: Number(values.seed),
        ...(size.budget ? { budget: size.budget } : {}),
      });
      targets.push({ name: size.name, dir });
    }
    if (!values['skip-fixture'] && existsSync(fixtureDir))
      targets.push({ name: 'eventcatalog-acme', dir: fixtureDir });

    const rows: { name: string; ec: PeerBuild; sy: PeerBuild }[] = [];
    for (const t of targets) {
      // EventCatalog builds inside its project folder: the catalog's files go beside node_modules, alone.
      for (const entry of readdirSync(installDir)) {
        if (!['node_modules', 'package.json', 'package-lock.json'].includes(entry))
          rmSync(join(installDir, entry), { recursive: true, force: true });
      }
      cpSync(t.dir, installDir, { recursive: true });
      console.log(
        `\n${t.name}: EventCatalog build (limit ${int(timeoutMs / 1000)} s, heap ${int(heap)} MB) ...`,
      );
      // EventCatalog runs `npx astro build` through the shell: its Node must come first on PATH too.
      const ecNode = values.node ? resolve(values.node) : process.execPath;
      const ec = await timed(
        ecNode,
        [coreBin, 'build'],
        installDir,
        {
          ...process.env,
          PATH: `${dirname(ecNode)}${delimiter}${process.env.PATH ?? ''}`,
          NODE_OPTIONS: `--max-old-space-size=${heap}`,
          CI: 'true',
        },
        timeoutMs,
      );
      if (ec.ok) ec.outputBytes = du(join(installDir, 'dist'));
      const logFile = join(resultsDir, `peer-eventcatalog-${t.name}.log`);
      writeFileSync(logFile, ec.log ?? '');
      delete ec.log;
      console.log(
        `  ${ec.ok ? 'done' : 'FAILED'} in ${ms(ec.ms)}, peak ${int(ec.peakRssMB ?? 0)} MB${ec.error ? `: ${ec.error}` : ''}`,
      );
      console.log(`${t.name}: Switchyard build ...`);
      const scratch = mkdtempSync(join(tmp, 'sy-'));
      const sy = await timed(process.execPath, [measureBuild, t.dir, scratch], tmp, process.env, timeoutMs);
      delete sy.log;
      console.log(
        `  ${sy.ok ? 'done' : 'FAILED'} in ${ms(sy.ms)}, peak ${int(sy.peakRssMB ?? 0)} MB${sy.error ? `: ${sy.error}` : ''}`,
      );
      rows.push({ name: t.name, ec, sy });
    }

    // A build that was stopped gives a lower bound; one that failed gives nothing to compare.
    const ratio = (a: number | null, b: number | null, ec: PeerBuild) => {
      const stopped = !ec.ok && ec.error?.startsWith('stopped') === true;
      if (!a || !b || (!ec.ok && !stopped)) return '-';
      return `${stopped ? '>= ' : ''}${(a / b).toFixed(1)}x`;
    };
    const header = ['catalog', 'EventCatalog', 'peak', 'Switchyard', 'peak', 'time ratio', 'memory ratio'];
    const body = rows.map(({ name, ec, sy }) => [
      name,
      ec.ok ? ms(ec.ms) : `failed (${ec.error?.startsWith('stopped') ? ec.error : 'error'})`,
      ec.peakRssMB === null ? '-' : `${int(ec.peakRssMB)} MB`,
      sy.ok ? ms(sy.ms) : 'failed',
      sy.peakRssMB === null ? '-' : `${int(sy.peakRssMB)} MB`,
      ratio(ec.ms, sy.ok ? sy.ms : null, ec),
      ratio(ec.peakRssMB, sy.peakRssMB, ec),
    ]);
    console.log(
      `\n@eventcatalog/core ${version} vs Switchyard (process wall time; peak RSS of the process tree):\n`,
    );
    console.log(renderTable(header, body));
    if (rows.some((r) => !r.ec.ok && !r.ec.error?.startsWith('stopped')))
      console.log(
        `\nEventCatalog errors: ${rows.flatMap((r) => (r.ec.error ? [`${r.name}: ${r.ec.error}`] : [])).join('\n  ')}`,
      );
    console.log(
      '\nA ratio above 1 means EventCatalog took that many times longer (or more memory); ">=" when it did not finish.',
    );
    const out = join(resultsDir, 'peer.json');
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), environment: env, version, timeoutMs, heapMB: heap, rows }, null, 2)}\n`,
    );
    console.log(`Results written to ${out}`);
  } finally {
    if (values['install-dir']) {
      for (const entry of readdirSync(installDir)) {
        if (!['node_modules', 'package.json', 'package-lock.json'].includes(entry))
          rmSync(join(installDir, entry), { recursive: true, force: true });
      }
    }
    cleanUp();
  }
}

await main();
