import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { CatalogState } from '../state.js';
import { jsonError } from './errors.js';
import { addQueryRoutes } from './query-routes.js';
import { responseCache } from './response-cache.js';
import { contentTypeOf, findSiteFile, parseSitePath, readSiteFile } from './static-files.js';

export interface ApiAppOptions {
  /** The catalog to answer from; called on every request, so a reload takes effect at once. */
  getState: () => CatalogState;
  /** The built site to serve beside the API (the output of `build`), if there is one. */
  siteRoot?: () => string | undefined;
  /** The site's `base` (`/catalog/`): site files are served under it. Default `/`. */
  base?: () => string;
  /** Headers every response carries (the site's Content-Security-Policy and friends). */
  headers?: Readonly<Record<string, string>>;
}

const notFoundPage =
  '<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>';

/**
 * The read-only HTTP API over a loaded catalog, and the built site beside it. Every answer carries an ETag
 * (a conditional request gets 304) and is gzipped when the client accepts it. Testable without a port:
 * `app.request('/api/search?q=order')`.
 */
export function createApiApp(options: ApiAppOptions): Hono {
  const app = new Hono();
  app.use(responseCache(options.getState));
  app.use(compress());
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return jsonError(c, 405, `${c.req.method} is not allowed: the API is read-only.`);
    }
    // Malformed percent-encoding anywhere in the path is the client's error, not a missing file.
    const raw = new URL(c.req.url).pathname;
    try {
      decodeURIComponent(raw);
    } catch {
      return jsonError(c, 400, 'The request path is not valid percent-encoding.');
    }
    return next();
  });
  app.use(etag({ weak: true }));
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
    for (const [name, value] of Object.entries(options.headers ?? {})) c.header(name, value);
  });

  addQueryRoutes(app, options.getState);

  app.get('*', (c) => {
    const isApi = c.req.path === '/api' || c.req.path.startsWith('/api/');
    const prefix = (options.base?.() ?? '/').replace(/\/+$/, '');
    const pathname = new URL(c.req.url).pathname;
    const underBase = !prefix || pathname === prefix || pathname.startsWith(`${prefix}/`);
    const parsed = underBase ? parseSitePath(pathname.slice(prefix.length)) : ({ refused: true } as const);
    if ('malformed' in parsed) return jsonError(c, 400, 'The request path is not valid percent-encoding.');
    const root = options.siteRoot?.();
    const file = 'segments' in parsed && root ? findSiteFile(root, parsed.segments) : undefined;
    if (!file) {
      if (isApi) return jsonError(c, 404, `Nothing at ${c.req.path}.`);
      const page = root ? findSiteFile(root, ['404.html']) : undefined;
      return c.html(page ? new TextDecoder().decode(readSiteFile(page)) : notFoundPage, 404);
    }
    return c.body(readSiteFile(file) as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': contentTypeOf(file),
    });
  });
  app.onError((error, c) => {
    process.stderr.write(`switchyard serve: ${error.stack ?? error.message}\n`);
    return jsonError(c, 500, 'The server failed to answer; see its log.');
  });
  return app;
}
