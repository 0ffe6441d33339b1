import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind, type MessageKind } from './kind.js';

export const messageSchema = z.object({
  ...commonShape,
  schemas: z
    .array(
      z.strictObject({ path: z.string().min(1), name: z.string().optional(), format: z.string().optional() }),
    )
    .optional(),
  operation: z
    .strictObject({
      method: z.string().optional(),
      path: z.string().optional(),
      statusCodes: z.array(z.union([z.string(), z.number()])).optional(),
    })
    .optional(),
  /** Legacy: channels named on the message rather than on the service's sends/receives. */
  channels: z
    .array(pointerSchema.extend({ parameters: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
  detailsPanel: z.record(z.string(), z.unknown()).optional(),
});
export type Message = z.infer<typeof messageSchema>;

function messageKind(kind: MessageKind, plural: string, label: string) {
  return defineKind({
    kind,
    plural,
    label,
    versioned: true,
    identifiedBy: 'frontmatter',
    schema: messageSchema,
    pointers: (m) => [
      ...commonPointers(m),
      ...pointerList(m.channels, ['channels'], ['channel'], 'travelsOn'),
    ],
    files: commonFiles,
  });
}

export const eventKind = messageKind('event', 'events', 'Event');
export const commandKind = messageKind('command', 'commands', 'Command');
export const queryKind = messageKind('query', 'queries', 'Query');
