import { z } from 'zod';
import {
  commonFiles,
  commonPointers,
  commonShape,
  type Pointer,
  pointerList,
  pointerSchema,
} from './_shared.js';
import { defineKind, type MessageKind, type PointerSite, type Relation } from './kind.js';

/** A service named by a 1.x message: its name (1.x had no ids), or a pointer. */
const namedService = z.union([z.string().min(1), pointerSchema]);

/** 1.x `producers`/`consumers`: the same edges as the services' own `sends`/`receives`. */
function legacyMessaging(list: readonly (string | Pointer)[] | undefined, field: string, relation: Relation) {
  return (list ?? []).map(
    (p, i): PointerSite => ({
      path: [field, i],
      id: typeof p === 'string' ? p : p.id,
      version: typeof p === 'string' ? undefined : p.version,
      targets: ['service'],
      relation,
      reverse: true,
      byName: true,
    }),
  );
}

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
  /** EventCatalog 1.x: the services (by name) that send and receive the message. */
  producers: z.array(namedService).optional(),
  consumers: z.array(namedService).optional(),
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
      ...legacyMessaging(m.producers, 'producers', 'sends'),
      ...legacyMessaging(m.consumers, 'consumers', 'receives'),
    ],
    files: commonFiles,
  });
}

export const eventKind = messageKind('event', 'events', 'Event');
export const commandKind = messageKind('command', 'commands', 'Command');
export const queryKind = messageKind('query', 'queries', 'Query');
