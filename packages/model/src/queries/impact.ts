import semver from 'semver';
import type { Catalog } from '../catalog.js';
import { isMessageKind } from '../kinds/kind.js';
import { resolveBodyReference } from '../resolve-body.js';
import { nameOf, type Resource } from '../resource.js';
import { outgoingFrom, uniqueResources } from './_edges.js';
import { flowImpactOf, type ImpactFlow } from './impact-flows.js';
import { versionsOf } from './lookup.js';
import { domainsOf, systemsOf } from './membership.js';
import {
  causesOf,
  consumersOf,
  type MessagePeer,
  producersOf,
  reactionsTo,
  receivesOf,
  sendsOf,
  type Trigger,
  triggersOf,
} from './messages.js';
import { ownersOf } from './ownership.js';

export type { FailureBranch, ImpactFlow, ImpactFlowStep } from './impact-flows.js';

/**
 * The impact report: the stable shape of `switchyard impact --format json`, the JSON API, the MCP tool
 * and the site's Impact section. Fields are only ever added; `format` changes when one changes meaning.
 */
export interface ImpactReport {
  format: 'switchyard-impact/1';
  subject: ImpactRef & { summary?: string };
  depth: number;
  /** Who sends it (for a message), with transitive causes: services whose sends trigger it. */
  producers: ImpactPeer[];
  /** Who receives it (for a message), and transitively who receives what those consumers send in reaction. */
  consumers: ImpactPeer[];
  /** For a service: each message it sends, with everyone who receives it. */
  sends: ImpactExchange[];
  /** For a service: each message it receives, with everyone who sends it. */
  receives: ImpactExchange[];
  /**
   * What the subject causes, at each depth: every message a service sends in reaction to receiving it
   * (for a service, the reactions it declares), then the reactions to those, up to `depth`; whether or not
   * anyone consumes the message sent.
   */
  reactions: ImpactReaction[];
  /** What causes the subject to be sent, at each depth: the triggers naming it, then what causes those. */
  causes: ImpactReaction[];
  /** For a service: the data stores (containers) it writes to or reads from. */
  dataStores: { container: ImpactRef; access: 'writes' | 'reads' }[];
  channels: ImpactRef[];
  flows: ImpactFlow[];
  /** Domains and systems of the subject and of everyone on the other side, i.e. the boundaries crossed. */
  domains: ImpactRef[];
  systems: ImpactRef[];
  /** Who must review: owners of the subject, its direct peers and its flows. */
  owners: ImpactOwner[];
  /** Pointers to the message that name a version or range; `leftBehindBy` lists the bumps they would miss. */
  pinned: PinnedPointer[];
  /** Catalog files that describe the subject or show it, and so must be updated with it. */
  pages: { ref: ImpactRef; reason: string }[];
}

export interface ImpactRef {
  key: string;
  kind: string;
  id: string;
  version: string;
  name: string;
  /** The catalog file, relative to the root. */
  file: string;
}

export interface ImpactPeer {
  resource: ImpactRef;
  channels: ImpactRef[];
  /** The version the peer's pointer asks for, as written. */
  requested?: string;
  /** 1 for a direct producer or consumer; 2+ when reached through triggers. */
  distance: number;
  /** For distance 2+: the message through which the peer is reached. */
  through?: string;
}

/** A service's declared reaction: receiving one message makes it send another, maybe on a condition. */
export interface ImpactReaction {
  received: ImpactRef;
  service: ImpactRef;
  sent: ImpactRef;
  condition?: string;
  /** 1: a reaction to the subject itself (or, for a service, its own); 2+: a reaction to a reaction. */
  depth: number;
  /** Who receives the message sent (reactions) or sends the message received (causes); may be empty. */
  peers: ImpactRef[];
}

export interface ImpactExchange {
  message: ImpactRef;
  channels: ImpactRef[];
  counterparts: ImpactRef[];
}

export interface ImpactOwner {
  kind: 'team' | 'user';
  id: string;
  name: string;
  email?: string;
  slack?: string;
  msTeams?: string;
  /** Keys of the impacted resources this owner owns. */
  owns: string[];
}

export interface PinnedPointer {
  peer: ImpactRef;
  side: 'producer' | 'consumer';
  requested: string;
  /** The version the pointer resolves to today. */
  resolvesTo: string;
  latest: string;
  /** Which next release of the latest version (patch, minor, major) the pointer would not follow. */
  leftBehindBy: ('patch' | 'minor' | 'major')[];
}

export interface ImpactOptions {
  /** How far to follow triggers and subflows (1: direct neighbours only). Default 3. */
  depth?: number;
  /** Also scan every body for `[[...]]` mentions to list pages to update (default true; costs a catalog scan). */
  mentions?: boolean;
}

export function impactRef(r: Resource): ImpactRef {
  return { key: r.key, kind: r.kind, id: r.id, version: r.version, name: nameOf(r), file: r.source.file };
}

const byKey = <T extends { key: string }>(list: T[]) => [...new Map(list.map((x) => [x.key, x])).values()];

function peerOf(p: MessagePeer, distance: number, through?: string): ImpactPeer {
  const peer: ImpactPeer = { resource: impactRef(p.resource), channels: p.channels.map(impactRef), distance };
  if (p.requested !== undefined) peer.requested = p.requested;
  if (through !== undefined) peer.through = through;
  return peer;
}

/** Consumers, then consumers of what they send in reaction, breadth first up to `depth`. */
function downstream(catalog: Catalog, message: Resource, depth: number): ImpactPeer[] {
  const out = consumersOf(catalog, message, { anyVersion: true }).map((p) => peerOf(p, 1));
  const seen = new Set([message.key]);
  let frontier = [message];
  for (let d = 2; d <= depth && frontier.length > 0; d++) {
    const next: Resource[] = [];
    for (const m of frontier) {
      for (const t of reactionsTo(catalog, m)) {
        if (seen.has(t.sent.key)) continue;
        seen.add(t.sent.key);
        next.push(t.sent);
        out.push(...consumersOf(catalog, t.sent).map((p) => peerOf(p, d, t.sent.key)));
      }
    }
    frontier = next;
  }
  return out;
}

/** Producers, then producers of what causes them to send it, up to `depth`. */
function upstream(catalog: Catalog, message: Resource, depth: number): ImpactPeer[] {
  const out = producersOf(catalog, message, { anyVersion: true }).map((p) => peerOf(p, 1));
  const seen = new Set([message.key]);
  let frontier = [message];
  for (let d = 2; d <= depth && frontier.length > 0; d++) {
    const next: Resource[] = [];
    for (const m of frontier) {
      for (const t of causesOf(catalog, m)) {
        if (seen.has(t.received.key)) continue;
        seen.add(t.received.key);
        next.push(t.received);
        out.push(...producersOf(catalog, t.received).map((p) => peerOf(p, d, t.received.key)));
      }
    }
    frontier = next;
  }
  return out;
}

function reactionOf(t: Trigger, depth: number, peers: Resource[]): ImpactReaction {
  const reaction: ImpactReaction = {
    received: impactRef(t.received),
    service: impactRef(t.service),
    sent: impactRef(t.sent),
    depth,
    peers: uniqueResources(peers).map(impactRef),
  };
  if (t.condition !== undefined) reaction.condition = t.condition;
  return reaction;
}

/** Every version of a message: a trigger names the version its service receives, not always the newest. */
const allVersions = (catalog: Catalog, m: Resource) => versionsOf(catalog, m.kind, m.id);

/**
 * Trigger paths breadth first from `first`, up to `depth`: each trigger is a reaction at its depth, and the
 * message at its far end (`onward`: the sent one going downstream, the received one going upstream) is
 * followed once, over every version of it, through `more`. `peers` are who stands at that far end.
 */
function walkTriggers(
  catalog: Catalog,
  subject: Resource,
  depth: number,
  first: Trigger[],
  way: {
    onward: (t: Trigger) => Resource;
    more: (catalog: Catalog, message: Resource) => Trigger[];
    peers: (catalog: Catalog, message: Resource, options: { anyVersion: boolean }) => MessagePeer[];
  },
): ImpactReaction[] {
  const out: ImpactReaction[] = [];
  const seen = new Set([`${subject.kind}:${subject.id}`]);
  let frontier = first;
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: Trigger[] = [];
    for (const t of frontier) {
      const far = way.onward(t);
      out.push(
        reactionOf(
          t,
          d,
          way.peers(catalog, far, { anyVersion: true }).map((p) => p.resource),
        ),
      );
      const id = `${far.kind}:${far.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      next.push(...allVersions(catalog, far).flatMap((v) => way.more(catalog, v)));
    }
    frontier = next;
  }
  return out;
}

/** What the subject causes: reactions to it (for a service, the ones it declares), then to those. */
function reactionsFrom(catalog: Catalog, subject: Resource, depth: number): ImpactReaction[] {
  const first = isMessageKind(subject.kind)
    ? allVersions(catalog, subject).flatMap((v) => reactionsTo(catalog, v))
    : triggersOf(catalog, subject);
  return walkTriggers(catalog, subject, depth, first, {
    onward: (t) => t.sent,
    more: reactionsTo,
    peers: consumersOf,
  });
}

/** What causes the subject: the triggers that send it, then those that send what they receive. */
function causesFrom(catalog: Catalog, subject: Resource, depth: number): ImpactReaction[] {
  if (!isMessageKind(subject.kind)) return [];
  const first = allVersions(catalog, subject).flatMap((v) => causesOf(catalog, v));
  return walkTriggers(catalog, subject, depth, first, {
    onward: (t) => t.received,
    more: causesOf,
    peers: producersOf,
  });
}

function pinnedPointers(catalog: Catalog, message: Resource): PinnedPointer[] {
  const latest = versionsOf(catalog, message.kind, message.id)[0]?.version ?? message.version;
  const bumps = (['patch', 'minor', 'major'] as const).map((b) => [b, semver.inc(latest, b)] as const);
  const sides = [
    ['producer', producersOf(catalog, message, { anyVersion: true })],
    ['consumer', consumersOf(catalog, message, { anyVersion: true })],
  ] as const;
  const out: PinnedPointer[] = [];
  for (const [side, peers] of sides) {
    for (const p of peers) {
      const requested = p.requested;
      if (requested === undefined || requested === 'latest') continue;
      const leftBehindBy = bumps
        .filter(([, next]) => next !== null && !semver.satisfies(next, requested))
        .map(([b]) => b);
      const resolvesTo = catalog.byKey.get(p.edge.to)?.version ?? '';
      out.push({ peer: impactRef(p.resource), side, requested, resolvesTo, latest, leftBehindBy });
    }
  }
  return out;
}

function exchanges(catalog: Catalog, service: Resource, direction: 'sends' | 'receives'): ImpactExchange[] {
  const list = direction === 'sends' ? sendsOf(catalog, service) : receivesOf(catalog, service);
  return list.map((m) => {
    const others =
      direction === 'sends' ? consumersOf(catalog, m.resource) : producersOf(catalog, m.resource);
    return {
      message: impactRef(m.resource),
      channels: m.channels.map(impactRef),
      counterparts: byKey(
        others.filter((o) => o.resource.key !== service.key).map((o) => impactRef(o.resource)),
      ),
    };
  });
}

function ownersFor(catalog: Catalog, resources: Resource[]): ImpactOwner[] {
  const owners = new Map<string, ImpactOwner>();
  for (const r of resources) {
    const { teams, users } = ownersOf(catalog, r);
    for (const o of [...teams, ...users]) {
      let entry = owners.get(o.key);
      if (!entry) {
        const d = o.data as {
          email?: string;
          slackDirectMessageUrl?: string;
          msTeamsDirectMessageUrl?: string;
        };
        entry = { kind: o.kind as 'team' | 'user', id: o.id, name: nameOf(o), owns: [] };
        if (d.email) entry.email = d.email;
        if (d.slackDirectMessageUrl) entry.slack = d.slackDirectMessageUrl;
        if (d.msTeamsDirectMessageUrl) entry.msTeams = d.msTeamsDirectMessageUrl;
        owners.set(o.key, entry);
      }
      if (!entry.owns.includes(r.key)) entry.owns.push(r.key);
    }
  }
  return [...owners.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'team' ? -1 : 1));
}

/** Per catalog: for each `kind:id`, the newest resources whose body names any version of it. */
const mentionIndexes = new WeakMap<Catalog, Map<string, Resource[]>>();

/** Newest resources whose body has a `[[type|id]]` naming any version of the subject. */
function mentionsOf(catalog: Catalog, subject: Resource): Resource[] {
  let index = mentionIndexes.get(catalog);
  if (!index) {
    // Every body reference is resolved once per catalog, not once per question.
    index = new Map();
    for (const list of catalog.versions.values()) {
      const r = list[0] as Resource;
      const named = new Set<string>();
      for (const ref of r.references) {
        const target = resolveBodyReference(catalog.versions, ref);
        if (target) named.add(`${target.kind}:${target.id}`);
      }
      for (const key of named) {
        const list = index.get(key);
        if (list) list.push(r);
        else index.set(key, [r]);
      }
    }
    mentionIndexes.set(catalog, index);
  }
  const out = (index.get(`${subject.kind}:${subject.id}`) ?? []).filter(
    (r) => !(r.id === subject.id && r.kind === subject.kind),
  );
  return uniqueResources(out);
}

/** Everything a change to a resource touches, from the graph alone. Pure and deterministic. */
export function impactOf(catalog: Catalog, subject: Resource, options: ImpactOptions = {}): ImpactReport {
  const depth = Math.max(1, options.depth ?? 3);
  const message = isMessageKind(subject.kind);
  const producers = message ? upstream(catalog, subject, depth) : [];
  const consumers = message ? downstream(catalog, subject, depth) : [];
  const sends = message ? [] : exchanges(catalog, subject, 'sends');
  const receives = message ? [] : exchanges(catalog, subject, 'receives');
  const dataStores = outgoingFrom(catalog, subject, ['writesTo', 'readsFrom']).flatMap((e) => {
    const c = catalog.byKey.get(e.to);
    return c
      ? [
          {
            container: impactRef(c),
            access: e.relation === 'writesTo' ? ('writes' as const) : ('reads' as const),
          },
        ]
      : [];
  });
  const flows = flowImpactOf(catalog, subject, depth);

  const resolve = (key: string) => catalog.byKey.get(key);
  const isResource = (r: Resource | undefined): r is Resource => r !== undefined;
  const directPeers = uniqueResources(
    [...producers.filter((p) => p.distance === 1), ...consumers.filter((p) => p.distance === 1)]
      .map((p) => resolve(p.resource.key))
      .concat([...sends, ...receives].flatMap((x) => x.counterparts.map((c) => resolve(c.key))))
      .filter(isResource),
  );
  const allPeers = uniqueResources(
    [...producers, ...consumers].map((p) => resolve(p.resource.key)).filter(isResource),
  );
  const channelList = [
    ...producers.filter((p) => p.distance === 1),
    ...consumers.filter((p) => p.distance === 1),
  ].flatMap((p) => p.channels);
  channelList.push(...[...sends, ...receives].flatMap((x) => x.channels));
  const flowResources = flows.map((f) => resolve(f.key)).filter(isResource);
  const around = [subject, ...directPeers, ...allPeers];

  const pages: { ref: ImpactRef; reason: string }[] = [
    { ref: impactRef(subject), reason: 'the resource itself' },
  ];
  const addPage = (r: Resource, reason: string) => {
    if (!pages.some((p) => p.ref.key === r.key)) pages.push({ ref: impactRef(r), reason });
  };
  for (const f of flowResources) addPage(f, 'shows it as a flow step');
  for (const p of directPeers) addPage(p, message ? 'sends or receives it' : 'exchanges messages with it');
  if (options.mentions !== false) {
    for (const r of mentionsOf(catalog, subject)) addPage(r, 'mentions it in its text');
  }

  const report: ImpactReport = {
    format: 'switchyard-impact/1',
    subject: impactRef(subject),
    depth,
    producers,
    consumers,
    sends,
    receives,
    reactions: reactionsFrom(catalog, subject, depth),
    causes: causesFrom(catalog, subject, depth),
    dataStores,
    channels: byKey(channelList),
    flows,
    domains: byKey(around.flatMap((r) => domainsOf(catalog, r)).map(impactRef)),
    systems: byKey(around.flatMap((r) => systemsOf(catalog, r)).map(impactRef)),
    owners: ownersFor(catalog, [subject, ...directPeers, ...flowResources]),
    pinned: message ? pinnedPointers(catalog, subject) : [],
    pages,
  };
  const summary = (subject.data as { summary?: unknown }).summary;
  if (typeof summary === 'string') report.subject.summary = summary.trim();
  return report;
}
