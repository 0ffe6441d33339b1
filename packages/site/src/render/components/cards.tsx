import { type Resource, summaryOf } from '@switchyard/model';
import type { ComponentChildren } from 'preact';
import { ResourceRef } from './ref.js';

/** A grid of resources: each a link with its hover card, its summary, and an optional note under it. */
export function ResourceCards({
  resources,
  note,
}: {
  resources: readonly Resource[];
  note?: (r: Resource) => ComponentChildren;
}) {
  return (
    <ul class="sy-cards">
      {resources.map((r) => (
        <li key={r.key} class="sy-cards__item">
          <ResourceRef resource={r} />
          <p>{summaryOf(r) ?? (r.data as { role?: string }).role}</p>
          {note && <p class="sy-muted">{note(r)}</p>}
        </li>
      ))}
    </ul>
  );
}
