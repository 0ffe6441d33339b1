import { z } from 'zod';
import { pointerList } from './_shared.js';
import { defineKind } from './kind.js';

export const userSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  avatarUrl: z.string().optional(),
  role: z.string().optional(),
  email: z.string().optional(),
  slackDirectMessageUrl: z.string().optional(),
  msTeamsDirectMessageUrl: z.string().optional(),
  associatedTeams: z.array(z.string()).optional(),
  hidden: z.boolean().optional(),
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
    pointerList(
      u.associatedTeams?.map((id) => ({ id })),
      ['associatedTeams'],
      ['team'],
      'memberOf',
    ).map((s) => ({ ...s, unknownCode: 'unknown-owner' as const })),
});
