import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * The file a request path maps to inside `root`, as a static host would serve it: the file itself,
 * `{path}/index.html`, or `{path}.html`. Undefined when none exists or the path leaves the root.
 */
export function resolveStatic(root: string, base: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const prefix = base.replace(/\/+$/, '');
  if (prefix && !path.startsWith(`${prefix}/`) && path !== prefix) return undefined;
  path = path.slice(prefix.length) || '/';
  const target = normalize(join(root, path));
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

export interface StaticServerOptions {
  root: string;
  base: string;
  /** Extra handling before files (dev server events); return true when handled. */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Changes HTML on its way out (dev server script). */
  transformHtml?: (html: string) => string;
}

/** Serves a built site as a static host would: no rewriting, 404 page for what is not there. */
export function createStaticServer(options: StaticServerOptions): Server {
  return createServer((req, res) => {
    if (options.intercept?.(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveStatic(options.root, options.base, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>',
      );
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html') && options.transformHtml) {
      import('node:fs').then(({ readFileSync }) => {
        const html = options.transformHtml?.(readFileSync(file, 'utf8')) ?? '';
        res
          .writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' })
          .end(req.method === 'HEAD' ? undefined : html);
      });
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
}

/** Listens on localhost only (nothing is exposed to the network), resolving with the URL. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve(`http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}`);
    });
  });
}
