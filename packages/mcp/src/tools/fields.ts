import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { isLatest, isMessageKind, type Resource } from '@switchyard/model';
import { z } from 'zod';
import { answer, guarded, mdLink, refJson, type ServerContext, ToolError } from '../context.js';

export function registerFieldTool(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'find_messages_by_field',
    {
      title: 'Find messages by schema field',
      description:
        'The messages (events, commands, queries) whose schema has a field of this name, at any depth, in any schema format (JSON Schema, Avro, Protobuf, AsyncAPI...): where it sits, its type and whether it is required. Case-insensitive; `_` and `-` are ignored, so "order_id" finds "orderId". Answers "which messages carry orderId?".',
      inputSchema: {
        field: z.string().trim().min(1).max(200).describe('the field name, e.g. "orderId"'),
        allVersions: z
          .boolean()
          .default(false)
          .describe('include older versions of the messages (default: newest only)'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(500)
          .default(50)
          .describe('list at most this many messages (default 50)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(async ({ field, allVersions, limit }: { field: string; allVersions: boolean; limit: number }) => {
      const state = ctx.state();
      const lookup = await state.fields();
      if (!lookup)
        throw new ToolError('The schemas of this catalog could not be indexed; see the server log.');
      const byMessage = new Map<
        Resource,
        { path: string; type: string; required: boolean; file: string }[]
      >();
      for (const use of lookup.find(field)) {
        const r = state.catalog.byKey.get(use.owner);
        if (!r || !isMessageKind(r.kind) || !ctx.visible(r)) continue;
        if (!allVersions && !isLatest(state.catalog, r)) continue;
        const list = byMessage.get(r) ?? [];
        list.push({ path: use.path, type: use.type, required: use.required, file: use.file });
        byMessage.set(r, list);
      }
      const shown = [...byMessage].slice(0, limit);
      const messages = shown.map(([r, uses]) => ({ ...refJson(ctx, r), fields: uses }));
      const lines = shown.map(([r, uses]) => {
        const where = [
          ...new Set(uses.map((u) => `\`${u.path}\` (${u.type}${u.required ? ', required' : ''})`)),
        ].join(', ');
        return `- ${mdLink(ctx, r)}: ${where}`;
      });
      const total = byMessage.size;
      const more =
        total > shown.length ? `\n\n${total - shown.length} more; raise \`limit\` to see them.` : '';
      const text = total
        ? `${total} message${total === 1 ? '' : 's'} carry a field named "${field}":\n\n${lines.join('\n')}${more}`
        : `No message schema has a field named "${field}".`;
      return answer(text, { field, total, messages });
    }),
  );
}
