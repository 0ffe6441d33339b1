import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createApiApp, listenApp } from '@switchyard/api';
import { watchCatalog } from '@switchyard/loader';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { catalogDir } from '../program.js';
import { securityHeaders } from '../server/csp.js';
import { catalogStateOf, loadCatalogState } from './catalog-state.js';

export interface ServeOptions {
  dir: string;
  port: number;
  host?: string | undefined;
  /** The built site to serve beside the API (default: outDir from the config). */
  out?: string | undefined;
}

/** Serves the JSON API over the catalog, and the built site, reloading the catalog when it changes. */
export async function runServe(options: ServeOptions, io: Io): Promise<number> {
  const root = resolve(options.dir);
  const start = await loadCatalogState(root, { out: options.out });
  let { loaded, state } = start;
  let reloaded = false;
  // Started from the build's snapshot: when the files changed since, answer from them once they are read.
  void start.current
    .then((fresh) => {
      if (!fresh || reloaded) return;
      loaded = fresh;
      state = catalogStateOf(fresh);
      io.out(
        `The catalog changed since it was built: ${fresh.catalog.resources.length} resources read from its files.\n`,
      );
    })
    .catch(() => undefined);
  const siteRoot = () => {
    const dir = resolve(root, options.out ?? loaded.config.outDir);
    return existsSync(resolve(dir, 'index.html')) ? dir : undefined;
  };
  const app = createApiApp({
    getState: () => state,
    siteRoot,
    base: () => loaded.config.base,
    headers: securityHeaders,
  });
  const { url, server } = await listenApp(app, options.port, options.host);
  io.out(
    `Switchyard API at ${url}/api — ${loaded.catalog.resources.length} resources from ${relative(io.cwd, root) || '.'}\n`,
  );
  if (!siteRoot()) io.out('No built site found: run "switchyard build" to serve the site beside the API.\n');
  if (options.host && options.host !== '127.0.0.1' && options.host !== 'localhost')
    io.err(`Listening on ${options.host}: the catalog is readable by anyone who can reach this address.\n`);
  const watcher = watchCatalog(root, {
    outDirs: () => [loaded.config.outDir, options.out],
    onChange: async () => {
      reloaded = true;
      const started = performance.now();
      ({ loaded, state } = await loadCatalogState(root, { out: options.out, changed: true }));
      io.out(
        `Reloaded ${loaded.catalog.resources.length} resources in ${Math.round(performance.now() - started)} ms.\n`,
      );
    },
  });
  await new Promise<void>((done) => server.on('close', done));
  watcher.close();
  return 0;
}

/** `--port`: a whole number from 0 (any free port) to 65535. */
export function portOption(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${text}".`);
  return n;
}

export function registerServe(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('serve')
    .description('Serve a live, read-only JSON API over the catalog (and the built site); reloads on change.')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on (default 127.0.0.1: this machine only)')
    .option('--out <dir>', 'the built site to serve beside the API (default: outDir from the config)')
    .action(
      async (dir: string | undefined, opts: { dir?: string; port: string; host?: string; out?: string }) => {
        const options = {
          dir: catalogDir(dir, opts.dir, io),
          port: portOption(opts.port),
          host: opts.host,
          out: opts.out,
        };
        setCode(await runServe(options, io));
      },
    );
}
