import { z } from 'zod';
import { peopleShape, referenceList, referenceSchema } from './_shared.js';
import { defineKind } from './kind.js';

export const userSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  avatarUrl: z.string().optional(),
  role: z.string().optional(),
  email: z.string().optional(),
  slackDirectMessageUrl: z.string().optional(),
  msTeamsDirectMessageUrl: z.string().optional(),
  associatedTeams: z.array(referenceSchema).optional(),
  hidden: z.boolean().optional(),
  /** EventCatalog 1.x config users carry a summary. */
  summary: z.string().optional(),
  ...peopleShape,
});
export type User = z.infer<typeof userSchema>;

/** A person: owns resources and belongs to teams. One file in users/ at the root. */
export const userKind = defineKind({
  kind: 'user',
  plural: 'users',
  label: 'User',
  versioned: false,
  identifiedBy: 'frontmatter',
  schema: userSchema,
  pointers: (u) =>
    referenceList(u.associatedTeams, ['associatedTeams'], ['team'], 'memberOf').map((s) => ({
      ...s,
      unknownCode: 'unknown-owner' as const,
    })),
});
