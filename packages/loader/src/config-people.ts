import {
  buildResource,
  type Diagnostic,
  diagnostic,
  kindDef,
  type Resource,
  validateFrontmatter,
} from '@switchyard/model';

/**
 * The `users` an EventCatalog 1.x config declares, as user resources (1.x had no `users/` folder).
 * Each is validated like a `users/` file; positions are the line of its `id` in the config text.
 */
export function readConfigUsers(
  file: string,
  text: string,
  users: readonly unknown[],
  taken: ReadonlySet<string>,
): { resources: Resource[]; diagnostics: Diagnostic[] } {
  const def = kindDef('user');

  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  users.forEach((entry, i) => {
    const at = lineOf(text, entry);
    const checked = validateFrontmatter(def, entry);
    for (const issue of checked.issues) {
      diagnostics.push(
        diagnostic(
          issue.code,
          `users[${i}]: ${issue.message}`,
          { file, ...at },
          issue.hint ? { hint: issue.hint } : {},
        ),
      );
    }
    const data = checked.data as Resource<'user'>['data'] | undefined;
    if (!data || taken.has(data.id)) return;
    resources.push(
      buildResource({
        kind: 'user',
        id: data.id,
        version: '',
        data,
        custom: checked.custom,
        source: { file, dir: '', bodyLine: 1, position: () => [at.line, at.column] },
      }),
    );
  });
  return { resources, diagnostics };
}

/** Where a config entry's id is written (the first `id` key holding that value), else the top. */
function lineOf(text: string, entry: unknown): { line: number; column: number } {
  const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') return { line: 1, column: 1 };
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\bid\\s*:\\s*(['"\`])${escaped}\\1`).exec(text);
  if (!m) return { line: 1, column: 1 };
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  return { line, column: m.index - before.lastIndexOf('\n') };
}
