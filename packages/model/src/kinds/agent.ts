import { z } from 'zod';
import { messagingPointers, messagingShape } from './_messaging.js';
import { commonFiles, commonPointers, commonShape } from './_shared.js';
import { defineKind } from './kind.js';

export const agentSchema = z.object({
  ...commonShape,
  ...messagingShape,
  model: z.string().optional(),
  provider: z.string().optional(),
  tools: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).optional(),
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
  pointers: (a) => [...commonPointers(a), ...messagingPointers(a)],
  files: commonFiles,
});
