import type { Catalog, Edge } from '../catalog.js';
import type { Relation } from '../kinds/kind.js';
import { type ImpactRef, impactRef } from '../queries/impact.js';
import { ownersOf } from '../queries/ownership.js';
import { isDeprecated, type Resource } from '../resource.js';

/**
 * What changed between two catalogs, compared by `kind:id` (newest version of each). Stable JSON: the
 * `graph` part of `switchyard diff --format json`.
 */
export interface CatalogDiff {
  added: ImpactRef[];
  removed: ImpactRef[];
  /** Resources in both whose frontmatter or text changed; `fields` names the top-level fields (and `body`). */
  changed: { ref: ImpactRef; fields: string[] }[];
  versionBumps: { ref: ImpactRef; from: string; to: string }[];
  deprecated: ImpactRef[];
  ownerChanges: { ref: ImpactRef; added: string[]; removed: string[] }[];
  edgesAdded: EdgeChange[];
  edgesRemoved: EdgeChange[];
}

/** An edge, with versions left out so that a version bump does not look like a new edge. */
export interface EdgeChange {
  from: string;
  relation: Relation;
  to: string;
  /** For a channel of a send or receive, or a trigger: the message it belongs to (`kind:id`). */
  qualifies?: string;
  /** What it means for a reader: "new consumer", "producer gone", "channel changed"... */
  meaning: string;
}

/** Relations compared as edges; ownership is reported as owner changes, steps through the flow's fields. */
const compared: readonly Relation[] = [
  'sends',
  'receives',
  'sendsTo',
  'receivesFrom',
  'triggers',
  'contains',
  'writesTo',
  'readsFrom',
  'travelsOn',
];

const idOf = (catalog: Catalog, key: string) => {
  const r = catalog.byKey.get(key);
  return r ? `${r.kind}:${r.id}` : key;
};

function meaningOf(relation: Relation, added: boolean): string {
  const words: Partial<Record<Relation, [string, string]>> = {
    sends: ['new producer', 'producer gone'],
    receives: ['new consumer', 'consumer gone'],
    sendsTo: ['channel changed', 'channel changed'],
    receivesFrom: ['channel changed', 'channel changed'],
    travelsOn: ['channel changed', 'channel changed'],
    triggers: ['new trigger', 'trigger gone'],
    contains: ['new member', 'member gone'],
    writesTo: ['new data store write', 'data store write gone'],
    readsFrom: ['new data store read', 'data store read gone'],
  };
  const pair = words[relation];
  return pair ? pair[added ? 0 : 1] : relation;
}

function edgesOf(catalog: Catalog): Map<string, Omit<EdgeChange, 'meaning'>> {
  const out = new Map<string, Omit<EdgeChange, 'meaning'>>();
  for (const list of catalog.versions.values()) {
    const newest = list[0] as Resource;
    for (const e of catalog.outgoing.get(newest.key) ?? []) {
      if (!compared.includes(e.relation)) continue;
      const edge = plain(catalog, e);
      out.set(`${edge.from} ${edge.relation} ${edge.to} ${edge.qualifies ?? ''}`, edge);
    }
  }
  return out;
}

function plain(catalog: Catalog, e: Edge): Omit<EdgeChange, 'meaning'> {
  const edge: Omit<EdgeChange, 'meaning'> = {
    from: idOf(catalog, e.from),
    relation: e.relation,
    to: idOf(catalog, e.to),
  };
  if (e.qualifies) edge.qualifies = idOf(catalog, e.qualifies);
  return edge;
}

function changedFields(a: Resource, b: Resource): string[] {
  const keys = new Set([
    ...Object.keys(a.data),
    ...Object.keys(b.data),
    ...Object.keys(a.custom),
    ...Object.keys(b.custom),
  ]);
  const fields: string[] = [];
  const read = (r: Resource, k: string) => (r.data as Record<string, unknown>)[k] ?? r.custom[k];
  for (const k of [...keys].sort()) {
    if (k === 'version') continue;
    if (JSON.stringify(read(a, k)) !== JSON.stringify(read(b, k))) fields.push(k);
  }
  if (a.body.trim() !== b.body.trim()) fields.push('body');
  return fields;
}

const ownerIds = (catalog: Catalog, r: Resource) => {
  const { teams, users } = ownersOf(catalog, r);
  const declared = ((r.data as { owners?: unknown }).owners ?? []) as unknown[];
  const ids = [...teams, ...users].map((o) => `${o.kind}:${o.id}`);
  // Owners that name nothing still count as a change to who owns it.
  for (const o of declared) {
    const id = typeof o === 'string' ? o : (o as { id?: unknown })?.id;
    if (typeof id === 'string' && !ids.some((x) => x.endsWith(`:${id}`))) ids.push(id);
  }
  return ids.sort();
};

/** Compares two catalogs. Pure. */
export function diffCatalogs(base: Catalog, head: Catalog): CatalogDiff {
  const diff: CatalogDiff = {
    added: [],
    removed: [],
    changed: [],
    versionBumps: [],
    deprecated: [],
    ownerChanges: [],
    edgesAdded: [],
    edgesRemoved: [],
  };
  for (const [key, list] of head.versions) {
    const b = list[0] as Resource;
    const a = base.versions.get(key)?.[0];
    if (!a) {
      diff.added.push(impactRef(b));
      continue;
    }
    if (a.version !== b.version)
      diff.versionBumps.push({ ref: impactRef(b), from: a.version, to: b.version });
    const fields = changedFields(a, b);
    if (fields.length > 0) diff.changed.push({ ref: impactRef(b), fields });
    if (!isDeprecated(a) && isDeprecated(b)) diff.deprecated.push(impactRef(b));
    const before = ownerIds(base, a);
    const after = ownerIds(head, b);
    const added = after.filter((o) => !before.includes(o));
    const removed = before.filter((o) => !after.includes(o));
    if (added.length > 0 || removed.length > 0) diff.ownerChanges.push({ ref: impactRef(b), added, removed });
  }
  for (const [key, list] of base.versions) {
    if (!head.versions.has(key)) diff.removed.push(impactRef(list[0] as Resource));
  }
  const edgesBefore = edgesOf(base);
  const edgesAfter = edgesOf(head);
  for (const [k, e] of edgesAfter)
    if (!edgesBefore.has(k)) diff.edgesAdded.push({ ...e, meaning: meaningOf(e.relation, true) });
  for (const [k, e] of edgesBefore)
    if (!edgesAfter.has(k)) diff.edgesRemoved.push({ ...e, meaning: meaningOf(e.relation, false) });
  return diff;
}

/** True when nothing changed. */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return Object.values(diff).every((list) => (list as unknown[]).length === 0);
}
