import { existsSync } from 'node:fs';
import { archiveVersion, insideCatalog, writeFileAtomic } from '@switchyard/loader';
import type { Change, Plan } from './plan.js';

/** Writes a plan: archives first (they copy the files the updates then replace), then creates and updates. */
export async function applyPlan(root: string, plan: Plan): Promise<void> {
  const archives = plan.changes.filter((c) => c.type === 'archive');
  for (const change of archives) await archiveVersion(root, change.file, change.version);
  for (const change of plan.changes) {
    if (change.type === 'archive') continue;
    const file = insideCatalog(root, change.file);
    if (change.type === 'create' && existsSync(file)) {
      throw new Error(`${change.file} appeared while importing; it was left as it is.`);
    }
    await writeFileAtomic(file, change.content);
  }
}

/** One line per change, for the terminal and for --dry-run. */
export function describePlan(plan: Plan): string {
  const width = 8;
  const line = (c: Change) => `  ${c.type.padEnd(width)}${c.file}  (${c.what})\n`;
  let text = plan.changes.map(line).join('');
  for (const note of plan.notes) text += `  note    ${note}\n`;
  return text;
}
