import {
  causesOf,
  conditionClause,
  isMessageKind,
  type Resource,
  reactionsTo,
  type Trigger,
  triggersOf,
  versionsOf,
} from '@switchyard/model';
import { useRender } from '../context.js';
import { ResourceRef } from './ref.js';

/** Rows shown per table; past it a line counts the rest (so a page stays small). */
const shownRows = 50;

/** The condition as its services wrote it, or a dash. */
function When({ trigger }: { trigger: Trigger }) {
  return trigger.condition ? <>{conditionClause(trigger.condition)}</> : <span class="sy-muted">always</span>;
}

function More({ count }: { count: number }) {
  return count > shownRows ? <p class="sy-muted">and {count - shownRows} more</p> : null;
}

/** A table of triggers with the given columns, each a cell of one trigger. */
function TriggerTable({
  label,
  triggers,
  columns,
}: {
  label: string;
  triggers: Trigger[];
  columns: [string, (t: Trigger) => preact.ComponentChildren][];
}) {
  return (
    <>
      <div class="sy-table-wrap">
        <table class="sy-table sy-triggers" aria-label={label}>
          <thead>
            <tr>
              {columns.map(([title]) => (
                <th key={title} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {triggers.slice(0, shownRows).map((t) => (
              <tr key={`${t.service.key} ${t.received.key} ${t.sent.key} ${t.condition ?? ''}`}>
                {columns.map(([title, cell]) => (
                  <td key={title}>{cell(t)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More count={triggers.length} />
    </>
  );
}

/**
 * Trigger paths, from the services' declared triggers (`receives[].triggers`): on a message's page what
 * receiving it causes and what causes it to be sent; on a service's page its reactions (receives X →
 * sends Y when …). Nothing when no trigger names the resource.
 */
export function TriggerSection({ resource }: { resource: Resource }) {
  const { catalog } = useRender();
  const message = isMessageKind(resource.kind);
  if (!message && resource.kind !== 'service') return null;
  const everyVersion = message ? versionsOf(catalog, resource.kind, resource.id) : [];
  const causes = message ? everyVersion.flatMap((v) => reactionsTo(catalog, v)) : [];
  const causedBy = message ? everyVersion.flatMap((v) => causesOf(catalog, v)) : [];
  const reactions = message ? [] : triggersOf(catalog, resource);
  if (causes.length + causedBy.length + reactions.length === 0) return null;
  const ref = (r: Resource) => <ResourceRef resource={r} />;
  return (
    <section class="sy-prose sy-trigger-paths" aria-labelledby="trigger-paths">
      <h2 id="trigger-paths">{message ? 'Causes and caused by' : 'Reactions'}</h2>
      {causes.length > 0 && (
        <>
          <h3 id="causes">Causes</h3>
          <p class="sy-muted">What services send when they receive this {resource.kind}.</p>
          <TriggerTable
            label="Causes"
            triggers={causes}
            columns={[
              ['Service', (t) => ref(t.service)],
              ['Sends', (t) => ref(t.sent)],
              ['When', (t) => <When trigger={t} />],
            ]}
          />
        </>
      )}
      {causedBy.length > 0 && (
        <>
          <h3 id="caused-by">Caused by</h3>
          <p class="sy-muted">What makes services send this {resource.kind}.</p>
          <TriggerTable
            label="Caused by"
            triggers={causedBy}
            columns={[
              ['Receiving', (t) => ref(t.received)],
              ['Service', (t) => ref(t.service)],
              ['When', (t) => <When trigger={t} />],
            ]}
          />
        </>
      )}
      {reactions.length > 0 && (
        <>
          <p class="sy-muted">What this service sends in reaction to what it receives.</p>
          <TriggerTable
            label="Reactions"
            triggers={reactions}
            columns={[
              ['Receives', (t) => ref(t.received)],
              ['Sends', (t) => ref(t.sent)],
              ['When', (t) => <When trigger={t} />],
            ]}
          />
        </>
      )}
    </section>
  );
}
