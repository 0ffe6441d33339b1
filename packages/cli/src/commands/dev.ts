import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { loadCatalog, watchCatalog } from '@switchyard/loader';
import { countResources, type Diagnostic } from '@switchyard/model';
import { affectedResources, buildSite } from '@switchyard/site';
import { renderText } from '../format/text.js';
import type { Io } from '../io.js';
import { terminalStyle } from '../io.js';
import { createStaticServer, listen } from '../server/static.js';

/** In the page: reload on rebuild, and show the catalog's problems in an overlay. */
const devScript = `<script type="module">
const box = document.createElement('div');
box.id = 'sy-dev-overlay';
box.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:999;max-width:560px;max-height:50vh;overflow:auto;font:13px/1.5 ui-monospace,monospace;background:#1b1d22;color:#f3f4f6;border-radius:10px;box-shadow:0 12px 30px rgba(0,0,0,.4);padding:12px 14px;display:none';
document.body.append(box);
async function show() {
  const list = await (await fetch('/__sy/diagnostics.json', { cache: 'no-store' })).json();
  box.style.display = list.length ? 'block' : 'none';
  box.innerHTML = '';
  const head = document.createElement('strong');
  head.textContent = list.length + ' problem' + (list.length === 1 ? '' : 's') + ' in the catalog';
  const close = document.createElement('button');
  close.textContent = '×'; close.setAttribute('aria-label', 'Close'); close.style.cssText = 'float:right;background:none;border:0;color:inherit;font-size:16px;cursor:pointer';
  close.onclick = () => { box.style.display = 'none'; };
  box.append(close, head);
  for (const d of list) {
    const p = document.createElement('p');
    p.style.margin = '8px 0 0';
    p.textContent = d.file + ':' + d.line + ':' + d.column + '  ' + d.severity + '  ' + d.message + '  (' + d.code + ')';
    p.style.color = d.severity === 'error' ? '#fca5a5' : '#fde68a';
    box.append(p);
  }
}
show();
new EventSource('/__sy/events').addEventListener('reload', () => location.reload());
</script>`;

/**
 * Builds the catalog into a temporary folder, serves it, and rebuilds when a file of the catalog changes;
 * open pages reload themselves and show the catalog's problems in an overlay (and in the terminal).
 */
export async function runDev(options: { dir: string; port: number }, io: Io): Promise<number> {
  const root = resolve(options.dir);
  const out = join(await mkdtemp(join(tmpdir(), 'switchyard-dev-')), 'site');
  const clients = new Set<ReadableStreamDefaultController<string>>();
  let diagnostics: Diagnostic[] = [];
  let base = '/';
  let previous: Awaited<ReturnType<typeof loadCatalog>> | undefined;
  // Files pages read (schemas, specs, examples), kept across rebuilds; a saved file is dropped from it.
  const fileCache = new Map<string, string | undefined>();

  // The first build writes everything; after an edit only the pages that show what changed are rendered.
  const rebuild = async (changed?: ReadonlySet<string>) => {
    const started = performance.now();
    // After an edit only the changed files are read again (the graph is rebuilt from all of them).
    const loaded = await loadCatalog(root, previous && changed ? { previous, changed } : {});
    base = loaded.config.base;
    const configChanged = previous && JSON.stringify(previous.config) !== JSON.stringify(loaded.config);
    const only =
      previous && !configChanged ? affectedResources(previous.catalog, loaded.catalog, changed) : undefined;
    if (changed) {
      for (const key of [...fileCache.keys()]) if (changed.has(posix.normalize(key))) fileCache.delete(key);
    } else fileCache.clear();
    const result = await buildSite(
      loaded,
      only ? { outDir: out, only, fileCache } : { outDir: out, fileCache, threads: true },
    );
    previous = loaded;
    diagnostics = [...loaded.diagnostics, ...result.diagnostics];
    const ms = Math.round(performance.now() - started);
    const displayPath = (file: string) => relative(io.cwd, resolve(root, file)) || file;
    if (diagnostics.length)
      io.err(
        renderText(diagnostics, countResources(loaded.catalog), { displayPath, style: terminalStyle(io) }),
      );
    io.out(`${only ? 'Rebuilt' : 'Built'} ${result.pages} pages in ${ms} ms.\n`);
    for (const c of clients) {
      try {
        c.enqueue('event: reload\ndata: {}\n\n');
      } catch {
        clients.delete(c); // a page that went away
      }
    }
  };
  await rebuild();

  const server = createStaticServer({
    root: out,
    get base() {
      return base;
    },
    transformHtml: (html) => html.replace('</body>', `${devScript}</body>`),
    routes: (app) => {
      app.get('/__sy/events', () => {
        let client: ReadableStreamDefaultController<string> | undefined;
        const stream = new ReadableStream<string>({
          start(controller) {
            client = controller;
            clients.add(controller);
            controller.enqueue(': connected\n\n');
          },
          cancel() {
            if (client) clients.delete(client);
          },
        });
        return new Response(stream.pipeThrough(new TextEncoderStream()), {
          headers: {
            'content-type': 'text/event-stream',
            'cache-control': 'no-cache',
            connection: 'keep-alive',
          },
        });
      });
      app.get('/__sy/diagnostics.json', (c) => c.json(diagnostics));
    },
  });
  const url = await listen(server, options.port);
  io.out(`Switchyard dev server at ${url}${base} — watching ${relative(io.cwd, root) || '.'}\n`);

  const watcher = watchCatalog(root, {
    outDirs: () => [previous?.config.outDir],
    onChange: (changed) => rebuild(changed),
    onError: (error) => io.err(`Rebuild failed: ${(error as Error).message}\n`),
  });
  await new Promise<void>((done) => server.on('close', done));
  watcher.close();
  return 0;
}
