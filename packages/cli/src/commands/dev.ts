import { watch } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
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
  const clients = new Set<ServerResponse>();
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
    for (const c of clients) c.write('event: reload\ndata: {}\n\n');
  };
  await rebuild();

  const server = createStaticServer({
    root: out,
    get base() {
      return base;
    },
    transformHtml: (html) => html.replace('</body>', `${devScript}</body>`),
    intercept: (req, res) => {
      if (req.url === '/__sy/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return true;
      }
      if (req.url === '/__sy/diagnostics.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(diagnostics));
        return true;
      }
      return false;
    },
  });
  const url = await listen(server, options.port);
  io.out(`Switchyard dev server at ${url}${base} — watching ${relative(io.cwd, root) || '.'}\n`);

  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let pending = new Set<string>();
  watch(root, { recursive: true }, (_event, file) => {
    if (!file || /(^|[\\/])(node_modules|\.git|dist)([\\/]|$)/.test(file)) return;
    pending.add(file.split(sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      pending = new Set();
      running = running
        .then(() => rebuild(changed))
        .catch((error: unknown) => io.err(`Rebuild failed: ${(error as Error).message}\n`));
    }, 60);
  });
  await new Promise<void>((done) => server.on('close', done));
  return 0;
}
