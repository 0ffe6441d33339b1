import {
  kindDef,
  kindsForReferenceType,
  nameOf,
  ownersOf,
  type Resource,
  receivesOf,
  resolveBodyReference,
  sendsOf,
  summaryOf,
} from '@switchyard/model';
import { useRender } from '../context.js';

const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** Up to `shown` names, then "+N". */
function few(ids: string[], shown = 2): string {
  return ids.length <= shown ? ids.join(', ') : `${ids.slice(0, shown).join(', ')} +${ids.length - shown}`;
}

function specTypes(resource: Resource): string[] {
  const specs = (resource.data as { specifications?: unknown }).specifications;
  if (Array.isArray(specs)) return [...new Set(specs.map((s: { type: string }) => s.type))].map(specLabel);
  if (specs && typeof specs === 'object') {
    return Object.keys(specs).map((k) => specLabel(k.replace(/Path$/, '')));
  }
  return [];
}
const specLabel = (t: string) => ({ openapi: 'OpenAPI', asyncapi: 'AsyncAPI', graphql: 'GraphQL' })[t] ?? t;

/** The card shown on hover and keyboard focus of a reference: who, what, whose, and where to go next. */
export function HoverCard({ resource }: { resource: Resource }) {
  const { catalog, urls } = useRender();
  const def = kindDef(resource.kind);
  const summary = summaryOf(resource);
  const owners = ownersOf(catalog, resource);
  const ownerNames = [...owners.teams, ...owners.users].map((o) => o.id);
  const isService = resource.kind === 'service';
  const publishes = isService ? sendsOf(catalog, resource).map((p) => p.resource.id) : [];
  const subscribes = isService ? receivesOf(catalog, resource).map((p) => p.resource.id) : [];
  const apis = isService ? specTypes(resource) : [];
  const data = resource.data as { schemaPath?: string; repository?: { url?: string } };
  const hasMap = def.versioned && resource.kind !== 'changelog';
  return (
    <span class="sy-card" role="tooltip">
      <span class="sy-card__head">
        <strong class="sy-card__name">{nameOf(resource)}</strong>
        <span class={`sy-kind sy-kind--${resource.kind}`}>{def.label}</span>
        {resource.version && <span class="sy-card__version">v{resource.version}</span>}
      </span>
      {summary && <span class="sy-card__summary">{truncate(summary, 140)}</span>}
      {publishes.length > 0 && (
        <span class="sy-card__row">
          <span class="sy-card__label">Publishes</span> {few(publishes)}
        </span>
      )}
      {subscribes.length > 0 && (
        <span class="sy-card__row">
          <span class="sy-card__label">Subscribes</span> {few(subscribes)}
        </span>
      )}
      {apis.length > 0 && (
        <span class="sy-card__row">
          <span class="sy-card__label">APIs</span> {apis.join(', ')}
        </span>
      )}
      {ownerNames.length > 0 && (
        <span class="sy-card__row">
          <span class="sy-card__label">Owner{ownerNames.length > 1 ? 's' : ''}</span> {few(ownerNames, 3)}
        </span>
      )}
      <span class="sy-card__links">
        {data.schemaPath && <a href={`${urls.resource(resource)}#schema`}>Schema</a>}
        {hasMap && <a href={urls.page(urls.visualiserPath(resource))}>Map</a>}
        {data.repository?.url && (
          <a href={data.repository.url} rel="noopener noreferrer">
            Repo
          </a>
        )}
        <a href={urls.resource(resource)}>View docs</a>
      </span>
    </span>
  );
}

/** A link to a resource with its hover card. */
export function ResourceRef({ resource, label }: { resource: Resource; label?: string | undefined }) {
  const { urls } = useRender();
  return (
    <span class="sy-ref" data-ref={resource.key}>
      <a href={urls.resource(resource)} class={`sy-ref__link sy-ref__link--${resource.kind}`}>
        {label ?? nameOf(resource)}
      </a>
      <HoverCard resource={resource} />
    </span>
  );
}

/** `[[type|id]]` / `[[type|id@version]]` / `[[id]]` in a body. Unresolved ones are shown marked as broken. */
export function Ref({ to }: { to: string }) {
  const { catalog } = useRender();
  const bar = to.indexOf('|');
  const type = bar === -1 ? 'entity' : to.slice(0, bar).trim();
  const rest = bar === -1 ? to : to.slice(bar + 1).trim();
  const at = type === 'doc' ? -1 : rest.lastIndexOf('@');
  const id = at > 0 ? rest.slice(0, at) : rest;
  const version = at > 0 ? rest.slice(at + 1) : undefined;
  const known = type === 'doc' || kindsForReferenceType(type) !== undefined;
  const resource = known ? resolveBodyReference(catalog.versions, { type, id, version }) : undefined;
  if (!resource) {
    return (
      <span class="sy-ref sy-ref--broken" title={`No ${type} "${id}" in this catalog`}>
        {`[[${to}]]`}
      </span>
    );
  }
  return <ResourceRef resource={resource} />;
}
