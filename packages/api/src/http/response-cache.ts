import type { MiddlewareHandler } from 'hono';
import type { CatalogState } from '../state.js';

interface Cached {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** Headers a 304 must not carry: it has no body. */
const bodyHeaders = new Set(['content-length', 'content-encoding', 'content-type']);
/** Bounds memory on a crawl of every resource; past this, answers are computed each time. */
const limit = 5000;

/**
 * Keeps each API answer, compressed and tagged, until the catalog reloads (a new state is a new cache), so
 * a repeated read costs a map lookup instead of a query, JSON, a hash and gzip. Conditional requests whose
 * ETag matches get 304 from the cache too.
 */
export function responseCache(getState: () => CatalogState): MiddlewareHandler {
  const caches = new WeakMap<CatalogState, Map<string, Cached>>();
  return async (c, next) => {
    if (c.req.method !== 'GET' || !(c.req.path === '/api' || c.req.path.startsWith('/api/'))) return next();
    const state = getState();
    let cache = caches.get(state);
    if (!cache) {
      cache = new Map();
      caches.set(state, cache);
    }
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const key = `${gzip ? 'gzip' : 'identity'} ${c.req.url}`;
    const hit = cache.get(key);
    if (hit) {
      const tag = hit.headers.find(([name]) => name === 'etag')?.[1];
      if (tag && c.req.header('if-none-match') === tag) {
        return new Response(null, {
          status: 304,
          headers: hit.headers.filter(([name]) => !bodyHeaders.has(name)),
        });
      }
      return new Response(hit.body.slice(0), { status: hit.status, headers: hit.headers });
    }
    await next();
    if (c.res.status === 200 && cache.size < limit) {
      const body = await c.res.clone().arrayBuffer();
      cache.set(key, { status: 200, headers: [...c.res.headers], body });
    }
  };
}
