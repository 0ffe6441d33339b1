import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  consumersOf,
  isMessageKind,
  type MessagePeer,
  producersOf,
  receivesOf,
  sendsOf,
} from '@switchyard/model';
import { answer, guarded, lookUp, mdLink, refJson, type ServerContext, ToolError } from '../context.js';
import { refInput } from './resource.js';

function peerLines(ctx: ServerContext, peers: MessagePeer[]): { lines: string[]; json: object[] } {
  const shown = peers.filter((p) => ctx.visible(p.resource));
  return {
    lines: shown.map((p) => {
      const channels = p.channels.filter((c) => ctx.visible(c)).map((c) => mdLink(ctx, c));
      const pinned = p.requested && p.requested !== 'latest' ? ` (asks for ${p.requested})` : '';
      return `- ${mdLink(ctx, p.resource)}${pinned}${channels.length ? ` via ${channels.join(', ')}` : ''}`;
    }),
    json: shown.map((p) => ({
      ...refJson(ctx, p.resource),
      channels: p.channels.filter((c) => ctx.visible(c)).map((c) => refJson(ctx, c)),
      ...(p.requested ? { requested: p.requested } : {}),
    })),
  };
}

const section = (title: string, lines: string[], none: string) => [
  `## ${title}`,
  '',
  ...(lines.length ? lines : [none]),
  '',
];

export function registerMessageTools(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'get_producers_and_consumers',
    {
      title: 'Producers and consumers of a message',
      description:
        'Who sends (produces) and who receives (consumes) an event, command or query, with the channels each uses and any version a consumer pins. Answers "who consumes OrderCreated?".',
      inputSchema: {
        ref: refInput.describe('the message, e.g. "event:order-created" or "command:reserve-inventory"'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref }: { ref: string }) => {
      const { catalog } = ctx.state();
      const message = lookUp(ctx, ref);
      if (!isMessageKind(message.kind))
        throw new ToolError(
          `${message.key} is a ${message.kind}, not a message; use get_service_messages for what it sends and receives.`,
        );
      const producers = peerLines(ctx, producersOf(catalog, message, { anyVersion: true }));
      const consumers = peerLines(ctx, consumersOf(catalog, message, { anyVersion: true }));
      const text = [
        `# ${mdLink(ctx, message)}`,
        '',
        ...section('Producers', producers.lines, 'No service sends it.'),
        ...section('Consumers', consumers.lines, 'No service receives it.'),
      ].join('\n');
      return answer(text.trimEnd(), {
        message: refJson(ctx, message),
        producers: producers.json,
        consumers: consumers.json,
      });
    }),
  );

  server.registerTool(
    'get_service_messages',
    {
      title: 'What a service sends and receives',
      description:
        'The messages a service (or a domain or agent) sends and receives, with the channels of each. Answers "what does InventoryService publish?".',
      inputSchema: { ref: refInput.describe('the service, e.g. "service:inventory-service"') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref }: { ref: string }) => {
      const { catalog } = ctx.state();
      const service = lookUp(ctx, ref);
      if (service.kind !== 'service' && service.kind !== 'domain' && service.kind !== 'agent')
        throw new ToolError(`${service.key} is a ${service.kind}; give a service, domain or agent.`);
      const sends = peerLines(ctx, sendsOf(catalog, service));
      const receives = peerLines(ctx, receivesOf(catalog, service));
      const text = [
        `# ${mdLink(ctx, service)}`,
        '',
        ...section('Sends', sends.lines, 'It sends nothing.'),
        ...section('Receives', receives.lines, 'It receives nothing.'),
      ].join('\n');
      return answer(text.trimEnd(), {
        resource: refJson(ctx, service),
        sends: sends.json,
        receives: receives.json,
      });
    }),
  );
}
