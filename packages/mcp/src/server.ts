import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CatalogState } from '@switchyard/api';
import type { Resource } from '@switchyard/model';
import type { ServerContext } from './context.js';
import { registerReviewPrompt } from './prompts.js';
import { registerPages } from './resources.js';
import { type Scope, type Visibility, visibilityFor } from './scope.js';
import { type DiffRevisions, registerDiffTool } from './tools/diff.js';
import { registerFieldTool } from './tools/fields.js';
import { registerFlowTools } from './tools/flows.js';
import { registerImpactTool } from './tools/impact.js';
import { registerMessageTools } from './tools/messages.js';
import { registerResourceTools } from './tools/resource.js';
import { registerSearch } from './tools/search.js';

export interface CatalogServerOptions {
  /** The catalog to answer from; called on every request, so a reload takes effect at once. */
  getState: () => CatalogState;
  scope?: Scope | undefined;
  /** Prefix for page links in answers (`https://catalog.example.com`); default: site paths. */
  siteUrl?: string | undefined;
  version?: string;
  /** Git revisions compared for `diff_revisions`; without it (or with a scope) the tool is not offered. */
  diff?: DiffRevisions | undefined;
}

/** The context tools share: visibility is worked out once per loaded catalog. */
export function serverContext(options: CatalogServerOptions): ServerContext {
  const byState = new WeakMap<CatalogState, Visibility>();
  const visibility = () => {
    const state = options.getState();
    let v = byState.get(state);
    if (!v) {
      v = visibilityFor(state, options.scope);
      byState.set(state, v);
    }
    return v;
  };
  return {
    state: options.getState,
    visible: (r: Resource) => visibility()(r),
    siteUrl: (options.siteUrl ?? '').replace(/\/+$/, ''),
  };
}

/** An MCP server over the catalog: its tools, a resource per page, and a change-review prompt. */
export function createCatalogMcpServer(
  options: CatalogServerOptions,
  ctx = serverContext(options),
): McpServer {
  const scope = options.scope
    ? ` Scoped to domain "${options.scope.domain}": nothing outside it is shown.`
    : '';
  const server = new McpServer(
    { name: 'switchyard', version: options.version ?? '0.1.0' },
    {
      instructions: `Answers questions about an event-driven architecture catalog: services, messages (events, commands, queries), channels, flows, domains, teams. Start with search_catalog to find a resource's reference (kind:id), then ask the other tools about it.${scope}`,
    },
  );
  registerSearch(server, ctx);
  registerResourceTools(server, ctx);
  registerMessageTools(server, ctx);
  registerFlowTools(server, ctx);
  registerImpactTool(server, ctx);
  registerFieldTool(server, ctx);
  // A diff names resources of every domain, so a scoped server does not offer it.
  if (options.diff && !options.scope) registerDiffTool(server, options.diff);
  registerPages(server, ctx);
  registerReviewPrompt(server, ctx);
  return server;
}
