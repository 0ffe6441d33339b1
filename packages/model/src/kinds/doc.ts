import { z } from 'zod';
import { badgeSchema, ownerSchema, ownerSites } from './_shared.js';
import { defineKind } from './kind.js';

export const docSchema = z.object({
  title: z.string().min(1),
  summary: z.string(),
  slug: z.string().optional(),
  sidebar: z.strictObject({ label: z.string().optional(), order: z.number().optional() }).optional(),
  owners: z.array(ownerSchema).optional(),
  badges: z.array(badgeSchema).optional(),
  hidden: z.boolean().optional(),
  draft: z.boolean().optional(),
});
export type Doc = z.infer<typeof docSchema>;

/**
 * A custom doc: any Markdown file under the root docs/ folder. Its id is its path there without the
 * extension (`flows/01-place-an-order`); folders make sidebar groups and `01-` prefixes order them.
 */
export const docKind = defineKind({
  kind: 'doc',
  plural: 'docs',
  label: 'Doc',
  versioned: false,
  identifiedBy: 'path',
  schema: docSchema,
  pointers: (d) => ownerSites(d.owners),
});
