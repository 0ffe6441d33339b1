import {
  allEdges,
  type Catalog,
  childrenOf,
  consumersOf,
  domainsOf,
  edgesFrom,
  nameOf,
  neighbours,
  producersOf,
  type Relation,
  type Resource,
  resourcesOf,
  systemsOf,
} from '@switchyard/model';
import { type HrefOf, maxGraphNodes, resourceGraph, resourceNode } from './from-catalog.js';
import type { DiagramEdge, DiagramGroup, DiagramInput, DiagramNode } from './types.js';

/** Most nodes a visualiser map of one resource shows (the page map is smaller: `maxGraphNodes`). */
export const maxMapNodes = 400;

/** Kinds drawn inside their system or domain box. */
const groupedKinds = new Set([
  'service',
  'agent',
  'container',
  'event',
  'command',
  'query',
  'flow',
  'entity',
]);

const groupOf = (catalog: Catalog, r: Resource): Resource | undefined =>
  systemsOf(catalog, r)[0] ?? domainsOf(catalog, r)[0];

/**
 * Puts each node naming a service, message, data store, flow or entity inside a box for its system (or its
 * domain when it has none), and each system's box inside its domain's. Nodes that are themselves domains or
 * systems, and the rest, stay outside. `levels: 'domain'` draws domain boxes only.
 */
export function withGroups(
  catalog: Catalog,
  input: DiagramInput,
  href: HrefOf,
  levels: 'domain' | 'system' = 'system',
): DiagramInput {
  const groups = new Map<string, DiagramGroup>();
  const addGroup = (r: Resource): string => {
    if (!groups.has(r.key)) {
      const group: DiagramGroup = { id: r.key, kind: r.kind, label: nameOf(r), ref: r.key, href: href(r) };
      groups.set(r.key, group);
      const parent = r.kind === 'system' ? domainsOf(catalog, r)[0] : undefined;
      if (parent) group.parent = addGroup(parent);
    }
    return r.key;
  };
  const nodes = input.nodes.map((node) => {
    const r = node.ref ? catalog.byKey.get(node.ref) : undefined;
    if (!r || !groupedKinds.has(r.kind)) return node;
    const box = levels === 'domain' ? domainsOf(catalog, r)[0] : groupOf(catalog, r);
    return box ? { ...node, group: addGroup(box) } : node;
  });
  return groups.size > 0 ? { ...input, nodes, groups: [...groups.values()] } : input;
}

/**
 * A resource's map at full size (up to `maxMapNodes`). A domain's or system's map also shows the services
 * elsewhere that produce or consume its messages, every node grouped inside its system and domain. Other
 * maps are grouped only past `maxGraphNodes`: below it they are the very graph the resource's page draws,
 * so its layout is shared (one layout per resource, not two).
 */
export function resourceMap(catalog: Catalog, resource: Resource, href: HrefOf): DiagramInput {
  const whole = resource.kind === 'domain' || resource.kind === 'system';
  // A domain or system is drawn whole, however big: past the cluster threshold the page clusters it.
  const input = resourceGraph(catalog, resource, href, whole ? Number.POSITIVE_INFINITY : maxMapNodes);
  if (resource.kind === 'flow') return input;
  if (whole) withPeers(catalog, input, href);
  else if (input.nodes.length <= maxGraphNodes) return input;
  return withGroups(catalog, input, href);
}

/** Adds the producers and consumers of the map's messages that are not on it yet. */
function withPeers(catalog: Catalog, input: DiagramInput, href: HrefOf): void {
  const present = new Set(input.nodes.map((n) => n.id));
  const edges = new Set(input.edges.map((e) => `${e.from}\n${e.to}`));
  const link = (from: string, to: string) => {
    if (edges.has(`${from}\n${to}`)) return;
    edges.add(`${from}\n${to}`);
    input.edges.push({ from, to });
  };
  for (const node of [...input.nodes]) {
    const message = node.ref ? catalog.byKey.get(node.ref) : undefined;
    if (!message || !['event', 'command', 'query'].includes(message.kind)) continue;
    const peers = [
      ...producersOf(catalog, message).map((p) => [p.resource, 'out'] as const),
      ...consumersOf(catalog, message).map((p) => [p.resource, 'in'] as const),
    ];
    for (const [peer, side] of peers) {
      if (!present.has(peer.key)) {
        present.add(peer.key);
        input.nodes.push(resourceNode(peer, href));
      }
      if (side === 'out') link(peer.key, node.id);
      else link(node.id, peer.key);
    }
  }
}

/** Relations that make up "what talks to what": messaging, channels, data stores, triggers. */
const flowRelations: readonly Relation[] = [
  'sends',
  'receives',
  'travelsOn',
  'sendsTo',
  'receivesFrom',
  'writesTo',
  'readsFrom',
  'triggers',
  'routesTo',
];

/** Relations drawn against their direction, so arrows follow the message: message → receiver. */
const reversed = new Set<Relation>(['receives', 'readsFrom', 'receivesFrom']);

/** Labels on edges that are not plain sends/receives. */
const relationLabels: Partial<Record<Relation, string>> = {
  writesTo: 'writes',
  readsFrom: 'reads',
  triggers: 'triggers',
  routesTo: 'routes to',
};

/** Nodes and edges of the catalog's edges between `keys` (latest versions only), arrows in message direction. */
function edgesAmong(catalog: Catalog, keys: ReadonlySet<string>): DiagramEdge[] {
  const out = new Map<string, DiagramEdge>();
  for (const e of allEdges(catalog)) {
    if (!flowRelations.includes(e.relation) || !keys.has(e.from) || !keys.has(e.to)) continue;
    const [from, to] = reversed.has(e.relation) ? [e.to, e.from] : [e.from, e.to];
    if (from === to) continue;
    const key = `${from}\n${to}`;
    if (out.has(key)) continue;
    const label = relationLabels[e.relation];
    const edge: DiagramEdge = label ? { from, to, label } : { from, to };
    if (e.relation === 'triggers') edge.tone = 'trigger';
    out.set(key, edge);
  }
  return [...out.values()];
}

/**
 * The neighbourhood of a resource `depth` hops out along messaging, channel and data store relations (every
 * hop when `depth` is Infinity), grouped by system and domain.
 */
export function neighbourhoodMap(
  catalog: Catalog,
  resource: Resource,
  depth: number,
  href: HrefOf,
): DiagramInput {
  const hood = neighbours(catalog, resource.key, depth, { relations: flowRelations });
  const keys = new Set(hood.nodes.keys());
  const nodes: DiagramNode[] = [];
  for (const key of keys) {
    const r = catalog.byKey.get(key);
    if (!r) continue;
    const node = resourceNode(r, href);
    if (key === resource.key) node.current = true;
    nodes.push(node);
  }
  return withGroups(catalog, { nodes: nodes.slice(0, maxMapNodes), edges: edgesAmong(catalog, keys) }, href);
}

/**
 * A domain's services and messages. With `own`, only the messages its services send (not those it only
 * receives from elsewhere) and no outside services; otherwise also the services of other domains that
 * produce or consume them.
 */
export function domainMap(
  catalog: Catalog,
  domain: Resource,
  href: HrefOf,
  options: { own?: boolean } = {},
): DiagramInput {
  if (!options.own) return resourceMap(catalog, domain, href);
  const services = new Set(
    resourceGraph(catalog, domain, href, maxMapNodes)
      .nodes.map((n) => n.ref)
      .filter((ref): ref is string => catalog.byKey.get(ref ?? '')?.kind === 'service'),
  );
  const keys = new Set(services);
  for (const key of services) {
    for (const e of edgesFrom(catalog, key, ['sends'])) keys.add(e.to);
  }
  const nodes = [...keys].flatMap((k) => {
    const r = catalog.byKey.get(k);
    return r ? [resourceNode(r, href)] : [];
  });
  return withGroups(catalog, { nodes, edges: edgesAmong(catalog, keys) }, href);
}

const latest = (catalog: Catalog, kinds: readonly string[]): Resource[] =>
  kinds.flatMap((k) => resourcesOf(catalog, k as Parameters<typeof resourcesOf>[1]) as Resource[]);

/** How domains talk: domain → message → domain, for every message produced in one domain and consumed in another. */
export function domainIntegrations(catalog: Catalog, href: HrefOf): DiagramInput {
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, DiagramEdge>();
  const link = (from: string, to: string) => {
    const key = `${from}\n${to}`;
    if (!edges.has(key)) edges.set(key, { from, to });
  };
  for (const d of latest(catalog, ['domain'])) nodes.set(d.key, resourceNode(d, href));
  for (const message of latest(catalog, ['event', 'command', 'query'])) {
    const from = new Set(producersOf(catalog, message).flatMap((p) => domainKeys(catalog, p.resource)));
    const to = new Set(consumersOf(catalog, message).flatMap((p) => domainKeys(catalog, p.resource)));
    const crossing = [...from].flatMap((f) => [...to].filter((t) => t !== f).map((t) => [f, t] as const));
    if (crossing.length === 0) continue;
    nodes.set(message.key, resourceNode(message, href));
    for (const [f, t] of crossing) {
      link(f, message.key);
      link(message.key, t);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function domainKeys(catalog: Catalog, r: Resource): string[] {
  if (r.kind === 'domain') return [r.key];
  return domainsOf(catalog, r)
    .slice(0, 1)
    .map((d) => d.key);
}

/** Systems (internal and external), their actors, declared relationships and the messages between them. */
export function systemContextMap(catalog: Catalog, href: HrefOf): DiagramInput {
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, DiagramEdge>();
  const labels = new Map<string, string[]>();
  const link = (from: string, to: string, label?: string) => {
    const key = `${from}\n${to}`;
    if (!edges.has(key)) edges.set(key, { from, to });
    if (!label) return;
    const names = labels.get(key) ?? [];
    if (!names.includes(label)) names.push(label);
    labels.set(key, names);
  };
  // Two names at most on an edge: a busy pair of systems would otherwise carry a paragraph per edge.
  const labelOf = (names: string[]) =>
    names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} +${names.length - 2} more`;
  const systems = latest(catalog, ['system']);
  for (const s of systems) {
    const node = resourceNode(s, href);
    if ((s.data as { scope?: string }).scope === 'external') node.kindLabel = 'External system';
    nodes.set(s.key, node);
  }
  for (const s of systems) {
    const data = s.data as {
      actors?: { id: string; name?: string; label?: string; direction?: 'inbound' | 'outbound' }[];
    };
    for (const a of data.actors ?? []) {
      const id = `actor:${a.id}`;
      if (!nodes.has(id)) nodes.set(id, { id, kind: 'actor', label: a.name ?? a.id });
      if (a.direction === 'outbound') link(s.key, id, a.label);
      else link(id, s.key, a.label);
    }
    for (const e of edgesFrom(catalog, s.key)) {
      if (e.relation === 'relatesTo' && nodes.has(e.to)) link(s.key, e.to, e.label);
    }
  }
  const counts = new Map<string, number>();
  for (const message of latest(catalog, ['event', 'command', 'query'])) {
    const from = producersOf(catalog, message).flatMap((p) =>
      systemsOf(catalog, p.resource).map((x) => x.key),
    );
    const to = consumersOf(catalog, message).flatMap((p) => systemsOf(catalog, p.resource).map((x) => x.key));
    for (const f of new Set(from))
      for (const t of new Set(to)) {
        if (f === t || !nodes.has(f) || !nodes.has(t)) continue;
        counts.set(`${f}\n${t}`, (counts.get(`${f}\n${t}`) ?? 0) + 1);
      }
  }
  for (const [key, count] of counts) {
    const [f = '', t = ''] = key.split('\n');
    link(f, t, count === 1 ? '1 message' : `${count} messages`);
  }
  // Past a hundred edges the labels would cover the map (and double its size): focus a node to read it.
  if (edges.size <= 100) {
    for (const [key, names] of labels) {
      const edge = edges.get(key);
      if (edge) edge.label = labelOf(names);
    }
  }
  const input: DiagramInput = { nodes: [...nodes.values()], edges: [...edges.values()] };
  const groups: DiagramGroup[] = [];
  const seen = new Set<string>();
  input.nodes = input.nodes.map((n) => {
    const r = n.ref ? catalog.byKey.get(n.ref) : undefined;
    const d = r ? domainsOf(catalog, r)[0] : undefined;
    if (!d) return n;
    if (!seen.has(d.key)) {
      seen.add(d.key);
      groups.push({ id: d.key, kind: 'domain', label: nameOf(d), ref: d.key, href: href(d) });
    }
    return { ...n, group: d.key };
  });
  if (groups.length > 0) input.groups = groups;
  return input;
}

/** Kinds on the whole-catalog map. */
export const graphKinds = ['service', 'agent', 'event', 'command', 'query', 'channel', 'container'] as const;

/** Every service, message, channel and data store (latest versions) and how they connect, grouped. */
export function catalogGraph(catalog: Catalog, href: HrefOf): DiagramInput {
  const resources = latest(catalog, graphKinds);
  const keys = new Set(resources.map((r) => r.key));
  const nodes = resources.map((r) => resourceNode(r, href));
  return withGroups(catalog, { nodes, edges: edgesAmong(catalog, keys) }, href);
}

/** A domain's entities and the references between them (labelled with the property that refers). */
export function entityMap(catalog: Catalog, domain: Resource, href: HrefOf): DiagramInput {
  const entities = childrenOf(catalog, domain, 'entity');
  const keys = new Set(entities.map((e) => e.key));
  const nodes = entities.map((e) => resourceNode(e, href));
  const edges: DiagramEdge[] = [];
  const outside = new Map<string, DiagramNode>();
  for (const e of entities) {
    for (const edge of edgesFrom(catalog, e.key)) {
      if (edge.relation !== 'references') continue;
      const target = catalog.byKey.get(edge.to);
      if (target?.kind !== 'entity') continue;
      if (!keys.has(target.key) && !outside.has(target.key))
        outside.set(target.key, resourceNode(target, href));
      edges.push(
        edge.label ? { from: e.key, to: target.key, label: edge.label } : { from: e.key, to: target.key },
      );
    }
  }
  return { nodes: [...nodes, ...outside.values()], edges, direction: 'DOWN' };
}
