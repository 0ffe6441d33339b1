import type { FieldChange } from '@switchyard/schemas';

const labels: Record<FieldChange['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  'type-changed': 'Type changed',
  'required-changed': 'Required changed',
};

function detail(c: FieldChange): string {
  switch (c.kind) {
    case 'added':
      return `${c.to.type}${c.to.required ? ', required' : ''}`;
    case 'removed':
      return `was ${c.from.type}${c.from.required ? ', required' : ''}`;
    case 'type-changed':
      return `${c.from.type} → ${c.to.type}`;
    case 'required-changed':
      return c.to.required ? 'optional → required' : 'required → optional';
  }
}

/** Field-level changes between two versions of a schema, as a table. */
export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p class="sy-diff-empty">No field changed.</p>;
  return (
    <div class="sy-table-wrap">
      <table class="sy-table sy-diff-fields">
        <thead>
          <tr>
            <th>Change</th>
            <th>Field</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.kind}:${c.path}`} class={`sy-diff-row sy-diff-row--${c.kind}`} data-change={c.kind}>
              <td>{labels[c.kind]}</td>
              <td>
                <code>{c.path}</code>
              </td>
              <td>{detail(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A unified diff, each line marked as added, removed or context for the stylesheet. */
export function TextDiff({ patch }: { patch: string }) {
  const lines = patch.split('\n').slice(2);
  if (!lines.some((l) => l.startsWith('@@'))) return <p class="sy-diff-empty">The files are the same.</p>;
  return (
    <pre class="sy-code sy-diff-text">
      <code>
        {lines.map((l, i) => {
          const kind = l.startsWith('+')
            ? 'add'
            : l.startsWith('-')
              ? 'del'
              : l.startsWith('@@')
                ? 'hunk'
                : 'ctx';
          return <span key={i} class={`sy-diff-line sy-diff-line--${kind}`}>{`${l}\n`}</span>;
        })}
      </code>
    </pre>
  );
}
