import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { isAttachment } from '@switchyard/api';
import { kindDef, nameOf, type Resource, summaryOf } from '@switchyard/model';
import { renderMarkdown } from '@switchyard/site';
import type { ServerContext } from './context.js';

/** `switchyard://page/{key}`: a catalog page by its node key (`event:order-created@1.1.0`, encoded). */
export const pageUri = (resource: Resource) => `switchyard://page/${encodeURIComponent(resource.key)}`;

/** Every catalog page (newest version of each resource the server may show), as Markdown. */
export function registerPages(server: McpServer, ctx: ServerContext): void {
  server.registerResource(
    'catalog-page',
    new ResourceTemplate('switchyard://page/{key}', {
      list: () => {
        const { catalog } = ctx.state();
        const resources = [];
        for (const list of catalog.versions.values()) {
          const r = list[0] as Resource;
          if (isAttachment(r) || !ctx.visible(r)) continue;
          const summary = summaryOf(r);
          resources.push({
            uri: pageUri(r),
            name: r.key,
            title: `${nameOf(r)} (${kindDef(r.kind).label})`,
            mimeType: 'text/markdown',
            ...(summary ? { description: summary } : {}),
          });
        }
        return { resources };
      },
    }),
    {
      title: 'Catalog page',
      description: 'The page of a catalog resource as Markdown: title, kind, version, summary and body.',
      mimeType: 'text/markdown',
    },
    (uri, variables) => {
      const key = decodeURIComponent(String(variables.key ?? ''));
      const resource = ctx.state().catalog.byKey.get(key);
      if (!resource || !ctx.visible(resource)) throw new Error(`No catalog page at ${uri.href}.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderMarkdown(resource) }] };
    },
  );
}
