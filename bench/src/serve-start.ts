/**
 * `serve` and `mcp` on a built catalog: spawn to the first answer. Builds the catalog once with the command
 * line (which leaves the snapshot `serve` and `mcp` start from in the output folder), then starts each
 * server `--runs` times and times its first answer: `GET /api/resources?kind=event&limit=1` for `serve`,
 * an MCP `initialize` over Streamable HTTP for `mcp`.
 *
 *   node bench/dist/serve-start.js <catalog-dir> [--runs 3]
 *
 * The catalog's own output folder (its config's `outDir`) is written: give it a generated catalog.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { goals } from './goals.js';
import { median } from './stats.js';

const bin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

/** Starts a server and resolves with the time from spawn to its first answer. */
async function firstAnswer(
  args: string[],
  ready: RegExp,
  ask: (url: string) => Promise<boolean>,
): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    printed += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    printed += d;
  });
  try {
    for (;;) {
      const url = ready.exec(printed)?.[1];
      if (url) {
        if (!(await ask(url)))
          throw new Error(`the first answer of ${args[0]} was not one: ${printed.slice(-300)}`);
        return performance.now() - started;
      }
      if (child.exitCode !== null) throw new Error(`${args[0]} exited: ${printed.slice(-300)}`);
      if (performance.now() - started > 120_000) throw new Error(`${args[0]} did not start in 120 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill();
  }
}

const askServe = async (url: string) => (await fetch(`${url}/api/resources?kind=event&limit=1`)).ok;

const askMcp = async (url: string) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-03-26',
        capabilities: {},
        clientInfo: { name: 'bench', version: '1' },
      },
    }),
  });
  return res.ok && (await res.text()).includes('serverInfo');
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir) {
    process.stderr.write('usage: node bench/dist/serve-start.js <catalog-dir> [--runs 3]\n');
    process.exit(2);
  }
  const runs = Number(values.runs ?? 3);
  const built = spawnSync(process.execPath, [bin, 'build', dir, '--force'], { encoding: 'utf8' });
  if (built.status === null || built.status > 1) throw new Error(`build failed: ${built.stderr.slice(-500)}`);
  const figures: Record<string, number[]> = { serve: [], mcp: [] };
  for (let i = 0; i < runs; i++) {
    figures.serve?.push(
      await firstAnswer(['serve', dir, '--port', '0'], /API at (http:\/\/[^\s]+)\/api/, askServe),
    );
    figures.mcp?.push(
      await firstAnswer(['mcp', dir, '--http', '--port', '0'], / at (http:\/\/[^\s]+\/mcp)/, askMcp),
    );
  }
  for (const [name, list] of Object.entries(figures)) {
    const m = median(list);
    const verdict = m < goals.serveStartMs ? 'MET' : 'MISSED';
    console.log(
      `${name}: start to first answer, median ${(m / 1000).toFixed(2)} s of ${list.map((t) => (t / 1000).toFixed(2)).join(', ')} s (goal under ${goals.serveStartMs / 1000} s: ${verdict})`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
