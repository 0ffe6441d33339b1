import { z } from 'zod';
import {
  commonFiles,
  commonPointers,
  commonShape,
  pointerList,
  pointerSchema,
  referenceList,
  referenceSchema,
} from './_shared.js';
import { defineKind, type MessageKind } from './kind.js';

const reverseByName = { reverse: true, byName: true } as const;

export const messageSchema = z.object({
  ...commonShape,
  schemas: z
    .array(
      z.strictObject({
        id: z.string().optional(),
        path: z.string().min(1).optional(),
        file: z.string().optional(),
        ref: z.string().optional(),
        name: z.string().optional(),
        format: z.string().optional(),
        environments: z.array(z.string()).optional(),
        default: z.boolean().optional(),
      }),
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
  /** Channels the message travels on, as references (EventCatalog 4). */
  messageChannels: z.array(referenceSchema).optional(),
  /**
   * The services that send and receive the message, written on the message (1.x by name; later as
   * references): the same edges as the services' own `sends`/`receives`.
   */
  producers: z.array(referenceSchema).optional(),
  consumers: z.array(referenceSchema).optional(),
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
      ...referenceList(m.messageChannels, ['messageChannels'], ['channel'], 'travelsOn'),
      ...referenceList(m.producers, ['producers'], ['service'], 'sends', reverseByName),
      ...referenceList(m.consumers, ['consumers'], ['service'], 'receives', reverseByName),
    ],
    files: commonFiles,
  });
}

export const eventKind = messageKind('event', 'events', 'Event');
export const commandKind = messageKind('command', 'commands', 'Command');
export const queryKind = messageKind('query', 'queries', 'Query');
