import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type LoadedCatalog, loadCatalog, watchCatalog } from '@switchyard/loader';
import { countResources } from '@switchyard/model';
import { openDevSite } from '@switchyard/site';
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
 * Serves the catalog as it is written: loads and checks it, then renders each page when it is first asked
 * for (and keeps it); a save reads that file again, updates the model, and drops the pages it affects.
 * Open pages reload themselves and show the catalog's problems in an overlay (and in the terminal).
 */
export async function runDev(options: { dir: string; port: number }, io: Io): Promise<number> {
  const root = resolve(options.dir);
  const folder = await mkdtemp(join(tmpdir(), 'switchyard-dev-'));
  const clients = new Set<ReadableStreamDefaultController<string>>();
  const displayPath = (file: string) => relative(io.cwd, resolve(root, file)) || file;
  const report = (loaded: LoadedCatalog) => {
    if (loaded.diagnostics.length)
      io.err(
        renderText(loaded.diagnostics, countResources(loaded.catalog), {
          displayPath,
          style: terminalStyle(io),
        }),
      );
  };
  const started = performance.now();
  const first = await loadCatalog(root, { forReload: true });
  report(first);
  let opened = 0;
  // A site of its own per config: a changed config (base, trailing slashes, theme) starts afresh.
  const openSite = (loaded: LoadedCatalog) => openDevSite(loaded, join(folder, `site-${opened++}`));
  let site = await openSite(first);

  const rebuild = async (changed: ReadonlySet<string>) => {
    const saved = performance.now();
    const previous = site.loaded;
    const loaded = await loadCatalog(root, { previous, changed, forReload: true });
    if (JSON.stringify(previous.config) !== JSON.stringify(loaded.config)) {
      const old = site.outDir;
      site = await openSite(loaded);
      void rm(old, { recursive: true, force: true }).catch(() => undefined);
      io.out(`The config changed: every page renders again (${Math.round(performance.now() - saved)} ms).\n`);
    } else {
      const update = await site.update(loaded, changed);
      const kept = update.kept ? `; ${update.kept} that no longer read keep their last good page` : '';
      io.out(
        `Updated in ${Math.round(performance.now() - saved)} ms: ${update.dropped} resources render again when opened${kept}.\n`,
      );
    }
    report(loaded);
    for (const c of clients) {
      try {
        c.enqueue('event: reload\ndata: {}\n\n');
      } catch {
        clients.delete(c); // a page that went away
      }
    }
  };

  const server = createStaticServer({
    get root() {
      return site.outDir;
    },
    get base() {
      return site.loaded.config.base;
    },
    beforeLookup: (segments) => site.prepare(segments),
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
      app.get('/__sy/diagnostics.json', (c) => c.json(site.diagnostics()));
    },
  });
  const url = await listen(server, options.port);
  io.out(
    `Switchyard dev server at ${url}${site.loaded.config.base} — watching ${relative(io.cwd, root) || '.'} (${first.catalog.resources.length} resources loaded and checked in ${Math.round(performance.now() - started)} ms; pages render when opened)\n`,
  );

  const watcher = watchCatalog(root, {
    outDirs: () => [site.loaded.config.outDir],
    onChange: (changed) => rebuild(changed),
    onError: (error) => io.err(`Update failed: ${(error as Error).message}\n`),
  });
  await new Promise<void>((done) => server.on('close', done));
  watcher.close();
  return 0;
}
