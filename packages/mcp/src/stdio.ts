import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { type CatalogServerOptions, createCatalogMcpServer } from './server.js';

/** The MCP server over stdin/stdout (what desktop clients start). Resolves when the client goes away. */
export async function runStdioServer(options: CatalogServerOptions): Promise<void> {
  const server = createCatalogMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.on('end', resolve);
  });
  await server.connect(transport);
  await closed;
}
