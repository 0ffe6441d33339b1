import {
  type Catalog,
  childrenOf,
  conditionClause,
  consumersOf,
  type Edge,
  isKind,
  kindDef,
  type MessagePeer,
  messagesOnChannel,
  nameOf,
  neighbours,
  producersOf,
  type Relation,
  type ResolvedStep,
  type Resource,
  receivesOf,
  sendsOf,
  servicesOfDomain,
  stepsOf,
  summaryOf,
  triggersOf,
} from '@switchyard/model';
import { safeUrl } from '../shared/url-policy.js';
import type { DiagramEdge, DiagramInput, DiagramNode, EdgeTone, NodeTone } from './types.js';

/** The page URL of a resource. */
export type HrefOf = (resource: Resource) => string;

/** Most nodes a resource graph shows; past it, one 'more' node says how many were left out. */
export const maxGraphNodes = 60;

/** Flows with more steps than this run top to bottom, so long chains stay readable on a page. */
const maxStepsAcross = 5;

function words(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const failureStems = ['fail', 'error', 'declin', 'unavailable', 'reject', 'timeout'];
const compensationStems = ['compensat', 'rollback', 'undo', 'releas', 'void'];
const successStems = ['success', 'succeed', 'complet'];

function mentions(texts: readonly (string | undefined)[], stems: readonly string[], phrases: string[] = []) {
  const list = texts.flatMap((t) => (t ? words(t) : []));
  if (list.some((w) => stems.some((s) => w.startsWith(s)))) return true;
  const joined = ` ${list.join(' ')} `;
  return phrases.some((p) => joined.includes(` ${p} `));
}

const isFailureText = (...texts: (string | undefined)[]) =>
  mentions(texts, failureStems, ['timed out', 'time out']);
const isCompensationText = (...texts: (string | undefined)[]) =>
  mentions(texts, compensationStems, ['roll back', 'rolled back']);

/** Reads a colour name (`red`, `red-500`, `crimson`) or hex (`#e11d48`) as a hue family. */
function colourFamily(colour: string | undefined): 'red' | 'orange' | 'green' | undefined {
  if (!colour) return undefined;
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
    if (r > 150 && g < 110 && b < 110) return 'red';
    if (r > 180 && g >= 110 && g < 190 && b < 100) return 'orange';
    if (g > 120 && g > r + 30 && g > b + 10) return 'green';
    return undefined;
  }
  const w = words(colour);
  if (w.some((x) => ['red', 'crimson', 'rose', 'tomato', 'firebrick', 'darkred', 'maroon'].includes(x)))
    return 'red';
  if (w.some((x) => ['orange', 'amber', 'darkorange'].includes(x))) return 'orange';
  if (w.some((x) => ['green', 'lime', 'emerald', 'darkgreen', 'forestgreen'].includes(x))) return 'green';
  return undefined;
}

/**
 * A custom step's tone: compensation when its type or title speaks of compensating, rolling back, undoing,
 * releasing or voiding (or it is orange); failure when they speak of failing, errors, declines,
 * unavailability, rejection or timeouts (or it is red); success when they speak of success or completion
 * (or it is green).
 */
export function customStepTone(
  custom: { title: string; type?: string | undefined; color?: string | undefined },
  stepTitle?: string,
): NodeTone {
  const texts = [custom.type, custom.title, stepTitle];
  const colour = colourFamily(custom.color);
  if (isCompensationText(...texts)) return 'compensation';
  if (isFailureText(...texts) || colour === 'red') return 'failure';
  if (colour === 'orange') return 'compensation';
  if (mentions(texts, successStems) || colour === 'green') return 'success';
  return 'default';
}

/** An edge's tone: from its label first, else from the node it leads to. */
export function edgeTone(label: string | undefined, target: DiagramNode | undefined): EdgeTone {
  if (isCompensationText(label)) return 'compensation';
  if (isFailureText(label)) return 'failure';
  if (target?.tone === 'failure' || target?.tone === 'compensation') return target.tone;
  return 'default';
}

/** Sets the optional fields that have a value (exactOptionalPropertyTypes forbids writing undefined). */
function withOptional(node: DiagramNode, extra: Partial<Record<keyof DiagramNode, unknown>>): DiagramNode {
  for (const [k, v] of Object.entries(extra))
    if (v !== undefined && v !== '') (node as unknown as Record<string, unknown>)[k] = v;
  return node;
}

function kindLabel(kind: string): string {
  return isKind(kind) ? kindDef(kind).label : kind;
}

/** 'Service · v1.0.0', or the kind alone for unversioned kinds. */
function versionLine(r: Resource): string {
  const label = kindLabel(r.kind);
  return r.version ? `${label} · v${r.version}` : label;
}

/** The node for a catalog resource; its id is the resource key unless given. */
export function resourceNode(r: Resource, href: HrefOf, id: string = r.key): DiagramNode {
  return withOptional(
    { id, kind: r.kind, label: nameOf(r), ref: r.key, sublabel: versionLine(r) },
    { href: href(r), summary: summaryOf(r) },
  );
}

/** The step fields that name a resource, with the kind shown when the pointer does not resolve. */
const pointerFields = [
  ['message', 'message'],
  ['service', 'service'],
  ['agent', 'agent'],
  ['flow', 'flow'],
  ['container', 'container'],
  ['dataProduct', 'data-product'],
] as const;

function stepNode(s: ResolvedStep, href: HrefOf): DiagramNode {
  const { step } = s;
  if (s.resource) {
    const node = resourceNode(s.resource, href, s.id);
    if (step.summary) node.summary = step.summary.trim();
    return node;
  }
  const pointer = pointerFields.find(([field]) => step[field] !== undefined);
  if (pointer) {
    return withOptional(
      { id: s.id, kind: pointer[1], label: step.title, sublabel: 'not in catalog' },
      { summary: step.summary?.trim() },
    );
  }
  if (step.actor) {
    return withOptional(
      { id: s.id, kind: 'actor', label: step.actor.name },
      { summary: (step.actor.summary ?? step.summary)?.trim() },
    );
  }
  if (step.custom) {
    const c = step.custom;
    return withOptional(
      { id: s.id, kind: 'custom', label: c.title, tone: customStepTone(c, step.title) },
      { kindLabel: c.type, summary: (c.summary ?? step.summary)?.trim(), href: safeUrl(c.url) },
    );
  }
  if (step.externalSystem) {
    const e = step.externalSystem;
    return withOptional(
      { id: s.id, kind: 'external', label: e.name },
      { summary: (e.summary ?? step.summary)?.trim(), href: safeUrl(e.url) },
    );
  }
  return withOptional({ id: s.id, kind: 'step', label: step.title }, { summary: step.summary?.trim() });
}

/**
 * A flow as a diagram: one node per step (the first, when a step id repeats), an edge per `next_step` /
 * `next_steps` entry that names a step of the flow, labelled as written. Steps naming a resource show that
 * resource (`ref` = its key); pointers that do not resolve still show, with sublabel 'not in catalog'.
 */
export function flowDiagram(catalog: Catalog, flow: Resource<'flow'>, href: HrefOf): DiagramInput {
  const steps = stepsOf(catalog, flow);
  const byId = new Map<string, DiagramNode>();
  for (const s of steps) if (!byId.has(s.id)) byId.set(s.id, stepNode(s, href));
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  for (const s of steps) {
    for (const next of s.next) {
      const target = byId.get(next.id);
      const key = JSON.stringify([s.id, next.id, next.label ?? '']);
      if (!target || seen.has(key)) continue;
      seen.add(key);
      const edge: DiagramEdge = { from: s.id, to: next.id };
      if (next.label) edge.label = next.label;
      const tone = edgeTone(next.label, target);
      if (tone !== 'default') edge.tone = tone;
      edges.push(edge);
    }
  }
  return { nodes: [...byId.values()], edges, direction: byId.size > maxStepsAcross ? 'DOWN' : 'RIGHT' };
}

/** Collects nodes by priority tier (0 first) and keeps the first `maxGraphNodes` of them. */
class GraphBuilder {
  private readonly nodes = new Map<string, { node: DiagramNode; tier: number; order: number }>();
  private readonly edges = new Map<string, DiagramEdge>();

  constructor(
    private readonly href: HrefOf,
    private readonly limit = maxGraphNodes,
  ) {}

  add(r: Resource, tier: number): string {
    const found = this.nodes.get(r.key);
    if (found) found.tier = Math.min(found.tier, tier);
    else this.nodes.set(r.key, { node: resourceNode(r, this.href), tier, order: this.nodes.size });
    return r.key;
  }

  focus(r: Resource): string {
    const id = this.add(r, 0);
    const entry = this.nodes.get(id);
    if (entry) entry.node.current = true;
    return id;
  }

  /** One edge per ordered pair; a later label for the same pair is ignored. */
  link(from: string, to: string, label?: string, tone?: EdgeTone): void {
    if (from === to) return;
    const key = `${from}\n${to}`;
    if (this.edges.has(key)) return;
    const edge: DiagramEdge = label ? { from, to, label } : { from, to };
    if (tone && tone !== 'default') edge.tone = tone;
    this.edges.set(key, edge);
  }

  get size(): number {
    return this.nodes.size;
  }

  build(direction: 'RIGHT' | 'DOWN'): DiagramInput {
    const all = [...this.nodes.values()].sort((a, b) => a.tier - b.tier || a.order - b.order);
    const kept = all.slice(0, this.limit).sort((a, b) => a.order - b.order);
    const ids = new Set(kept.map((k) => k.node.id));
    const nodes = kept.map((k) => k.node);
    const edges = [...this.edges.values()].filter((e) => ids.has(e.from) && ids.has(e.to));
    const left = all.length - kept.length;
    if (left > 0) {
      nodes.push({
        id: '__more__',
        kind: 'more',
        label: `${left} more not shown`,
        summary: `This graph shows at most ${this.limit} resources; ${left} more are connected.`,
      });
    }
    return { nodes, edges, direction };
  }
}

/** Channel node ids of a send or receive, added at `tier`. */
function channelIds(g: GraphBuilder, peer: MessagePeer, tier: number): string[] {
  return peer.channels.map((c) => g.add(c, tier));
}

/** Producers of a received message → message → (channels) → service; service → message → (channels) → consumers. */
function serviceGraph(catalog: Catalog, service: Resource, g: GraphBuilder): void {
  const self = g.focus(service);
  for (const peer of receivesOf(catalog, service)) {
    const message = g.add(peer.resource, 1);
    const channels = channelIds(g, peer, 1);
    if (channels.length === 0) g.link(message, self);
    for (const c of channels) {
      g.link(message, c);
      g.link(c, self);
    }
    for (const producer of producersOf(catalog, peer.resource)) {
      if (producer.resource.key === service.key) continue;
      g.link(g.add(producer.resource, 2), message);
    }
  }
  for (const peer of sendsOf(catalog, service)) {
    const message = g.add(peer.resource, 1);
    const channels = channelIds(g, peer, 1);
    g.link(self, message);
    for (const c of channels) g.link(message, c);
    for (const consumer of consumersOf(catalog, peer.resource)) {
      if (consumer.resource.key === service.key) continue;
      const id = g.add(consumer.resource, 2);
      const shared = consumer.channels.filter((c) => channels.includes(c.key));
      if (shared.length === 0) g.link(message, id);
      for (const c of shared) g.link(c.key, id);
    }
  }
  for (const t of triggersOf(catalog, service)) {
    g.link(g.add(t.received, 1), g.add(t.sent, 1), triggerLabel(t.condition), 'trigger');
  }
  const stores = neighbours(catalog, service.key, 1, {
    relations: ['writesTo', 'readsFrom'],
    direction: 'out',
  });
  const writes = new Set(stores.edges.filter((e) => e.relation === 'writesTo').map((e) => e.to));
  const reads = new Set(stores.edges.filter((e) => e.relation === 'readsFrom').map((e) => e.to));
  for (const key of new Set([...writes, ...reads])) {
    const store = catalog.byKey.get(key);
    if (!store) continue;
    const id = g.add(store, 1);
    if (writes.has(key) && reads.has(key)) g.link(self, id, 'reads & writes');
    else if (writes.has(key)) g.link(self, id, 'writes');
    else g.link(id, self, 'reads');
  }
}

/** Producers → message → (channels) → consumers, and channels the message itself names. */
function messageGraph(catalog: Catalog, message: Resource, g: GraphBuilder): void {
  const self = g.focus(message);
  for (const producer of producersOf(catalog, message)) {
    g.link(g.add(producer.resource, 1), self);
    for (const c of channelIds(g, producer, 1)) g.link(self, c);
  }
  const travels = neighbours(catalog, message.key, 1, { relations: ['travelsOn'], direction: 'out' });
  for (const e of travels.edges) {
    const channel = catalog.byKey.get(e.to);
    if (channel) g.link(self, g.add(channel, 1));
  }
  for (const consumer of consumersOf(catalog, message)) {
    const id = g.add(consumer.resource, 1);
    const channels = channelIds(g, consumer, 1);
    if (channels.length === 0) g.link(self, id);
    for (const c of channels) {
      g.link(self, c);
      g.link(c, id);
    }
  }
}

/** Producers → message → channel → consumers, for every message on the channel. */
function channelGraph(catalog: Catalog, channel: Resource, g: GraphBuilder): void {
  const self = g.focus(channel);
  for (const { message, producers, consumers } of messagesOnChannel(catalog, channel)) {
    const m = g.add(message, 1);
    g.link(m, self);
    for (const p of producers) g.link(g.add(p, 2), m);
    for (const c of consumers) g.link(self, g.add(c, 2));
  }
}

/** Services of a domain or system (and the domain itself when it sends or receives) with their messages. */
function groupGraph(catalog: Catalog, group: Resource, g: GraphBuilder): boolean {
  const services =
    group.kind === 'domain' ? servicesOfDomain(catalog, group) : childrenOf(catalog, group, 'service');
  const participants: Resource[] = [...services];
  const own = group.kind === 'domain' ? [...sendsOf(catalog, group), ...receivesOf(catalog, group)] : [];
  if (own.length > 0) participants.unshift(group);
  if (participants.length === 0) return false;
  for (const p of participants) {
    const id = p === group ? g.focus(group) : g.add(p, 0);
    for (const peer of receivesOf(catalog, p)) g.link(g.add(peer.resource, 1), id);
    for (const peer of sendsOf(catalog, p)) g.link(id, g.add(peer.resource, 1));
  }
  return true;
}

const relationPhrases: Partial<Record<Relation, string>> = {
  step: 'has step',
  travelsOn: 'travels on',
  sendsTo: 'sends to',
  receivesFrom: 'receives from',
  relatesTo: 'relates to',
  appliesTo: 'applies to',
  supersededBy: 'superseded by',
};

/** A trigger edge's label: "triggers when sufficient stock is available". */
const triggerLabel = (condition: string | undefined) =>
  condition ? `triggers ${conditionClause(condition)}` : 'triggers';

function relationLabel(e: Edge): string {
  if (e.relation === 'triggers') return triggerLabel(e.label);
  if (e.relation === 'relatesTo' && e.label) return e.label;
  return relationPhrases[e.relation] ?? e.relation.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The resource and what one hop of the graph reaches; body references only where nothing else links a pair. */
function neighbourGraph(catalog: Catalog, resource: Resource, g: GraphBuilder): void {
  g.focus(resource);
  const hood = neighbours(catalog, resource.key, 1);
  const pair = (e: Edge) => [e.from, e.to].sort().join('\n');
  const linked = new Set(hood.edges.filter((e) => e.relation !== 'references').map(pair));
  for (const key of hood.nodes.keys()) {
    const r = catalog.byKey.get(key);
    if (r && key !== resource.key) g.add(r, 1);
  }
  for (const e of hood.edges) {
    if (e.relation === 'references' && linked.has(pair(e))) continue;
    g.link(e.from, e.to, relationLabel(e), e.relation === 'triggers' ? 'trigger' : undefined);
  }
}

/**
 * A resource's neighbourhood, as EventCatalog's NodeGraph draws it: for a service, received messages (with
 * their producers) on the left and sent messages (with their consumers) on the right, channels between where
 * the pointers name them, data stores it writes or reads; for a message, producers → message → consumers;
 * for a channel, the messages on it between their producers and consumers; for a domain or system, its
 * services and their messages; for a flow, its steps; for anything else, one hop of `neighbours`. At most
 * `maxGraphNodes` nodes (nearest first), then one 'more' node saying how many were left out.
 */
export function resourceGraph(
  catalog: Catalog,
  resource: Resource,
  href: HrefOf,
  limit = maxGraphNodes,
): DiagramInput {
  if (resource.kind === 'flow') return flowDiagram(catalog, resource as Resource<'flow'>, href);
  const g = new GraphBuilder(href, limit);
  switch (resource.kind) {
    case 'service':
    case 'agent':
      serviceGraph(catalog, resource, g);
      return g.build('RIGHT');
    case 'event':
    case 'command':
    case 'query':
      messageGraph(catalog, resource, g);
      return g.build('RIGHT');
    case 'channel':
      channelGraph(catalog, resource, g);
      return g.build('RIGHT');
    case 'domain':
    case 'system':
      if (groupGraph(catalog, resource, g)) return g.build('RIGHT');
      break;
  }
  neighbourGraph(catalog, resource, g);
  return g.build('DOWN');
}
