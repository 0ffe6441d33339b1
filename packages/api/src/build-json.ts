import {
  allEdges,
  type Catalog,
  consumersOf,
  domainsOf,
  type Edge,
  edgesFrom,
  edgesTo,
  flowsOf,
  isMessageKind,
  type MessagePeer,
  ownersOf,
  producersOf,
  type Relation,
  type Resource,
  receivesOf,
  relations,
  sendsOf,
  stepsOf,
  summaryOf,
} from '@switchyard/model';
import { apiPathOf, isAttachment, linkOf, type UrlOf } from './links.js';
import type { CatalogIndex, Graph, Link, ResourceDoc } from './shapes.js';

/** `api/catalog.json`: the newest version of every resource (changelogs and glossaries ride with theirs). */
export function buildCatalogIndex(catalog: Catalog, urlOf: UrlOf, title: string): CatalogIndex {
  const resources: CatalogIndex['resources'] = [];
  for (const list of catalog.versions.values()) {
    const r = list[0] as Resource;
    const api = apiPathOf(r);
    if (isAttachment(r) || !api) continue;
    const owners = ownersOf(catalog, r);
    const summary = summaryOf(r);
    resources.push({
      kind: r.kind,
      id: r.id,
      version: r.version,
      versions: list.map((v) => v.version),
      name: linkOf(r, urlOf).name,
      ...(summary ? { summary } : {}),
      owners: [...owners.teams, ...owners.users].map((o) => ({
        kind: o.kind as 'team' | 'user',
        id: o.id,
        name: o.data.name,
      })),
      url: urlOf(r, { latest: true }),
      api: `/${api}`,
    });
  }
  return { title, count: resources.length, resources };
}

function related(catalog: Catalog, edge: Edge, side: 'from' | 'to', urlOf: UrlOf) {
  const other = catalog.byKey.get(edge[side]);
  if (!other) return undefined;
  const relation = side === 'to' ? edge.relation : relations[edge.relation as Relation];
  const via = (edge.via ?? []).map((k) => catalog.byKey.get(k)).filter((v): v is Resource => !!v);
  return {
    relation,
    resource: linkOf(other, urlOf),
    ...(edge.label !== undefined ? { label: edge.label } : {}),
    ...(edge.requested !== undefined && edge.requested !== 'latest' ? { requested: edge.requested } : {}),
    ...(via.length ? { via: via.map((v) => linkOf(v, urlOf)) } : {}),
  };
}

const peersJson = (peers: MessagePeer[], urlOf: UrlOf) =>
  peers.map((p) => ({
    resource: linkOf(p.resource, urlOf),
    channels: p.channels.map((c) => linkOf(c, urlOf)),
  }));

const defined = <T>(v: T | undefined): v is T => v !== undefined;

/** `api/{kind plural}/{id}/{version}.json`: one resource with every relation the model resolves for it. */
export function buildResourceDoc(catalog: Catalog, resource: Resource, urlOf: UrlOf): ResourceDoc {
  const versions = catalog.versions.get(`${resource.kind}:${resource.id}`) ?? [resource];
  const owners = ownersOf(catalog, resource);
  const summary = summaryOf(resource);
  const doc: ResourceDoc = {
    ...linkOf(resource, urlOf),
    ...(summary ? { summary } : {}),
    versions: versions.map((v) => v.version),
    latest: versions[0] === resource,
    owners: [...owners.teams, ...owners.users].map((o) => linkOf(o, urlOf)),
    domains: domainsOf(catalog, resource).map((d) => linkOf(d, urlOf)),
    data: JSON.parse(JSON.stringify(resource.data)) as Record<string, unknown>,
    outgoing: edgesFrom(catalog, resource.key)
      .map((e) => related(catalog, e, 'to', urlOf))
      .filter(defined),
    incoming: edgesTo(catalog, resource.key)
      .map((e) => related(catalog, e, 'from', urlOf))
      .filter(defined),
    flows: flowsOf(catalog, resource).map((f) => ({ flow: linkOf(f.flow, urlOf), steps: f.steps })),
    body: resource.body,
  };
  if (isMessageKind(resource.kind)) {
    doc.producers = peersJson(producersOf(catalog, resource), urlOf);
    doc.consumers = peersJson(consumersOf(catalog, resource), urlOf);
  }
  if (resource.kind === 'service' || resource.kind === 'domain' || resource.kind === 'agent') {
    doc.sends = peersJson(sendsOf(catalog, resource), urlOf);
    doc.receives = peersJson(receivesOf(catalog, resource), urlOf);
  }
  if (resource.kind === 'flow') {
    doc.steps = stepsOf(catalog, resource as Resource<'flow'>).map((s) => ({
      id: s.id,
      title: s.step.title,
      ...(s.step.summary ? { summary: s.step.summary } : {}),
      ...(s.resource ? { resource: linkOf(s.resource, urlOf) } : {}),
      next: s.next.map((n) => (n.label === undefined ? { id: n.id } : { id: n.id, label: n.label })),
    }));
  }
  return doc;
}

/** `api/graph.json`: every resource version and every resolved pointer between them. */
export function buildGraph(catalog: Catalog, urlOf: UrlOf): Graph {
  const nodes: Link[] = catalog.resources.filter((r) => !isAttachment(r)).map((r) => linkOf(r, urlOf));
  const edges = allEdges(catalog).map((e) => ({
    from: e.from,
    to: e.to,
    relation: e.relation,
    ...(e.label !== undefined ? { label: e.label } : {}),
    ...(e.via?.length ? { via: e.via } : {}),
  }));
  return { nodes, edges };
}

/**
 * Every file of the static API, path (relative to the output) to content: what `build` writes. With `only`
 * (a dev rebuild), resource files are made for those keys alone; the index and the graph unless `wide` is
 * false (a dev server rendering one resource on demand).
 */
export function* staticApiFiles(
  catalog: Catalog,
  urlOf: UrlOf,
  title: string,
  only?: ReadonlySet<string>,
  wide = true,
): Generator<[string, string]> {
  if (wide) {
    yield ['api/catalog.json', JSON.stringify(buildCatalogIndex(catalog, urlOf, title))];
    yield ['api/graph.json', JSON.stringify(buildGraph(catalog, urlOf))];
  }
  for (const list of catalog.versions.values()) {
    for (const [i, r] of list.entries()) {
      const path = apiPathOf(r);
      if (isAttachment(r) || !path || (only && !only.has(r.key))) continue;
      const json = JSON.stringify(buildResourceDoc(catalog, r, urlOf));
      yield [path, json];
      const latest = i === 0 && r.version ? apiPathOf(r, { latest: true }) : undefined;
      if (latest) yield [latest, json];
    }
  }
}
