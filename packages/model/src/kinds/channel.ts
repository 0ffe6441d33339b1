import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind, type Kind, messageKinds, type PointerSite } from './kind.js';

const channelPointer = pointerSchema.extend({ parameters: z.record(z.string(), z.unknown()).optional() });

/** `collection: events` names the kind; without it any message kind. */
function messageTargets(collection: string | undefined): readonly Kind[] {
  const kind = messageKinds.find((k) => collection === `${k === 'query' ? 'querie' : k}s`);
  return kind ? [kind] : messageKinds;
}

export const channelSchema = z.object({
  ...commonShape,
  /** May hold `{param}` placeholders named in `parameters`. */
  address: z.string().optional(),
  protocols: z.array(z.string()).optional(),
  deliveryGuarantee: z.string().optional(),
  parameters: z
    .record(
      z.string(),
      z.strictObject({
        enum: z.array(z.string()).optional(),
        default: z.string().optional(),
        description: z.string().optional(),
        examples: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  routes: z.array(channelPointer).optional(),
  /** Channels this one holds or leads to (EventCatalog 4). */
  channels: z.array(channelPointer).optional(),
  /** The messages on the channel, written on the channel: `{collection: events, id, name, version?}`. */
  messages: z
    .array(
      z.strictObject({
        collection: z.string().optional(),
        id: z.string().min(1),
        name: z.string().optional(),
        version: z.string().optional(),
      }),
    )
    .optional(),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelKind = defineKind({
  kind: 'channel',
  plural: 'channels',
  label: 'Channel',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: channelSchema,
  pointers: (c) => [
    ...commonPointers(c),
    ...pointerList(c.routes, ['routes'], ['channel'], 'routesTo'),
    ...pointerList(c.channels, ['channels'], ['channel'], 'routesTo'),
    ...(c.messages ?? []).map(
      (m, i): PointerSite => ({
        path: ['messages', i],
        id: m.id,
        version: m.version,
        targets: messageTargets(m.collection),
        relation: 'travelsOn',
        reverse: true,
      }),
    ),
  ],
  files: commonFiles,
});
