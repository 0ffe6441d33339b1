import type { Server } from 'node:http';
import { createNodeServer, createSiteApp, type SiteAppOptions } from '@switchyard/api';

/**
 * A built site served as a static host would serve it, for `preview` and `dev`: the one static file server
 * of the api package (`createSiteApp`: its traversal rule, the path policy, Hono's `serveStatic`), as a
 * Node server not yet listening.
 */
export function createStaticServer(
  options: Omit<SiteAppOptions, 'root' | 'base'> & { root: string; base: string },
): Server {
  return createNodeServer(
    createSiteApp({
      ...options,
      root: () => options.root,
      base: () => options.base,
    }),
  );
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
