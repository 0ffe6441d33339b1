import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { answer, guarded, ToolError } from '../context.js';

/** Compares the catalog at two git revisions; supplied by the command, which owns git and the file system. */
export type DiffRevisions = (
  base: string,
  head: string | undefined,
) => Promise<{ markdown: string; report: Record<string, unknown> }>;

const revision = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][\w./~^@{}-]*$/, 'a git revision such as "main", "HEAD~1", "v1.2.0" or a commit hash')
  .max(200);

export function registerDiffTool(server: McpServer, diff: DiffRevisions): void {
  server.registerTool(
    'diff_revisions',
    {
      title: 'Diff between two git revisions',
      description:
        'What changed in the catalog between two git revisions of its repository: resources added, removed and changed, relations added and removed, and schema changes classified as breaking or not (with the consumers they hurt and whom to ask). `head` defaults to the working tree. Use it to review a branch: base "main".',
      inputSchema: {
        base: revision.describe('the older revision, e.g. "main" or "HEAD~1"'),
        head: revision.optional().describe('the newer revision (default: the working tree as it is now)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(async ({ base, head }: { base: string; head?: string | undefined }) => {
      try {
        const { markdown, report } = await diff(base, head);
        return answer(markdown, report);
      } catch (error) {
        throw new ToolError((error as Error).message);
      }
    }),
  );
}
