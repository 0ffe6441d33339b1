/**
 * Edit-to-page latency of `switchyard dev`: starts the dev server on a catalog in a child process, saves an
 * edit to a message, a service and a custom doc, and times each save until the page served over HTTP shows
 * the edit. The dev server announces a finished rebuild on its event stream (`/__sy/events`, event
 * `reload`); the page is fetched on each announcement and every 25 ms besides, so a server that announces
 * late (or never) is still timed by what it serves. Optionally (`search`), ⌘K in headless Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSearch, type SearchLatency } from './search-latency.js';
import { running } from './spawn.js';
import { median } from './stats.js';

const bin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

export type EditTarget = 'message' | 'service' | 'doc';

export interface EditLatency {
  /** The file edited, relative to the catalog, and the page watched. */
  file: string;
  page: string;
  /** Save to page served with the edit, one per edit, in ms. */
  runs: number[];
  medianMs: number;
  /** Save to the server's `reload` event (median), null when it sent none. */
  medianReloadEventMs: number | null;
  /** The updates the server reported for these edits (its own "Updated in M ms: N resources render again"). */
  serverRebuilds: { pages: number; ms: number }[];
}

export interface DevLatency {
  /** Spawn to the server listening (load and check: pages render when asked for). */
  startMs: number;
  /** Spawn to the first page served (a message's page, rendered on demand), or null when it failed. */
  firstPageMs: number | null;
  edits: Partial<Record<EditTarget, EditLatency>>;
  search: SearchLatency | null;
  /** Why a part was not measured. */
  notes: string[];
}

interface Target {
  file: string;
  page: string;
}

/** The first message, service and custom doc of a catalog in EventCatalog's layout, with their pages. */
export function findTargets(catalog: string): Partial<Record<EditTarget, Target>> {
  const files = readdirSync(catalog, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.mdx?$/.test(f) && !f.includes('/versioned/'))
    .sort();
  const field = (text: string, key: string) =>
    new RegExp(`^${key}: '?([^'\\n]+?)'?$`, 'm').exec(text.split(/^---$/m)[1] ?? '')?.[1];
  const pageOf = (file: string, plural: string): Target | undefined => {
    const text = readFileSync(join(catalog, file), 'utf8');
    const id = field(text, 'id');
    const version = field(text, 'version');
    return id && version ? { file, page: `/docs/${plural}/${id}/${version}` } : undefined;
  };
  const out: Partial<Record<EditTarget, Target>> = {};
  const message = files.find((f) => /\/events\/[^/]+\/index\.mdx?$/.test(f));
  const service = files.find((f) => /\/services\/[^/]+\/index\.mdx?$/.test(f));
  const doc = files.find((f) => f.startsWith('docs/'));
  const m = message && pageOf(message, 'events');
  const s = service && pageOf(service, 'services');
  if (m) out.message = m;
  if (s) out.service = s;
  if (doc) out.doc = { file: doc, page: `/docs/custom/${doc.replace(/^docs\//, '').replace(/\.mdx?$/, '')}` };
  return out;
}

/** The dev server as a child process: its URL, and the `reload` events it sends. */
class DevServer {
  readonly reloads: number[] = [];
  /** What the server printed for each rebuild after an edit. */
  readonly rebuilds: { pages: number; ms: number }[] = [];
  private listeners: (() => void)[] = [];
  private stream: AbortController | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(catalog: string, timeoutMs: number): Promise<DevServer> {
    return new Promise((resolve, reject) => {
      // Its output folder goes into a temporary folder of our own, removed when it stops.
      const tmp = mkdtempSync(join(tmpdir(), 'switchyard-bench-dev-'));
      const child = spawn(process.execPath, [bin, 'dev', catalog, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TMPDIR: tmp },
      });
      child.once('exit', () => rmSync(tmp, { recursive: true, force: true }));
      running.add(child);
      child.once('exit', () => running.delete(child));
      let printed = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`switchyard dev did not start in ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.stdout?.setEncoding('utf8').on('data', (d: string) => {
        printed += d;
        const url = /dev server at (http:\/\/[^\s/]+)/.exec(printed)?.[1];
        if (url) {
          clearTimeout(timer);
          child.stdout?.removeAllListeners('data');
          const server = new DevServer(child, url);
          child.stdout?.on('data', (more: string) => {
            for (const m of more.matchAll(/Updated in (\d+) ms: (\d+) resources/g))
              server.rebuilds.push({ pages: Number(m[2]), ms: Number(m[1]) });
          });
          resolve(server);
        }
      });
      child.stderr?.resume();
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`switchyard dev exited with ${code}: ${printed.slice(-500)}`));
      });
    });
  }

  /** Listens to the event stream; resolves once connected. */
  async listen(): Promise<void> {
    this.stream = new AbortController();
    const res = await fetch(`${this.url}/__sy/events`, { signal: this.stream.signal });
    const reader = res.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            if (/^event: reload$/m.test(buffer.slice(0, end))) {
              this.reloads.push(performance.now());
              for (const l of this.listeners.splice(0)) l();
            }
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {}
    })();
  }

  /** Resolves on the next reload event or after `ms`, whichever comes first. */
  nextReloadOr(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.listeners.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops the server; resolves once it has exited (and its output folder is removed). */
  stop(): Promise<void> {
    this.stream?.abort();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    return exited;
  }
}

const debug = process.env.BENCH_DEBUG ? (...args: unknown[]) => console.error('[dev]', ...args) : () => {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Saves an edit to `target` and times it until the page shows it. */
async function timeEdit(server: DevServer, catalog: string, target: Target, n: number, timeoutMs: number) {
  const path = join(catalog, target.file);
  const original = readFileSync(path, 'utf8');
  const marker = `bench-edit-${process.pid}-${n}-${Date.now().toString(36)}`;
  const reloadsBefore = server.reloads.length;
  const saved = performance.now();
  writeFileSync(path, `${original.trimEnd()}\n\nEdited by the benchmark: ${marker}.\n`);
  for (;;) {
    const elapsed = performance.now() - saved;
    if (elapsed > timeoutMs)
      throw new Error(`${target.page} did not show the edit within ${timeoutMs / 1000} s`);
    // A request that hangs (the server busy or swapping files) is abandoned after 5 s and asked again.
    const html = await fetch(`${server.url}${target.page}`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    })
      .then((res) => (res.ok ? res.text() : ''))
      .catch(() => '');
    debug(target.page, n, Math.round(elapsed), html.length, html.includes(marker));
    if (html.includes(marker)) {
      const ms = performance.now() - saved;
      const reload = server.reloads[reloadsBefore];
      return { ms, reloadMs: reload === undefined ? null : reload - saved, original, path };
    }
    await server.nextReloadOr(25);
  }
}

/**
 * Starts `switchyard dev` on `catalog` (which it edits: the files are put back afterwards), times `edits`
 * saves of each kind of page, and with `search` the ⌘K palette in Chromium on the served site.
 */
export async function measureDev(
  catalog: string,
  options: { edits: number; search: boolean; timeoutMs: number },
): Promise<DevLatency> {
  const notes: string[] = [];
  const targets = findTargets(catalog);
  const started = performance.now();
  const server = await DevServer.start(catalog, options.timeoutMs);
  const startMs = performance.now() - started;
  const edits: DevLatency['edits'] = {};
  let search: SearchLatency | null = null;
  let firstPageMs: number | null = null;
  try {
    await server.listen();
    const first = await fetch(`${server.url}${targets.message?.page ?? '/'}`).catch(() => undefined);
    await first?.text();
    if (first?.ok) firstPageMs = performance.now() - started;
    else notes.push(`first page not served (${first?.status ?? 'no answer'})`);
    if (options.search) {
      const page = targets.message?.page ?? '/';
      try {
        search = await measureSearch(`${server.url}${page}`, queryFor(catalog, targets));
      } catch (error) {
        notes.push(`search not measured: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    for (const kind of ['message', 'service', 'doc'] as const) {
      const target = targets[kind];
      if (!target) {
        notes.push(`no ${kind} to edit`);
        continue;
      }
      const runs: number[] = [];
      const reloads: number[] = [];
      const rebuildsBefore = server.rebuilds.length;
      let original: string | undefined;
      for (let i = 0; i < options.edits; i++) {
        debug('edit', kind, i);
        const t = await timeEdit(server, catalog, target, i, options.timeoutMs);
        debug('done', kind, i, Math.round(t.ms));
        original ??= t.original;
        runs.push(t.ms);
        if (t.reloadMs !== null) reloads.push(t.reloadMs);
        // Let the rebuild finish and the watcher settle before the next save.
        await server.nextReloadOr(300);
        await sleep(150);
      }
      if (original !== undefined) writeFileSync(join(catalog, target.file), original);
      await server.nextReloadOr(options.timeoutMs);
      edits[kind] = {
        ...target,
        runs,
        medianMs: median(runs),
        medianReloadEventMs: reloads.length > 0 ? median(reloads) : null,
        serverRebuilds: server.rebuilds.slice(rebuildsBefore),
      };
    }
  } finally {
    await server.stop();
  }
  return { startMs, firstPageMs, edits, search, notes };
}

/** Two words of the message's name: what someone looking for it would type. */
function queryFor(catalog: string, targets: Partial<Record<EditTarget, Target>>): string {
  const file = targets.message?.file;
  const name = file
    ? /^name: '?([^'\n]+?)'?$/m.exec(readFileSync(join(catalog, file), 'utf8'))?.[1]
    : undefined;
  return (name ?? 'order').split(' ').slice(0, 2).join(' ').toLowerCase();
}
