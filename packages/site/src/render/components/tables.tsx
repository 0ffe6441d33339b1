import {
  type EntityProperty,
  getResource,
  kindDef,
  messagesOnChannel,
  nameOf,
  type Resource,
  receivesOf,
  resourcesOf,
  sendsOf,
  summaryOf,
} from '@switchyard/model';
import { useRender } from '../context.js';
import { Placeholder } from './basic.js';
import { ResourceRef } from './ref.js';

function useCurrent(): Resource | undefined {
  return useRender().resource;
}

/** The messages a service (or domain) sends and receives, with their channels. */
export function MessageTable({
  format = 'all',
  limit,
}: {
  format?: 'all' | 'sends' | 'receives';
  limit?: number;
}) {
  const { catalog } = useRender();
  const resource = useCurrent();
  if (!resource) return null;
  const rows = [
    ...(format !== 'receives' ? sendsOf(catalog, resource).map((p) => ({ ...p, direction: 'Sends' })) : []),
    ...(format !== 'sends'
      ? receivesOf(catalog, resource).map((p) => ({ ...p, direction: 'Receives' }))
      : []),
  ];
  const shown = limit ? rows.slice(0, limit) : rows;
  if (rows.length === 0) return <p class="sy-muted">No messages.</p>;
  return (
    <div class="sy-table-wrap">
      <table class="sy-table">
        <thead>
          <tr>
            <th>Message</th>
            <th>Type</th>
            <th>Direction</th>
            <th>Channels</th>
            <th>Summary</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.direction}${row.resource.key}`}>
              <td>
                <ResourceRef resource={row.resource} />
              </td>
              <td>{kindDef(row.resource.kind).label}</td>
              <td>{row.direction}</td>
              <td>
                {row.channels.map((c) => (
                  <ResourceRef key={c.key} resource={c} />
                ))}
              </td>
              <td>{summaryOf(row.resource)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {limit && rows.length > limit && <p class="sy-muted">{rows.length - limit} more not shown.</p>}
    </div>
  );
}

/** `belongsTo` → "belongs to". */
const humanize = (s: string) => {
  const words = s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function PropertyRows({ properties, depth }: { properties: EntityProperty[]; depth: number }) {
  const { catalog } = useRender();
  return (
    <>
      {properties.map((p) => {
        const ref = p.references ? getResource(catalog, 'entity', p.references) : undefined;
        const nested = p.properties ?? p.items?.properties;
        return (
          <>
            <tr key={`${depth}-${p.name}`}>
              <td style={depth ? `padding-left:${depth * 1.25 + 0.75}rem` : undefined}>
                <code>{p.name}</code>
              </td>
              <td>
                <code>{p.items ? `${p.items.type}[]` : p.type}</code>
              </td>
              <td>{p.required ? 'Yes' : 'No'}</td>
              <td>
                {p.description}
                {p.enum && <span class="sy-muted"> One of {p.enum.join(', ')}.</span>}
                {ref && (
                  <span>
                    {' '}
                    {humanize(p.relationType ?? 'references')} <ResourceRef resource={ref} />
                  </span>
                )}
              </td>
            </tr>
            {nested && <PropertyRows properties={nested} depth={depth + 1} />}
          </>
        );
      })}
    </>
  );
}

/** The properties of an entity, nested ones indented. */
export function EntityPropertiesTable() {
  const resource = useCurrent();
  const properties = (resource?.data as { properties?: EntityProperty[] } | undefined)?.properties;
  if (!properties?.length) return null;
  return (
    <div class="sy-table-wrap">
      <table class="sy-table">
        <thead>
          <tr>
            <th>Property</th>
            <th>Type</th>
            <th>Required</th>
            <th>Description</th>
          </tr>
        </thead>
        <tbody>
          <PropertyRows properties={properties} depth={0} />
        </tbody>
      </table>
    </div>
  );
}

const show = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The `x-` custom properties of the resource, as a table. */
export function CustomProperties({ title = 'Custom properties' }: { title?: string }) {
  const resource = useCurrent();
  const entries = Object.entries(resource?.custom ?? {});
  if (entries.length === 0) return null;
  return (
    <section class="sy-custom-properties">
      <h3>{title}</h3>
      <table class="sy-table">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k.replace(/^x-/, '')}</th>
              <td>{show(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One custom property by name (with or without the `x-`). */
export function CustomProperty({
  name,
  property,
  label,
}: {
  name?: string;
  property?: string;
  label?: string;
}) {
  const resource = useCurrent();
  const key = name ?? property ?? '';
  const value = resource?.custom[key] ?? resource?.custom[`x-${key}`];
  if (value === undefined) return null;
  return (
    <span class="sy-custom-property">
      <strong>{label ?? key.replace(/^x-/, '')}:</strong> {show(value)}
    </span>
  );
}

/** Address, protocols, delivery guarantee and parameters of a channel, and what travels on it. */
export function ChannelInformation() {
  const { catalog } = useRender();
  const channel = useCurrent();
  if (channel?.kind !== 'channel') return null;
  const data = channel.data as {
    address?: string;
    protocols?: string[];
    deliveryGuarantee?: string;
    parameters?: Record<string, { description?: string; enum?: string[]; default?: string }>;
  };
  const traffic = messagesOnChannel(catalog, channel);
  return (
    <section class="sy-channel">
      <dl class="sy-facts">
        {data.address && (
          <>
            <dt>Address</dt>
            <dd>
              <code>{data.address}</code>
            </dd>
          </>
        )}
        {data.protocols && (
          <>
            <dt>Protocols</dt>
            <dd>{data.protocols.join(', ')}</dd>
          </>
        )}
        {data.deliveryGuarantee && (
          <>
            <dt>Delivery</dt>
            <dd>{data.deliveryGuarantee}</dd>
          </>
        )}
      </dl>
      {data.parameters && (
        <table class="sy-table">
          <thead>
            <tr>
              <th>Parameter</th>
              <th>Description</th>
              <th>Values</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(data.parameters).map(([k, p]) => (
              <tr key={k}>
                <td>
                  <code>{k}</code>
                </td>
                <td>{p.description}</td>
                <td>{p.enum?.join(', ') ?? p.default}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {traffic.length > 0 && (
        <ul class="sy-list">
          {traffic.map((t) => (
            <li key={t.message.key}>
              <ResourceRef resource={t.message} />
              {t.producers.length > 0 && <> from {t.producers.map((p) => nameOf(p)).join(', ')}</>}
              {t.consumers.length > 0 && <> to {t.consumers.map((p) => nameOf(p)).join(', ')}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A link with hover card to a resource named by `id` (and `type`, `version`). */
export function ResourceLink({
  id,
  type,
  version,
  children,
}: {
  id: string;
  type?: string;
  version?: string;
  children?: unknown;
}) {
  const { catalog } = useRender();
  const kinds = type
    ? [type.replace(/s$/, '')]
    : ['service', 'event', 'command', 'query', 'domain', 'system', 'flow', 'channel', 'container', 'entity'];
  for (const kind of kinds) {
    const r = getResource(catalog, kind as Resource['kind'], id, version);
    if (r) return <ResourceRef resource={r} label={typeof children === 'string' ? children : undefined} />;
  }
  return <span class="sy-ref sy-ref--broken">{id}</span>;
}

/** Every ADR with its status and date. */
export function ADRTable() {
  const { catalog } = useRender();
  const adrs = resourcesOf(catalog, 'adr');
  return (
    <table class="sy-table">
      <thead>
        <tr>
          <th>Decision</th>
          <th>Status</th>
          <th>Date</th>
        </tr>
      </thead>
      <tbody>
        {adrs.map((a) => (
          <tr key={a.key}>
            <td>
              <ResourceRef resource={a} />
            </td>
            <td>{a.data.status}</td>
            <td>{String(a.data.date ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The resource's `attachments`: links with titles. */
export function Attachments() {
  const resource = useCurrent();
  const list = (
    resource?.data as { attachments?: (string | { url: string; title?: string; description?: string })[] }
  )?.attachments;
  if (!list?.length) return null;
  return (
    <ul class="sy-attachments">
      {list.map((a) => {
        const item = typeof a === 'string' ? { url: a } : a;
        return (
          <li key={item.url}>
            <a href={item.url} rel="noopener noreferrer">
              {'title' in item && item.title ? item.title : item.url}
            </a>
            {'description' in item && item.description ? ` — ${item.description}` : ''}
          </li>
        );
      })}
    </ul>
  );
}

export { Placeholder };
