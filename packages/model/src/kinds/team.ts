import { z } from 'zod';
import { pointerList } from './_shared.js';
import { defineKind } from './kind.js';

export const teamSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  summary: z.string().optional(),
  email: z.string().optional(),
  members: z.array(z.string()).optional(),
  slackDirectMessageUrl: z.string().optional(),
  msTeamsDirectMessageUrl: z.string().optional(),
  hidden: z.boolean().optional(),
  avatarUrl: z.string().optional(),
  role: z.string().optional(),
  ownedCommands: z.array(z.unknown()).optional(),
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
    pointerList(
      t.members?.map((id) => ({ id })),
      ['members'],
      ['user'],
      'hasMember',
    ).map((s) => ({ ...s, unknownCode: 'unknown-owner' as const })),
});
