import type { Server } from 'node:http';
import { createAdaptorServer, serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Serves a Hono app on a port; 127.0.0.1 unless another host is given. Resolves with the URL. */
export function listenApp(
  app: Hono,
  port: number,
  host = '127.0.0.1',
): Promise<{ url: string; server: Server }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown = host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({ url: `http://${shown}:${info.port}`, server: server as Server });
    });
    server.once('error', reject);
  });
}

/** A Node HTTP server for a Hono app, not yet listening (for callers that listen themselves). */
export function createNodeServer(app: Hono): Server {
  return createAdaptorServer({ fetch: app.fetch }) as Server;
}
