import { z } from 'zod';
import {
  commonFiles,
  commonPointers,
  commonShape,
  ownerSchema,
  ownerSites,
  pointerList,
  pointerSchema,
} from './_shared.js';
import { defineKind, isKind, kinds, type PointerSite } from './kind.js';

export const adrSchema = z.object({
  ...commonShape,
  status: z.enum(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']).optional(),
  date: z.union([z.string(), z.date()]).optional(),
  decisionMakers: z.array(ownerSchema).optional(),
  appliesTo: z
    .array(z.strictObject({ type: z.string(), id: z.string().min(1), version: z.string().optional() }))
    .optional(),
  supersedes: z.array(pointerSchema).optional(),
  supersededBy: z.array(pointerSchema).optional(),
  related: z.array(pointerSchema).optional(),
  amends: z.array(pointerSchema).optional(),
  amendedBy: z.array(pointerSchema).optional(),
});
export type Adr = z.infer<typeof adrSchema>;

/** An architecture decision record. */
export const adrKind = defineKind({
  kind: 'adr',
  plural: 'adrs',
  label: 'ADR',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: adrSchema,
  pointers: (a) => [
    ...commonPointers(a),
    ...ownerSites(a.decisionMakers, ['decisionMakers'], 'decidedBy'),
    ...(a.appliesTo ?? []).map(
      (t, i): PointerSite => ({
        path: ['appliesTo', i],
        id: t.id,
        version: t.version,
        // An unknown `type` is reported by check(); here it may name any kind.
        targets: isKind(t.type) ? [t.type] : kinds,
        relation: 'appliesTo',
      }),
    ),
    ...pointerList(a.supersedes, ['supersedes'], ['adr'], 'supersedes'),
    ...pointerList(a.supersededBy, ['supersededBy'], ['adr'], 'supersededBy'),
    ...pointerList(a.related, ['related'], ['adr'], 'related'),
    ...pointerList(a.amends, ['amends'], ['adr'], 'amends'),
    ...pointerList(a.amendedBy, ['amendedBy'], ['adr'], 'amendedBy'),
  ],
  files: commonFiles,
  check: (a) =>
    (a.appliesTo ?? []).flatMap((t, i) =>
      isKind(t.type)
        ? []
        : [
            {
              code: 'invalid-frontmatter' as const,
              path: ['appliesTo', i, 'type'],
              message: `"${t.type}" is not a kind; use one of ${kinds.join(', ')}.`,
            },
          ],
    ),
});
