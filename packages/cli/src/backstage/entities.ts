import {
  type Catalog,
  domainsOf,
  isHidden,
  membersOf,
  nameOf,
  neighbours,
  ownersOf,
  parentDomainOf,
  type Resource,
  receivesOf,
  resourcesOf,
  sendsOf,
  summaryOf,
  systemsOf,
  teamsOf,
} from '@switchyard/model';
import type { Urls } from '@switchyard/site';

/** A Backstage entity (catalog-info.yaml document), as plain data. */
export interface BackstageEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Domain' | 'System' | 'Component' | 'API' | 'Resource' | 'Group' | 'User';
  metadata: {
    name: string;
    title?: string;
    description?: string;
    tags?: string[];
    annotations?: Record<string, string>;
    links?: { url: string; title: string; icon?: string }[];
  };
  spec: Record<string, unknown>;
}

export interface ExportContext {
  catalog: Catalog;
  urls: Urls;
  /** Absolute origin of the published site, e.g. https://catalog.acme.com. */
  siteUrl: string;
  /** Reads a file of a resource (a schema or spec), relative to the catalog root; undefined when missing. */
  readFile(path: string): string | undefined;
}

const apiVersion = 'backstage.io/v1alpha1';
const lifecycle = 'production';

/** Backstage names: letters, digits and `-_.` between them, at most 63 characters. */
export function entityName(id: string): string {
  const clean = id
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return (clean || 'unnamed').slice(0, 63).replace(/[-_.]+$/, '');
}

/** Message ids are unique per kind only; an API name takes the kind when two kinds share an id. */
function apiNames(catalog: Catalog): Map<Resource, string> {
  const messages = (['event', 'command', 'query'] as const).flatMap((k) => resourcesOf(catalog, k));
  const count = new Map<string, number>();
  for (const m of messages) count.set(m.id, (count.get(m.id) ?? 0) + 1);
  return new Map(
    messages.map((m) => [m, entityName((count.get(m.id) ?? 0) > 1 ? `${m.kind}-${m.id}` : m.id)]),
  );
}

/**
 * The catalog as Backstage entities: domains → Domain, systems → System, services → Component (with the
 * APIs it provides and consumes and the data stores it depends on), messages and service specs → API,
 * data stores → Resource, teams → Group, users → User. Each links back to its Switchyard page. Pure.
 */
export function buildBackstageEntities(ctx: ExportContext): BackstageEntity[] {
  const { catalog } = ctx;
  const apis = apiNames(catalog);
  const visible = <K extends Resource['kind']>(kind: K) =>
    resourcesOf(catalog, kind).filter((r) => !isHidden(r));
  const entities: BackstageEntity[] = [];

  for (const domain of visible('domain')) {
    const parent = parentDomainOf(catalog, domain);
    entities.push(
      entity(ctx, 'Domain', domain, {
        owner: ownerRef(catalog, domain),
        ...(parent ? { subdomainOf: entityName(parent.id) } : {}),
      }),
    );
  }
  for (const system of visible('system')) {
    const domain = domainsOf(catalog, system)[0];
    entities.push(
      entity(ctx, 'System', system, {
        owner: ownerRef(catalog, system),
        ...(domain ? { domain: entityName(domain.id) } : {}),
      }),
    );
  }
  for (const service of visible('service')) {
    const provides = new Set<string>();
    const consumes = new Set<string>();
    for (const peer of sendsOf(catalog, service)) {
      const name = apis.get(latestVersion(catalog, peer.resource));
      if (name) (peer.resource.kind === 'event' ? provides : consumes).add(`api:${name}`);
    }
    for (const peer of receivesOf(catalog, service)) {
      const name = apis.get(latestVersion(catalog, peer.resource));
      if (name) (peer.resource.kind === 'event' ? consumes : provides).add(`api:${name}`);
    }
    const specs = specsOf(service)
      .map((spec) => ({ ...spec, definition: ctx.readFile(joinPath(service.source.dir, spec.path)) }))
      .filter((spec): spec is typeof spec & { definition: string } => spec.definition !== undefined);
    for (const spec of specs) provides.add(`api:${specApiName(service, spec.type)}`);
    const stores = neighbours(catalog, service.key, 1, {
      relations: ['writesTo', 'readsFrom'],
      direction: 'out',
    });
    const dependsOn = [...stores.nodes.keys()]
      .map((key) => catalog.byKey.get(key))
      .filter((r): r is Resource => r?.kind === 'container')
      .map((r) => `resource:${entityName(r.id)}`);
    const system = systemsOf(catalog, service)[0];
    entities.push(
      entity(ctx, 'Component', service, {
        type: 'service',
        lifecycle,
        owner: ownerRef(catalog, service),
        ...(system ? { system: entityName(system.id) } : {}),
        ...(provides.size ? { providesApis: [...provides].sort() } : {}),
        ...(consumes.size ? { consumesApis: [...consumes].sort() } : {}),
        ...(dependsOn.length ? { dependsOn: [...new Set(dependsOn)].sort() } : {}),
      }),
    );
    for (const spec of specs) {
      const api = entity(ctx, 'API', service, {
        type: spec.type,
        lifecycle,
        owner: ownerRef(catalog, service),
        ...(system ? { system: entityName(system.id) } : {}),
        definition: spec.definition,
      });
      api.metadata.name = specApiName(service, spec.type);
      api.metadata.title = `${nameOf(service)} (${spec.type})`;
      entities.push(api);
    }
  }
  for (const [message, name] of apis) {
    if (isHidden(message)) continue;
    const schemaPath = (message.data as { schemaPath?: string }).schemaPath;
    const schema = schemaPath ? ctx.readFile(joinPath(message.source.dir, schemaPath)) : undefined;
    const system = systemsOf(catalog, message)[0];
    const api = entity(ctx, 'API', message, {
      type: message.kind,
      lifecycle,
      owner: ownerRef(catalog, message),
      ...(system ? { system: entityName(system.id) } : {}),
      definition:
        schema ?? `${nameOf(message)} (${message.kind} ${message.id} ${message.version}) has no schema file.`,
    });
    api.metadata.name = name;
    api.metadata.tags = [message.kind];
    entities.push(api);
  }
  for (const store of visible('container')) {
    entities.push(
      entity(ctx, 'Resource', store, {
        type: String((store.data as { container_type?: string }).container_type ?? 'database'),
        owner: ownerRef(catalog, store),
      }),
    );
  }
  for (const team of visible('team')) {
    entities.push(
      entity(ctx, 'Group', team, {
        type: 'team',
        children: [],
        members: membersOf(catalog, team).map((u) => entityName(u.id)),
        ...(typeof team.data.email === 'string'
          ? { profile: { displayName: nameOf(team), email: team.data.email } }
          : {}),
      }),
    );
  }
  for (const user of visible('user')) {
    const email = typeof user.data.email === 'string' ? user.data.email : undefined;
    entities.push(
      entity(ctx, 'User', user, {
        memberOf: teamsOf(catalog, user).map((t) => entityName(t.id)),
        profile: { displayName: nameOf(user), ...(email ? { email } : {}) },
      }),
    );
  }
  return entities;
}

function entity(
  ctx: ExportContext,
  kind: BackstageEntity['kind'],
  r: Resource,
  spec: Record<string, unknown>,
): BackstageEntity {
  const page = `${ctx.siteUrl}${ctx.urls.resource(r, { latest: true })}`;
  const description = summaryOf(r);
  return {
    apiVersion,
    kind,
    metadata: {
      name: entityName(r.id),
      title: nameOf(r),
      ...(description ? { description } : {}),
      annotations: {
        'switchyard.dev/ref': r.version ? `${r.kind}:${r.id}@${r.version}` : `${r.kind}:${r.id}`,
        'switchyard.dev/embed-url': `${page}?embed=1`,
        'backstage.io/view-url': page,
      },
      links: [{ url: page, title: 'Switchyard page', icon: 'docs' }],
    },
    spec,
  };
}

/** `group:team-id` or `user:user-id` of the first owner; Backstage needs exactly one. */
function ownerRef(catalog: Catalog, r: Resource): string {
  const owners = ownersOf(catalog, r);
  const team = owners.teams[0];
  if (team) return `group:${entityName(team.id)}`;
  const user = owners.users[0];
  return user ? `user:${entityName(user.id)}` : 'group:unowned';
}

function latestVersion(catalog: Catalog, r: Resource): Resource {
  return catalog.versions.get(`${r.kind}:${r.id}`)?.[0] ?? r;
}

function specsOf(service: Resource): { type: string; path: string }[] {
  const specs = (service.data as { specifications?: unknown }).specifications;
  if (Array.isArray(specs))
    return specs.filter((s): s is { type: string; path: string } => typeof s?.path === 'string');
  if (specs && typeof specs === 'object') {
    const legacy = specs as Record<string, unknown>;
    return (['openapi', 'asyncapi', 'graphql'] as const)
      .filter((t) => typeof legacy[`${t}Path`] === 'string')
      .map((t) => ({ type: t, path: legacy[`${t}Path`] as string }));
  }
  return [];
}

const specApiName = (service: Resource, type: string) => entityName(`${service.id}-${type}`);
const joinPath = (dir: string, file: string) =>
  (dir && dir !== '.' ? `${dir}/${file}` : file).replace(/^\.\//, '');
