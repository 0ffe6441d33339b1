import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { CatalogState } from '../state.js';
import { jsonError } from './errors.js';
import { addQueryRoutes } from './query-routes.js';
import { responseCache } from './response-cache.js';
import { createSiteFiles } from './static-files.js';

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
    return next();
  });
  app.use(etag({ weak: true }));
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
    for (const [name, value] of Object.entries(options.headers ?? {})) c.header(name, value);
  });

  addQueryRoutes(app, options.getState);

  // The built site, through the one static file server (preview and dev use the same); its rule answers
  // a path that tries to leave the site, or is not valid percent-encoding, with 400.
  const site = createSiteFiles({
    root: () => options.siteRoot?.(),
    base: () => options.base?.() ?? '/',
  });
  app.get('*', async (c) => {
    const answer = await site.answer(c);
    if (answer) return answer;
    if (c.req.path === '/api' || c.req.path.startsWith('/api/'))
      return jsonError(c, 404, `Nothing at ${c.req.path}.`);
    return site.notFound(c);
  });
  app.onError((error, c) => {
    process.stderr.write(`switchyard serve: ${error.stack ?? error.message}\n`);
    return jsonError(c, 500, 'The server failed to answer; see its log.');
  });
  return app;
}
