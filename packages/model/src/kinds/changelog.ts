import { z } from 'zod';
import { badgeSchema } from './_shared.js';
import { defineKind } from './kind.js';

export const changelogSchema = z.object({
  createdAt: z.union([z.string(), z.date()]).optional(),
  badges: z.array(badgeSchema).optional(),
  /** Written by EventCatalog's own tools; the version comes from the folder. */
  version: z.string().optional(),
  versions: z.array(z.string()).optional(),
  latestVersion: z.string().optional(),
  catalog: z.unknown().optional(),
});
export type Changelog = z.infer<typeof changelogSchema>;

/** The changelog beside a resource version (`changelog.md` next to its index). Frontmatter is optional. */
export const changelogKind = defineKind({
  kind: 'changelog',
  plural: 'changelogs',
  label: 'Changelog',
  versioned: true,
  identifiedBy: 'attachment',
  schema: changelogSchema,
  pointers: () => [],
});
