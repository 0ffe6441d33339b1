import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalog, watchCatalog } from '@switchyard/loader';
import type { DiffRevisions } from '@switchyard/mcp';
import { diffCatalogs } from '@switchyard/model';
import type { Command } from 'commander';
import { buildDiffReport, renderDiff } from '../diff/report.js';
import { schemaChanges } from '../diff/schema-changes.js';
import { type CatalogSource, openSource } from '../diff/sources.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { catalogDir } from '../program.js';
import { catalogStateOf, loadCatalogState } from './catalog-state.js';
import { portOption } from './serve.js';

/** How long after start the search and field indexes are built, unless a question asks for them first. */
const warmUpAfterMs = 2_000;

export interface McpOptions {
  dir: string;
  http: boolean;
  port: number;
  host?: string | undefined;
  token?: string | undefined;
  scope?: string | undefined;
  siteUrl?: string | undefined;
}

/** `switchyard diff` for the MCP tool: git revisions only (never an arbitrary folder), as Markdown and JSON. */
function diffRevisions(root: string): DiffRevisions {
  return async (base, head) => {
    const sources: CatalogSource[] = [];
    try {
      for (const spec of [base, head]) {
        if (spec !== undefined && (spec.startsWith('-') || existsSync(resolve(root, spec))))
          throw new Error(`"${spec}" is not a git revision.`);
      }
      const a = openSource(base, root, root);
      sources.push(a);
      const b = head ? openSource(head, root, root) : { dir: root, label: 'working tree', dispose: () => {} };
      sources.push(b);
      const [from, to] = await Promise.all([loadCatalog(a.dir), loadCatalog(b.dir)]);
      const schemas = schemaChanges(
        { root: from.root, catalog: from.catalog },
        { root: to.root, catalog: to.catalog },
        to.config.compatibility,
      );
      const report = buildDiffReport(a.label, b.label, diffCatalogs(from.catalog, to.catalog), schemas);
      return {
        markdown: renderDiff(report, 'markdown'),
        report: report as unknown as Record<string, unknown>,
      };
    } finally {
      for (const s of sources) s.dispose();
    }
  };
}

/**
 * Runs the MCP server over the catalog: on stdio (stdout carries protocol messages only; everything else
 * goes to stderr), or over Streamable HTTP with `http`. Reloads the catalog when it changes.
 */
export async function runMcp(options: McpOptions, io: Io): Promise<number> {
  const root = resolve(options.dir);
  // The MCP SDK is loaded by this command only: the others start without it.
  const { parseScope, runStdioServer, startHttpServer } = await import('@switchyard/mcp');
  let scope: ReturnType<typeof parseScope>;
  try {
    scope = parseScope(options.scope);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const start = await loadCatalogState(root);
  let { loaded, state } = start;
  let reloaded = false;
  if (scope && !loaded.catalog.versions.has(`domain:${scope.domain}`))
    throw new UsageError(`--scope names domain "${scope.domain}", which the catalog does not have.`);
  const log = (text: string) => io.err(`switchyard mcp: ${text}\n`);
  const watcher = watchCatalog(root, {
    outDirs: () => [loaded.config.outDir],
    onChange: async () => {
      reloaded = true;
      ({ loaded, state } = await loadCatalogState(root, { changed: true }));
      log(`reloaded ${loaded.catalog.resources.length} resources`);
    },
  });
  // Started from the build's snapshot: when the files changed since, answer from them once they are read.
  void start.current
    .then((fresh) => {
      if (!fresh || reloaded) return;
      loaded = fresh;
      state = catalogStateOf(fresh);
      log(
        `the catalog changed since it was built: ${fresh.catalog.resources.length} resources read from its files`,
      );
    })
    .catch(() => undefined);
  const serverOptions = { getState: () => state, scope, siteUrl: options.siteUrl, diff: diffRevisions(root) };
  // Build the search and schema field indexes soon, so a search does not wait for them; not at once, where
  // they would hold up the client's first exchanges (at bench L: 1.5 s for search, 6 s of parsing).
  const warmUp = setTimeout(() => {
    void state.search;
    void state.fields();
  }, warmUpAfterMs);
  warmUp.unref();
  try {
    if (!options.http) {
      log(
        `serving ${loaded.catalog.resources.length} resources on stdio${scope ? `, scope domain:${scope.domain}` : ''}`,
      );
      await runStdioServer(serverOptions);
      return 0;
    }
    const { url, server } = await startHttpServer({
      ...serverOptions,
      port: options.port,
      host: options.host,
      token: options.token,
    });
    log(
      `serving ${loaded.catalog.resources.length} resources at ${url}${options.token ? ' (bearer token required)' : ''}`,
    );
    if (options.host && !options.token && options.host !== '127.0.0.1' && options.host !== 'localhost')
      log(`listening on ${options.host} without a token: anyone who can reach it can read the catalog`);
    await new Promise<void>((done) => server.on('close', done));
    return 0;
  } finally {
    watcher.close();
  }
}

export function registerMcp(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('mcp')
    .description(
      'Run an MCP server over the catalog for AI assistants (stdio, or Streamable HTTP with --http).',
    )
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .option('--scope <scope>', 'expose only one domain and what belongs to it: domain:<id>')
    .option('--http', 'serve Streamable HTTP at /mcp instead of stdio', false)
    .option('--port <port>', 'port for --http', '3333')
    .option('--host <host>', 'address for --http (default 127.0.0.1: this machine only)')
    .option(
      '--token <token>',
      'for --http: require "Authorization: Bearer <token>" (or set SWITCHYARD_MCP_TOKEN)',
    )
    .option('--site-url <url>', 'where the built site is published, to make page links absolute')
    .action(
      async (
        dir: string | undefined,
        opts: {
          dir?: string;
          scope?: string;
          http: boolean;
          port: string;
          host?: string;
          token?: string;
          siteUrl?: string;
        },
      ) => {
        const token = opts.token ?? process.env.SWITCHYARD_MCP_TOKEN;
        if (!opts.http && (opts.host !== undefined || opts.token !== undefined))
          throw new UsageError('--host and --token apply with --http only.');
        const options = {
          dir: catalogDir(dir, opts.dir, io),
          http: opts.http,
          port: portOption(opts.port),
          host: opts.host,
          token: token || undefined,
          scope: opts.scope,
          siteUrl: opts.siteUrl,
        };
        setCode(await runMcp(options, io));
      },
    );
}
