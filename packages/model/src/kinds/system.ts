import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind, type PointerSite } from './kind.js';

const pointers = z.array(pointerSchema).optional();

export const systemSchema = z.object({
  ...commonShape,
  scope: z.enum(['internal', 'external']).optional(),
  services: pointers,
  flows: pointers,
  entities: pointers,
  containers: pointers,
  relationships: z
    .array(
      z.strictObject({ id: z.string().min(1), version: z.string().optional(), label: z.string().optional() }),
    )
    .optional(),
  actors: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string().optional(),
        label: z.string().optional(),
        direction: z.enum(['inbound', 'outbound']).optional(),
      }),
    )
    .optional(),
});
export type System = z.infer<typeof systemSchema>;

export const systemKind = defineKind({
  kind: 'system',
  plural: 'systems',
  label: 'System',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: systemSchema,
  pointers: (s) => [
    ...commonPointers(s),
    ...pointerList(s.services, ['services'], ['service'], 'contains'),
    ...pointerList(s.flows, ['flows'], ['flow'], 'contains'),
    ...pointerList(s.entities, ['entities'], ['entity'], 'contains'),
    ...pointerList(s.containers, ['containers'], ['container'], 'contains'),
    ...(s.relationships ?? []).map(
      (r, i): PointerSite => ({
        path: ['relationships', i],
        id: r.id,
        version: r.version,
        targets: ['system'],
        relation: 'relatesTo',
        label: r.label,
      }),
    ),
  ],
  files: commonFiles,
});
