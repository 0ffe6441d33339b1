import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { type CatalogServerOptions, createCatalogMcpServer, serverContext } from './server.js';

export interface HttpOptions extends CatalogServerOptions {
  port: number;
  /** Default 127.0.0.1: nothing is exposed to the network unless asked. */
  host?: string | undefined;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function jsonRpcError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/**
 * The MCP server over Streamable HTTP at `/mcp`, stateless: each POST gets its own server and transport
 * over the shared catalog, so requests never see each other's state.
 */
export async function startHttpServer(options: HttpOptions): Promise<{ url: string; server: Server }> {
  const ctx = serverContext(options);
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/mcp') return jsonRpcError(res, 404, 'The MCP endpoint is /mcp.');
    if (!authorized(req, options.token))
      return jsonRpcError(res, 401, 'Missing or wrong bearer token.', { 'www-authenticate': 'Bearer' });
    if (req.method !== 'POST')
      return jsonRpcError(res, 405, 'This server is stateless: send requests with POST.', { allow: 'POST' });
    const mcp = createCatalogMcpServer(options, ctx);
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    try {
      await mcp.connect(transport);
      await transport.handleRequest(req, res);
    } catch (error) {
      process.stderr.write(`switchyard mcp: ${(error as Error).stack}\n`);
      if (!res.headersSent) jsonRpcError(res, 500, 'Internal error.');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/mcp`, server };
}
