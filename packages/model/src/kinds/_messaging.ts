import { z } from 'zod';
import type { Kind, PointerSite } from './kind.js';
import { messageKinds } from './kind.js';

const channelPointer = z.strictObject({
  id: z.string().min(1),
  version: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  delivery_mode: z.enum(['push', 'pull', 'push-pull']).optional(),
});

const trigger = z.strictObject({
  id: z.string().min(1),
  version: z.string().optional(),
  condition: z.string().optional(),
});

const messagePointer = {
  id: z.string().min(1),
  version: z.string().optional(),
  fields: z.array(z.string()).optional(),
  /** Groups the message with others on the service's page and map. */
  group: z.string().optional(),
};

export const sendSchema = z.strictObject({ ...messagePointer, to: z.array(channelPointer).optional() });
export const receiveSchema = z.strictObject({
  ...messagePointer,
  from: z.array(channelPointer).optional(),
  triggers: z.array(trigger).optional(),
});

/** `sends`/`receives` as services, domains and agents declare them. */
export const messagingShape = {
  sends: z.array(sendSchema).optional(),
  receives: z.array(receiveSchema).optional(),
};

type Messaging = {
  sends?: z.infer<typeof sendSchema>[] | undefined;
  receives?: z.infer<typeof receiveSchema>[] | undefined;
};

const channelKinds: readonly Kind[] = ['channel'];

/**
 * Sites for sends and receives. A channel (`to`/`from`) or trigger qualifies the message pointer before it,
 * which it names by `parent` so the graph can say "sends X through channel C".
 */
export function messagingPointers(data: Messaging): PointerSite[] {
  const sites: PointerSite[] = [];
  data.sends?.forEach((s, i) => {
    const parent: PointerSite = {
      path: ['sends', i],
      id: s.id,
      version: s.version,
      targets: messageKinds,
      relation: 'sends',
    };
    sites.push(parent);
    s.to?.forEach((c, j) => {
      sites.push({
        path: ['sends', i, 'to', j],
        id: c.id,
        version: c.version,
        targets: channelKinds,
        relation: 'sendsTo',
        parent,
      });
    });
  });
  data.receives?.forEach((r, i) => {
    const parent: PointerSite = {
      path: ['receives', i],
      id: r.id,
      version: r.version,
      targets: messageKinds,
      relation: 'receives',
    };
    sites.push(parent);
    r.from?.forEach((c, j) => {
      sites.push({
        path: ['receives', i, 'from', j],
        id: c.id,
        version: c.version,
        targets: channelKinds,
        relation: 'receivesFrom',
        parent,
      });
    });
    r.triggers?.forEach((t, j) => {
      sites.push({
        path: ['receives', i, 'triggers', j],
        id: t.id,
        version: t.version,
        targets: messageKinds,
        relation: 'triggers',
        parent,
        label: t.condition,
      });
    });
  });
  return sites;
}
