/**
 * Load test of the two servers on loopback, bounded in time: `preview` (the static site, with its security
 * headers) and `serve` (the JSON API). Each runs as its own child process, as a user starts it; autocannon
 * drives a few paths round-robin for `--duration` seconds and the table shows requests per second, p50 and
 * p99 latency, errors and non-2xx answers. Exits 1 when any request failed.
 *
 *   node bench/dist/load.js [--catalog examples/acme] [--duration 3] [--connections 10]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'packages/cli/dist/bin.js');

/** Starts a CLI server on port 0 and resolves with its process and the URL it printed. */
function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout?.on('data', (d) => {
      printed += String(d);
      const url = /(http:\/\/[^\s/]+)/.exec(printed)?.[1];
      if (url) done({ child, url });
    });
    child.stderr?.on('data', (d) => process.stderr.write(d));
    child.once('exit', (code) => fail(new Error(`${args[0]} exited with ${code}: ${printed}`)));
  });
}

async function load(url: string, paths: string[], duration: number, connections: number): Promise<Result> {
  return autocannon({ url, connections, duration, requests: paths.map((path) => ({ method: 'GET', path })) });
}

function row(name: string, r: Result): string {
  const cells = [
    name.padEnd(26),
    String(Math.round(r.requests.average)).padStart(8),
    `${r.latency.p50} ms`.padStart(8),
    `${r.latency.p99} ms`.padStart(8),
    String(r.errors + r.timeouts).padStart(7),
    String(r.non2xx).padStart(7),
  ];
  return cells.join('  ');
}

async function main() {
  const { values } = parseArgs({
    options: {
      catalog: { type: 'string', default: join(repo, 'examples/acme') },
      duration: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
    },
  });
  const catalog = resolve(values.catalog);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const out = join(mkdtempSync(join(tmpdir(), 'switchyard-load-')), 'site');
  const children: ChildProcess[] = [];
  let failed = false;
  try {
    execFileSync(process.execPath, [bin, 'build', catalog, '--out', out], { stdio: 'ignore' });
    console.log(`Load test, ${duration} s each, ${connections} connections, on loopback (${catalog})\n`);
    console.log(
      `${'server'.padEnd(26)}  ${'req/s'.padStart(8)}  ${'p50'.padStart(8)}  ${'p99'.padStart(8)}  errors   non2xx`,
    );

    const preview = await start(['preview', catalog, '--out', out, '--port', '0']);
    children.push(preview.child);
    const sitePaths = ['/', '/api/nav.json', '/discover/events', '/_sy/site.css'];
    await load(preview.url, sitePaths, 1, connections);
    const site = await load(preview.url, sitePaths, duration, connections);
    console.log(row('preview (static site)', site));
    failed ||= site.errors + site.timeouts + site.non2xx > 0;

    const serve = await start(['serve', catalog, '--out', out, '--port', '0']);
    children.push(serve.child);
    const list = (await (await fetch(`${serve.url}/api/resources`)).json()) as unknown;
    const first = JSON.stringify(list).match(/"(?:key|ref)":"([a-z-]+:[^"@]+)(?:@[^"]*)?"/)?.[1];
    const apiPaths = ['/api/resources', '/api/search?q=order'];
    if (first)
      apiPaths.push(
        `/api/resource?ref=${encodeURIComponent(first)}`,
        `/api/neighbours?ref=${encodeURIComponent(first)}`,
      );
    // Warm up first: lazy work (the JIT, indexes built on first use) is not what a steady server costs.
    await load(serve.url, apiPaths, 1, connections);
    const api = await load(serve.url, apiPaths, duration, connections);
    console.log(row('serve (JSON API reads)', api));
    failed ||= api.errors + api.timeouts + api.non2xx > 0;
    // Each path alone, one second each, to show which one a slow mix owes to.
    for (const path of apiPaths) {
      const one = await load(serve.url, [path], 1, connections);
      console.log(row(`  ${path.split('?')[0]}`, one));
      failed ||= one.errors + one.timeouts + one.non2xx > 0;
    }
    console.log(`\nAPI paths: ${apiPaths.join(', ')}`);
  } finally {
    for (const child of children) child.kill();
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
