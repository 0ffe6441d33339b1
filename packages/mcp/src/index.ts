export type { ServerContext } from './context.js';
export { type HttpOptions, startHttpServer } from './http.js';
export { pageUri } from './resources.js';
export { parseScope, type Scope, visibilityFor } from './scope.js';
export { type CatalogServerOptions, createCatalogMcpServer, serverContext } from './server.js';
export { runStdioServer } from './stdio.js';
export type { DiffRevisions } from './tools/diff.js';
export { renderImpactMarkdown } from './tools/impact.js';
