import { z } from 'zod';
import { peopleShape, referenceList, referenceSchema } from './_shared.js';
import { defineKind } from './kind.js';

export const teamSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  summary: z.string().optional(),
  email: z.string().optional(),
  members: z.array(referenceSchema).optional(),
  slackDirectMessageUrl: z.string().optional(),
  msTeamsDirectMessageUrl: z.string().optional(),
  hidden: z.boolean().optional(),
  avatarUrl: z.string().optional(),
  role: z.string().optional(),
  ...peopleShape,
});
export type Team = z.infer<typeof teamSchema>;

/** A team: owns resources (through their `owners`) and has members. One file in teams/ at the root. */
export const teamKind = defineKind({
  kind: 'team',
  plural: 'teams',
  label: 'Team',
  versioned: false,
  identifiedBy: 'frontmatter',
  schema: teamSchema,
  pointers: (t) =>
    referenceList(t.members, ['members'], ['user'], 'hasMember').map((s) => ({
      ...s,
      unknownCode: 'unknown-owner' as const,
    })),
});
