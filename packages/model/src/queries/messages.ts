import type { Catalog, Edge } from '../catalog.js';
import type { Resource } from '../resource.js';
import { incomingTo, incomingToAnyVersion, isNewest, outgoingFrom } from './_edges.js';

/** One side of a message exchange: who, through which channels, and the version the pointer asked for. */
export interface MessagePeer {
  /** The producer or consumer (a service, a domain or an agent); for sends/receives queries, the message. */
  resource: Resource;
  channels: Resource[];
  /** The version as written on the pointer (`^1.0.0`, `1.0.0`), undefined for latest. */
  requested: string | undefined;
  edge: Edge;
}

export interface PeerOptions {
  /** Count pointers to every version of the message, not only to this one. */
  anyVersion?: boolean;
  /** Include older versions of the producers and consumers themselves (default: newest only). */
  olderPeers?: boolean;
}

function peers(catalog: Catalog, edges: Edge[], side: 'from' | 'to', options: PeerOptions): MessagePeer[] {
  const out: MessagePeer[] = [];
  for (const edge of edges) {
    const resource = catalog.byKey.get(edge[side]);
    if (!resource) continue;
    if (side === 'from' && !options.olderPeers && !isNewest(catalog, resource)) continue;
    const channels = (edge.via ?? [])
      .map((k) => catalog.byKey.get(k))
      .filter((r): r is Resource => r !== undefined);
    out.push({ resource, channels, requested: edge.requested, edge });
  }
  return out;
}

/** Who sends a message (services, domains, agents), with the channels each sends it through. */
export function producersOf(catalog: Catalog, message: Resource, options: PeerOptions = {}): MessagePeer[] {
  const edges = options.anyVersion
    ? incomingToAnyVersion(catalog, message, ['sends'])
    : incomingTo(catalog, message, ['sends']);
  return peers(catalog, edges, 'from', options);
}

/** Who receives a message, with the channels each receives it from. */
export function consumersOf(catalog: Catalog, message: Resource, options: PeerOptions = {}): MessagePeer[] {
  const edges = options.anyVersion
    ? incomingToAnyVersion(catalog, message, ['receives'])
    : incomingTo(catalog, message, ['receives']);
  return peers(catalog, edges, 'from', options);
}

/** What a service (or domain, or agent) sends: each message with its channels. */
export function sendsOf(catalog: Catalog, sender: Resource): MessagePeer[] {
  return peers(catalog, outgoingFrom(catalog, sender, ['sends']), 'to', {});
}

/** What a service (or domain, or agent) receives: each message with its channels. */
export function receivesOf(catalog: Catalog, receiver: Resource): MessagePeer[] {
  return peers(catalog, outgoingFrom(catalog, receiver, ['receives']), 'to', {});
}

export interface Trigger {
  service: Resource;
  /** Receiving this... */
  received: Resource;
  /** ...makes the service send this. */
  sent: Resource;
  condition: string | undefined;
}

/**
 * A trigger's condition as a clause after the message it sends: "when sufficient stock is available",
 * whether the author wrote "When sufficient stock…" or "sufficient stock…". Empty without one.
 */
export function conditionClause(condition: string | undefined): string {
  const text = condition?.replace(/\s+/g, ' ').trim();
  if (!text) return '';
  const lead = /^(when|if|unless|once|after|before|on|while)\b/i.exec(text);
  if (lead) return `${lead[1]?.toLowerCase()}${text.slice(lead[0].length)}`;
  // "Every line fits" reads "when every line fits"; "SKU unknown" keeps its capitals.
  return `when ${/^[A-Z][a-z]/.test(text) ? `${text[0]?.toLowerCase()}${text.slice(1)}` : text}`;
}

function toTrigger(catalog: Catalog, edge: Edge): Trigger | undefined {
  const service = catalog.byKey.get(edge.from);
  const sent = catalog.byKey.get(edge.to);
  const received = edge.qualifies ? catalog.byKey.get(edge.qualifies) : undefined;
  if (!service || !sent || !received) return undefined;
  return { service, received, sent, condition: edge.label };
}

/** The triggers a service declares: receiving A makes it send B. */
export function triggersOf(catalog: Catalog, service: Resource): Trigger[] {
  return outgoingFrom(catalog, service, ['triggers'])
    .map((e) => toTrigger(catalog, e))
    .filter((t): t is Trigger => t !== undefined);
}

/** What receiving a message causes: every trigger, in any service, whose received message is this one. */
export function reactionsTo(catalog: Catalog, message: Resource): Trigger[] {
  return (triggersByReceived(catalog).get(message.key) ?? [])
    .map((e) => toTrigger(catalog, e))
    .filter((t): t is Trigger => t !== undefined);
}

/** `triggers` edges by the message whose receipt sets them off, indexed once per catalog (catalogs are immutable). */
const triggerIndex = new WeakMap<Catalog, Map<string, Edge[]>>();

function triggersByReceived(catalog: Catalog): Map<string, Edge[]> {
  let index = triggerIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const e of catalog.edges) {
      if (e.relation !== 'triggers' || !e.qualifies) continue;
      const list = index.get(e.qualifies);
      if (list) list.push(e);
      else index.set(e.qualifies, [e]);
    }
    triggerIndex.set(catalog, index);
  }
  return index;
}

/** What makes a message be sent: every trigger, in any service, whose sent message is this one. */
export function causesOf(catalog: Catalog, message: Resource): Trigger[] {
  return (catalog.incoming.get(message.key) ?? [])
    .filter((e) => e.relation === 'triggers')
    .map((e) => toTrigger(catalog, e))
    .filter((t): t is Trigger => t !== undefined);
}

/** Messages that travel on a channel, with who sends them into it and who takes them from it. */
export function messagesOnChannel(
  catalog: Catalog,
  channel: Resource,
): { message: Resource; producers: Resource[]; consumers: Resource[] }[] {
  const byMessage = new Map<string, { message: Resource; producers: Resource[]; consumers: Resource[] }>();
  const entry = (key: string) => {
    let e = byMessage.get(key);
    const message = catalog.byKey.get(key);
    if (!e && message) {
      e = { message, producers: [], consumers: [] };
      byMessage.set(key, e);
    }
    return e;
  };
  for (const edge of incomingToAnyVersion(catalog, channel, ['sendsTo', 'receivesFrom', 'travelsOn'])) {
    const messageKey = edge.relation === 'travelsOn' ? edge.from : edge.qualifies;
    if (!messageKey) continue;
    const e = entry(messageKey);
    const peer = catalog.byKey.get(edge.from);
    if (!e || !peer || edge.relation === 'travelsOn') continue;
    (edge.relation === 'sendsTo' ? e.producers : e.consumers).push(peer);
  }
  return [...byMessage.values()];
}
