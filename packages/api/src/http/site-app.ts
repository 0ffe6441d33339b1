import { Hono } from 'hono';
import { createSiteFiles, type SiteFilesOptions } from './static-files.js';

export interface SiteAppOptions extends SiteFilesOptions {
  /** Sent with every response (the Content-Security-Policy and friends). */
  headers?: Readonly<Record<string, string>>;
  /** Routes answered before the site's files (the dev server's events and diagnostics). */
  routes?: (app: Hono) => void;
}

/**
 * A built site served as a static host would (`preview`, `dev`): GET and HEAD only, files through the one
 * static file server (static-files.ts), the site's 404 page for what is not there. Testable without a
 * port: `app.request('/docs/')`.
 */
export function createSiteApp(options: SiteAppOptions): Hono {
  const app = new Hono();
  const site = createSiteFiles(options);
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(options.headers ?? {})) c.header(name, value);
    c.header('X-Content-Type-Options', 'nosniff');
  });
  options.routes?.(app);
  app.all('*', async (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.body(null, 405, { Allow: 'GET, HEAD' });
    return (await site.answer(c)) ?? site.notFound(c);
  });
  return app;
}
