import { createReadStream, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from '@switchyard/api';

/** A request path that no honest client sends: the server answers 400 Bad Request. */
export class BadRequest extends Error {}

/**
 * The file a request path maps to inside `root`, as a static host would serve it: the file itself,
 * `{path}/index.html`, or `{path}.html`. Undefined when none exists or it lies outside the root (also
 * through a symbolic link). Throws BadRequest for paths that are malformed or try to climb out: bad
 * percent-encoding, NUL, backslashes, `..` segments (plain, encoded or double-encoded).
 */
export function resolveStatic(root: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith('/')) throw new BadRequest('The request target is not a path.');
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    throw new BadRequest('The path is not valid percent-encoding.');
  }
  if (/[\\\0]/.test(path)) throw new BadRequest('The path holds a backslash or NUL.');
  if (path.split('/').includes('..') || /%(?:25)*(?:2e|2f|5c)/i.test(path))
    throw new BadRequest('The path tries to leave the site.');
  const prefix = base.replace(/\/+$/, '');
  if (prefix && !path.startsWith(`${prefix}/`) && path !== prefix) return undefined;
  path = path.slice(prefix.length) || '/';
  const target = normalize(join(root, path));
  if (!isInside(root, target)) return undefined;
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    try {
      if (statSync(candidate).isFile() && isInside(realRoot(root), realpathSync(candidate))) return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const isInside = (root: string, path: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync(root);
    realRoots.set(root, real);
  }
  return real;
}

export interface StaticServerOptions {
  root: string;
  base: string;
  /** Extra handling before files (dev server events); return true when handled. */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Changes HTML on its way out (dev server script). */
  transformHtml?: (html: string) => string;
  /** Sent with every response (preview: the Content-Security-Policy and friends, server/csp.ts). */
  headers?: Readonly<Record<string, string>>;
}

/** Serves a built site as a static host would: no rewriting, 404 page for what is not there. */
export function createStaticServer(options: StaticServerOptions): Server {
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    res.setHeader('x-content-type-options', 'nosniff');
    if (options.intercept?.(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file: string | undefined;
    try {
      file = resolveStatic(options.root, options.base, req.url ?? '/');
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      res
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Bad request: ${error.message}\n`);
      return;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>',
      );
      return;
    }
    const type = contentTypeOf(file);
    const found = file;
    if (type.startsWith('text/html') && options.transformHtml) {
      readFile(found, 'utf8').then(
        (text) => {
          const html = options.transformHtml?.(text) ?? '';
          res
            .writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' })
            .end(req.method === 'HEAD' ? undefined : html);
        },
        () => res.writeHead(404).end(),
      );
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    // A file removed between the check and the read (a rebuild swapping the folder) ends the response.
    else
      createReadStream(found)
        .on('error', () => res.destroy())
        .pipe(res);
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
