import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { buildResourceDoc, schemaPathOf } from '@switchyard/api';
import {
  type Catalog,
  edgesFrom,
  edgesTo,
  membersOf,
  nameOf,
  ownersOf,
  type Resource,
} from '@switchyard/model';
import { renderMarkdown } from '@switchyard/site';
import { z } from 'zod';
import { answer, guarded, lookUp, mdLink, type ServerContext, ToolError } from '../context.js';

export const refInput = z
  .string()
  .trim()
  .min(1)
  .describe(
    'the resource: "kind:id" for the newest version, "kind:id@1.2.0" (or a range such as "^1.0.0") for another, or a bare id when only one kind has it; e.g. "event:order-created"',
  );

/** The relations of a resource as Markdown lines, only those the server may show. */
function relationLines(ctx: ServerContext, catalog: Catalog, resource: Resource): string[] {
  const lines: string[] = [];
  for (const side of ['outgoing', 'incoming'] as const) {
    const edges = side === 'outgoing' ? edgesFrom(catalog, resource.key) : edgesTo(catalog, resource.key);
    for (const e of edges) {
      const other = catalog.byKey.get(side === 'outgoing' ? e.to : e.from);
      if (!other || !ctx.visible(other)) continue;
      lines.push(`- ${side === 'outgoing' ? e.relation : `(${e.relation} by)`} ${mdLink(ctx, other)}`);
    }
  }
  return lines;
}

/** Drops links to resources outside the scope from a resource's JSON. */
function scopedDoc(ctx: ServerContext, catalog: Catalog, resource: Resource) {
  const doc = buildResourceDoc(catalog, resource, ctx.state().urlOf);
  const shown = (l: { key: string }) => {
    const r = catalog.byKey.get(l.key);
    return r !== undefined && ctx.visible(r);
  };
  doc.outgoing = doc.outgoing.filter((x) => shown(x.resource));
  doc.incoming = doc.incoming.filter((x) => shown(x.resource));
  for (const field of ['producers', 'consumers', 'sends', 'receives'] as const)
    if (doc[field]) doc[field] = doc[field].filter((p) => shown(p.resource));
  doc.flows = doc.flows.filter((f) => shown(f.flow));
  doc.domains = doc.domains.filter(shown);
  return doc;
}

export function registerResourceTools(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'get_resource',
    {
      title: 'Get a resource',
      description:
        'One resource of the catalog (service, event, command, query, channel, domain, flow, team, ...) as its page in Markdown (title, kind, version, summary, body), followed by its relations (sends, receives, owners, membership...) with links. Structured content holds the resource with every relation resolved.',
      inputSchema: { ref: refInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref }: { ref: string }) => {
      const { catalog } = ctx.state();
      const resource = lookUp(ctx, ref);
      const relations = relationLines(ctx, catalog, resource);
      const versions = (catalog.versions.get(`${resource.kind}:${resource.id}`) ?? []).map((v) => v.version);
      const text = [
        renderMarkdown(resource).trim(),
        '',
        `Reference: \`${resource.key}\`${versions.length > 1 ? ` (versions: ${versions.join(', ')})` : ''}`,
        ...(relations.length ? ['', '## Relations', '', ...relations] : []),
      ].join('\n');
      return answer(text, scopedDoc(ctx, catalog, resource));
    }),
  );

  server.registerTool(
    'get_schema',
    {
      title: 'Get the schema of a message',
      description:
        "The schema file a resource names in `schemaPath` (JSON Schema, Avro, Protobuf, ...), as written, in a fenced code block. Use it to see a message's exact fields and types.",
      inputSchema: { ref: refInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref }: { ref: string }) => {
      const state = ctx.state();
      const resource = lookUp(ctx, ref);
      const path = schemaPathOf(resource);
      if (!path) throw new ToolError(`${resource.key} names no schema (it has no schemaPath).`);
      const text = state.readFile(path);
      if (text === undefined) throw new ToolError(`The schema of ${resource.key}, ${path}, cannot be read.`);
      const extension = path.split('.').pop() ?? '';
      const language = { avsc: 'json', proto: 'protobuf', yml: 'yaml' }[extension] ?? extension;
      return answer(
        `Schema of ${mdLink(ctx, resource)}, \`${path}\`:\n\n\`\`\`${language}\n${text.trimEnd()}\n\`\`\``,
        {
          ref: resource.key,
          path,
          format: extension,
          text,
        },
      );
    }),
  );

  server.registerTool(
    'get_owners',
    {
      title: 'Owners and contacts',
      description:
        'Who owns a resource: its teams and users, with email, Slack and Microsoft Teams contacts and, for teams, their members. Ask this to know whom to contact about a change.',
      inputSchema: { ref: refInput },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref }: { ref: string }) => {
      const { catalog } = ctx.state();
      const resource = lookUp(ctx, ref);
      const owners = ownersOf(catalog, resource);
      const contact = (o: Resource<'team'> | Resource<'user'>) => {
        const d = o.data;
        return {
          ...(d.email ? { email: d.email } : {}),
          ...(d.slackDirectMessageUrl ? { slack: d.slackDirectMessageUrl } : {}),
          ...(d.msTeamsDirectMessageUrl ? { msTeams: d.msTeamsDirectMessageUrl } : {}),
        };
      };
      const line = (o: Resource<'team'> | Resource<'user'>) => {
        const c = contact(o);
        const parts = Object.entries(c).map(([k, v]) => `${k}: ${v}`);
        return `- ${mdLink(ctx, o)}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
      };
      const teams = owners.teams.map((t) => ({
        ...contact(t),
        key: t.key,
        name: nameOf(t),
        members: membersOf(catalog, t).map((m) => ({ key: m.key, name: nameOf(m), ...contact(m) })),
      }));
      const lines = [
        `Owners of ${mdLink(ctx, resource)}:`,
        '',
        ...owners.teams.flatMap((t) => [
          line(t),
          ...membersOf(catalog, t).map((m) => `  - member ${line(m).slice(2)}`),
        ]),
        ...owners.users.map(line),
      ];
      if (owners.teams.length + owners.users.length === 0) lines.push('No owners are named.');
      return answer(lines.join('\n'), {
        ref: resource.key,
        teams,
        users: owners.users.map((u) => ({ key: u.key, name: nameOf(u), ...contact(u) })),
      });
    }),
  );
}
