import { z } from 'zod';
import { messagingPointers, messagingShape } from './_messaging.js';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind } from './kind.js';

const pointers = z.array(pointerSchema).optional();

export const serviceSchema = z.object({
  ...commonShape,
  ...messagingShape,
  entities: pointers,
  writesTo: pointers,
  readsFrom: pointers,
  flows: pointers,
  /** Marks a service run by someone else (a SaaS, a partner). */
  externalSystem: z.boolean().optional(),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceKind = defineKind({
  kind: 'service',
  plural: 'services',
  label: 'Service',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: serviceSchema,
  pointers: (s) => [
    ...commonPointers(s),
    ...messagingPointers(s),
    ...pointerList(s.entities, ['entities'], ['entity'], 'uses'),
    ...pointerList(s.writesTo, ['writesTo'], ['container'], 'writesTo'),
    ...pointerList(s.readsFrom, ['readsFrom'], ['container'], 'readsFrom'),
    ...pointerList(s.flows, ['flows'], ['flow'], 'contains'),
  ],
  files: commonFiles,
});
