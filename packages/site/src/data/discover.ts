import {
  type Catalog,
  consumersOf,
  domainsOf,
  isHidden,
  isMessageKind,
  type Kind,
  kindDef,
  nameOf,
  ownersOf,
  producersOf,
  type Resource,
  receivesOf,
  resourcesOf,
  sendsOf,
  summaryOf,
  versionsOf,
} from '@switchyard/model';
import type { DiscoverData, DiscoverRow } from '../shared/contracts.js';
import type { Urls } from '../urls.js';

/** The rows of `/discover/{plural}`, written as `api/discover/{plural}.json`. */
export function buildDiscover(catalog: Catalog, urls: Urls, kind: Kind): DiscoverData {
  const rows: DiscoverRow[] = resourcesOf(catalog, kind)
    .filter((r) => !isHidden(r))
    .map((r: Resource) => {
      const owners = ownersOf(catalog, r);
      const d = r.data as { badges?: { content: string }[]; draft?: unknown; deprecated?: unknown };
      const message = isMessageKind(r.kind);
      const producers = message
        ? producersOf(catalog, r, { anyVersion: true })
        : r.kind === 'service'
          ? sendsOf(catalog, r)
          : [];
      const consumers = message
        ? consumersOf(catalog, r, { anyVersion: true })
        : r.kind === 'service'
          ? receivesOf(catalog, r)
          : [];
      const summary = summaryOf(r);
      return {
        name: nameOf(r),
        url: urls.resource(r, { latest: true }),
        id: r.id,
        version: r.version,
        ...(summary ? { summary } : {}),
        domains: domainsOf(catalog, r).map((x) => x.id),
        owners: [...owners.teams, ...owners.users].map((o) => o.id),
        // For a service, "producers"/"consumers" list what it sends and receives.
        producers: [...new Set(producers.map((p) => p.resource.id))],
        consumers: [...new Set(consumers.map((p) => p.resource.id))],
        badges: (d.badges ?? []).map((b) => b.content),
        versions: versionsOf(catalog, r.kind, r.id).map((v) => v.version),
        draft: Boolean(d.draft),
        deprecated: Boolean(d.deprecated),
      };
    });
  return { kind, label: kindDef(kind).label, rows };
}
