import {
  type Catalog,
  conditionClause,
  type ImpactPeer,
  type ImpactRef,
  type ImpactReport,
  impactOf,
  isMessageKind,
  kindDef,
  type Resource,
  resolveBodyReference,
} from '@switchyard/model';
import { useRender } from '../context.js';
import { ResourceRef } from './ref.js';

const refText = (r: ImpactRef) => `${r.name} (${r.key})`;

function peerText(p: ImpactPeer): string {
  const via = p.channels.length > 0 ? ` via ${p.channels.map((c) => c.id).join(', ')}` : '';
  const through = p.through ? ` through ${p.through}` : '';
  return `${refText(p.resource)}${via}${through}`;
}

/**
 * The impact report in a few lines of plain text: what "Copy with context" puts after a prompt, so an
 * AI assistant's answer is grounded in the catalog.
 */
export function renderImpactCompact(report: ImpactReport): string {
  const s = report.subject;
  const lines = [`Catalog context for ${kindDef(s.kind as Resource['kind']).label} ${refText(s)}:`];
  if (s.summary) lines.push(`Summary: ${s.summary.replace(/\s+/g, ' ')}`);
  const list = (label: string, items: string[]) => {
    if (items.length > 0) lines.push(`${label}: ${items.join('; ')}`);
  };
  list('Producers', report.producers.filter((p) => p.distance === 1).map(peerText));
  list('Consumers', report.consumers.filter((p) => p.distance === 1).map(peerText));
  list(
    'Reached through triggers',
    [...report.producers, ...report.consumers].filter((p) => p.distance > 1).map(peerText),
  );
  list(
    'Causes (services react by sending)',
    report.reactions
      .filter((r) => r.depth === 1)
      .map(
        (r) =>
          `${r.service.name} sends ${refText(r.sent)}${r.condition ? ` ${conditionClause(r.condition)}` : ''}`,
      ),
  );
  list(
    'Caused by',
    report.causes
      .filter((r) => r.depth === 1)
      .map(
        (r) =>
          `${refText(r.received)} received by ${r.service.name}${r.condition ? ` ${conditionClause(r.condition)}` : ''}`,
      ),
  );
  list(
    'Sends',
    report.sends.map(
      (x) => `${refText(x.message)} to ${x.counterparts.map((c) => c.name).join(', ') || 'nobody known'}`,
    ),
  );
  list(
    'Receives',
    report.receives.map(
      (x) => `${refText(x.message)} from ${x.counterparts.map((c) => c.name).join(', ') || 'nobody known'}`,
    ),
  );
  list(
    'Data stores',
    report.dataStores.map((d) => `${d.access} ${refText(d.container)}`),
  );
  list(
    'Channels',
    report.channels.map((c) => c.id),
  );
  list(
    'Flows',
    report.flows.map((f) => {
      const failures = f.failureBranches.map((b) => `${b.from} -> ${b.to} (${b.label})`);
      const onFailure = f.steps.some((st) => st.onFailurePath) ? ', runs on a failure/compensation path' : '';
      return `${f.name} (${f.key})${f.through ? ` through ${f.through}` : ''}${onFailure}${
        failures.length > 0 ? `, failure paths: ${failures.join(', ')}` : ''
      }`;
    }),
  );
  list(
    'Domains crossed',
    report.domains.map((d) => d.name),
  );
  list(
    'Systems crossed',
    report.systems.map((d) => d.name),
  );
  list(
    'Owners to ask',
    report.owners.map((o) => `${o.name} (${o.kind}${o.email ? `, ${o.email}` : ''})`),
  );
  list(
    'Pinned versions',
    report.pinned
      .filter((p) => p.leftBehindBy.length > 0)
      .map((p) => `${p.peer.name} asks for ${p.requested}`),
  );
  return lines.join('\n');
}

/**
 * The resources a page is about, for "Copy with context": a message or service itself; for other pages,
 * the messages and services its text names (up to `max`), else the page's resource.
 */
export function contextResources(catalog: Catalog, resource: Resource, max = 6): Resource[] {
  if (hasImpactSection(resource)) return [resource];
  const named: Resource[] = [];
  for (const ref of resource.references) {
    const target = resolveBodyReference(catalog.versions, ref);
    if (target && hasImpactSection(target) && !named.includes(target)) named.push(target);
    if (named.length >= max) break;
  }
  return named.length > 0 ? named : [resource];
}

/** The prompt's context: the compact impact report of each resource the page is about. */
export function promptContext(catalog: Catalog, resource: Resource): string {
  return contextResources(catalog, resource)
    .map((r) => renderImpactCompact(impactOf(catalog, r, { depth: 2, mentions: false })))
    .join('\n\n');
}

/** Whether a page shows an Impact section: messages and services. */
export function hasImpactSection(resource: Resource): boolean {
  return isMessageKind(resource.kind) || resource.kind === 'service';
}

/** Names listed per line of the Impact section; past it the line counts the rest (so a page stays small). */
const shownPerLine = 12;

function Refs({ refs }: { refs: ImpactRef[] }) {
  const { catalog } = useRender();
  const unique = [...new Map(refs.map((r) => [r.key, r])).values()];
  const rest = unique.length - shownPerLine;
  return (
    <>
      {unique.slice(0, shownPerLine).map((r, i) => {
        const resource = catalog.byKey.get(r.key);
        return (
          <span key={r.key}>
            {i > 0 && ', '}
            {resource ? <ResourceRef resource={resource} /> : r.name}
          </span>
        );
      })}
      {rest > 0 && <span class="sy-muted"> and {rest} more</span>}
    </>
  );
}

/** "Impact": who a change to this message or service affects, which teams to ask, which flows it runs in. */
export function ImpactSection({ resource }: { resource: Resource }) {
  const { catalog } = useRender();
  if (!hasImpactSection(resource)) return null;
  const report = impactOf(catalog, resource, { depth: 2, mentions: false });
  const direct = (list: ImpactPeer[]) => list.filter((p) => p.distance === 1).map((p) => p.resource);
  const further = [...report.producers, ...report.consumers]
    .filter((p) => p.distance > 1)
    .map((p) => p.resource);
  const rows: [string, ImpactRef[]][] = isMessageKind(resource.kind)
    ? [
        ['Sent by', direct(report.producers)],
        ['Received by', direct(report.consumers)],
        ['Reached through triggers', further],
      ]
    : [
        ['Sends to', report.sends.flatMap((x) => x.counterparts)],
        ['Receives from', report.receives.flatMap((x) => x.counterparts)],
        ['Data stores', report.dataStores.map((d) => d.container)],
      ];
  const teams = report.owners;
  return (
    <section class="sy-prose sy-impact" aria-labelledby="impact">
      <h2 id="impact">Impact</h2>
      <p class="sy-muted">
        Who a change to this {kindDef(resource.kind).label.toLowerCase()} affects, from the catalog.
      </p>
      <ul>
        {rows
          .filter(([, refs]) => refs.length > 0)
          .map(([label, refs]) => (
            <li key={label}>
              <strong>{label}:</strong> <Refs refs={refs} />
            </li>
          ))}
        {report.domains.length > 0 && (
          <li>
            <strong>Domains crossed:</strong> <Refs refs={report.domains} />
          </li>
        )}
        {teams.length > 0 && (
          <li>
            <strong>Teams to ask:</strong>{' '}
            {teams.map((o, i) => {
              const owner = catalog.byKey.get(o.kind === 'team' ? `team:${o.id}` : `user:${o.id}`);
              return (
                <span key={o.id}>
                  {i > 0 && ', '}
                  {owner ? <ResourceRef resource={owner} /> : o.name}
                  {o.email && (
                    <>
                      {' '}
                      (<a href={`mailto:${o.email}`}>{o.email}</a>)
                    </>
                  )}
                </span>
              );
            })}
          </li>
        )}
      </ul>
      {report.flows.length > 0 && (
        <>
          <h3 id="impact-flows">Flows</h3>
          <ul>
            {report.flows.slice(0, shownPerLine).map((f) => {
              const flow = catalog.byKey.get(f.key);
              const onFailure = f.steps.some((s) => s.onFailurePath);
              return (
                <li key={f.key}>
                  {flow ? <ResourceRef resource={flow} /> : f.name}
                  {f.through && <span class="sy-muted"> (as part of a subflow)</span>}
                  {onFailure && <> — runs on a failure or compensation path</>}
                  {f.failureBranches.length > 0 && (
                    <> — failure paths after it: {f.failureBranches.map((b) => b.label).join('; ')}</>
                  )}
                </li>
              );
            })}
            {report.flows.length > shownPerLine && (
              <li class="sy-muted">and {report.flows.length - shownPerLine} more</li>
            )}
          </ul>
        </>
      )}
      <p class="sy-muted">
        The whole report: <code>switchyard impact {resource.key}</code>.
      </p>
    </section>
  );
}
