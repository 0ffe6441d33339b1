import { z } from 'zod';
import { messagingPointers, messagingShape } from './_messaging.js';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind } from './kind.js';

const pointers = z.array(pointerSchema).optional();

export const agentSchema = z.object({
  ...commonShape,
  ...messagingShape,
  /** `{provider, name, version}` (EventCatalog 4); a plain string is read as the model's name. */
  model: z
    .union([
      z.string(),
      z.strictObject({
        provider: z.string().optional(),
        name: z.string().optional(),
        version: z.string().optional(),
      }),
    ])
    .optional(),
  provider: z.string().optional(),
  tools: z
    .array(
      z.union([
        z.string(),
        z.strictObject({
          name: z.string(),
          type: z.string().optional(),
          icon: z.string().optional(),
          url: z.string().optional(),
          description: z.string().optional(),
        }),
      ]),
    )
    .optional(),
  writesTo: pointers,
  readsFrom: pointers,
  flows: pointers,
});
export type Agent = z.infer<typeof agentSchema>;

/** An AI agent that takes part in flows and may send and receive messages like a service. */
export const agentKind = defineKind({
  kind: 'agent',
  plural: 'agents',
  label: 'Agent',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: agentSchema,
  pointers: (a) => [
    ...commonPointers(a),
    ...messagingPointers(a),
    ...pointerList(a.writesTo, ['writesTo'], ['container'], 'writesTo'),
    ...pointerList(a.readsFrom, ['readsFrom'], ['container'], 'readsFrom'),
    ...pointerList(a.flows, ['flows'], ['flow'], 'contains'),
  ],
  files: commonFiles,
});
