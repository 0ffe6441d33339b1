import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type Kind, kinds } from '@switchyard/model';
import { z } from 'zod';
import { answer, guarded, type ServerContext, urlOf } from '../context.js';

export function registerSearch(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'search_catalog',
    {
      title: 'Search the catalog',
      description:
        'Full-text search over the newest version of every resource: names, ids, summaries, owners, schema field names and the start of each page. Prefix and fuzzy matching. Returns the best matches with their reference (`kind:id@version`, to pass to the other tools) and page link.',
      inputSchema: {
        query: z.string().trim().min(1).describe('words to look for, e.g. "order created" or "payment"'),
        kind: z.enum(kinds).optional().describe('only resources of this kind, e.g. "event" or "service"'),
        limit: z.number().int().min(1).max(50).default(10).describe('at most this many results (default 10)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ query, kind, limit }: { query: string; kind?: Kind | undefined; limit: number }) => {
      const state = ctx.state();
      const hits = state.search(query, {
        kind,
        limit,
        filter: (key) => {
          const r = state.catalog.byKey.get(key);
          return r !== undefined && ctx.visible(r);
        },
      });
      const results = hits.map((h) => {
        const r = state.catalog.byKey.get(h.key);
        return { ...h, url: r ? urlOf(ctx, r) : '' };
      });
      const lines = results.map(
        (h) => `- [${h.name}](${h.url}) \`${h.key}\` (${h.kind})${h.summary ? `: ${h.summary}` : ''}`,
      );
      const text = lines.length
        ? `${lines.length} result${lines.length === 1 ? '' : 's'} for "${query}":\n\n${lines.join('\n')}`
        : `Nothing matches "${query}". Try fewer or other words.`;
      return answer(text, { query, results });
    }),
  );
}
