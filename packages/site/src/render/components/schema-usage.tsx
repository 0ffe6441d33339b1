import { consumersOf, type Resource } from '@switchyard/model';
import { allFields } from '@switchyard/schemas';
import { useRender } from '../context.js';
import { ResourceRef } from './ref.js';

/** The `fields` a consumer declares on its `receives` pointer to this message. */
function declaredFields(consumer: Resource, path: readonly (string | number)[]): string[] {
  let node: unknown = consumer.data;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[String(key)];
  const fields = (node as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(fields) ? fields.map(String) : [];
}

/**
 * Which consumers use which field of a message, from the `fields` they declare on `receives`; a field the
 * message's schema does not have is marked.
 */
export function FieldUsage({ resource }: { resource: Resource }) {
  const { catalog, schemas } = useRender();
  const uses = new Map<string, Resource[]>();
  for (const peer of consumersOf(catalog, resource)) {
    for (const name of declaredFields(peer.resource, peer.edge.path)) {
      const list = uses.get(name) ?? [];
      if (!list.includes(peer.resource)) list.push(peer.resource);
      uses.set(name, list);
    }
  }
  if (uses.size === 0) return null;
  const known = new Set<string>();
  for (const e of schemas?.byResource.get(resource.key) ?? []) {
    for (const f of allFields(e.parsed)) {
      known.add(f.path);
      known.add(f.name);
    }
  }
  return (
    <section class="sy-field-usage">
      <h2 id="field-usage">Fields used by consumers</h2>
      <div class="sy-table-wrap">
        <table class="sy-table">
          <thead>
            <tr>
              <th>Field</th>
              <th>Used by</th>
            </tr>
          </thead>
          <tbody>
            {[...uses].map(([name, consumers]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                  {known.size > 0 && !known.has(name) && (
                    <span class="sy-field-flag sy-field-flag--deprecated">not in the schema</span>
                  )}
                </td>
                <td>
                  {consumers.map((c, i) => (
                    <>
                      {i > 0 && ', '}
                      <ResourceRef key={c.key} resource={c} />
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
