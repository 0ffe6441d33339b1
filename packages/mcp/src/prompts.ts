import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ServerContext } from './context.js';

/** A prompt that walks the model through reviewing a change against the catalog. */
export function registerReviewPrompt(server: McpServer, _ctx: ServerContext): void {
  server.registerPrompt(
    'review_change',
    {
      title: 'Review a change',
      description:
        'Review a proposed change to a catalog resource (a message schema, a service, a flow): who is affected, what could break, whom to tell.',
      argsSchema: {
        ref: z.string().describe('the resource that changes, e.g. "command:reserve-inventory"'),
        change: z.string().optional().describe('what changes, in a sentence or a diff'),
      },
    },
    ({ ref, change }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Review this change to \`${ref}\` in the architecture catalog.`,
              change ? `\nThe change:\n\n${change}\n` : '',
              'Use the Switchyard tools, in this order:',
              `1. get_resource with ref "${ref}" to read what it is.`,
              '2. get_schema if it is a message, to see the fields the change touches.',
              `3. impact_of_change with ref "${ref}" for producers, consumers, flows, pinned versions and owners.`,
              '4. get_owners for each affected resource whose owners you need to contact.',
              '',
              'Then answer with: (a) whether the change is breaking and for whom, naming each consumer;',
              '(b) the flows and steps affected, including failure paths; (c) versions to bump and pinned consumers',
              'that will not follow; (d) the people and teams to tell, with their contacts; (e) catalog pages to update.',
              'Cite every resource with its link.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
