import { type Diagnostic, diagnostic } from './diagnostics.js';
import type { FieldPath, Kind, PointerSite, Relation } from './kinds/kind.js';
import { kindDef } from './kinds/registry.js';
import type { NodeKey } from './ref.js';
import { formatRef } from './ref.js';
import { kindsForReferenceType, resolveBodyReferences } from './resolve-body.js';
import { locate, type Resource } from './resource.js';
import { article } from './validate.js';
import { compareVersions, resolveVersion } from './version.js';

/** A resolved pointer: `from` <relation> `to`. */
export interface Edge {
  from: NodeKey;
  to: NodeKey;
  relation: Relation;
  label?: string;
  /** The version as the pointer wrote it (`^1.0.0`, `latest`, undefined), kept for "pinned consumer" questions. */
  requested?: string;
  /** Channels a send or receive goes through. */
  via?: NodeKey[];
  /**
   * The message a qualifying pointer belongs to: for a channel of a send or receive, that message; for
   * a trigger, the received message that causes the send.
   */
  qualifies?: NodeKey;
  /** Where the pointer is written: in `from`, or in `declaredIn` when the other end wrote it. */
  path: FieldPath;
  /** Set when the pointer is written by `to` (a 1.x message's `producers`/`consumers`). */
  declaredIn?: NodeKey;
}

/** The loaded catalog: every resource, indexed once, and the graph of resolved pointers. */
export interface Catalog {
  /** Every resource, older versions included, in load order. */
  readonly resources: readonly Resource[];
  readonly byKey: ReadonlyMap<NodeKey, Resource>;
  /** `kind:id` to its versions, newest first. */
  readonly versions: ReadonlyMap<string, readonly Resource[]>;
  /** Resources by kind, newest version of each id only. */
  readonly latestByKind: ReadonlyMap<Kind, readonly Resource[]>;
  readonly edges: readonly Edge[];
  readonly outgoing: ReadonlyMap<NodeKey, readonly Edge[]>;
  readonly incoming: ReadonlyMap<NodeKey, readonly Edge[]>;
}

export interface BuiltCatalog {
  catalog: Catalog;
  diagnostics: Diagnostic[];
}

const idKey = (kind: Kind, id: string) => `${kind}:${id}`;

/** Finds what a pointer names: the first target kind holding the id, at the matching version. */
export function resolvePointer(
  catalog: Pick<Catalog, 'versions'>,
  targets: readonly Kind[],
  id: string,
  version?: string,
): { resource?: Resource; kindFound?: Kind; available?: string[] } {
  for (const kind of targets) {
    const list = catalog.versions.get(idKey(kind, id));
    if (!list) continue;
    const available = list.map((r) => r.version);
    const picked = kindDef(kind).versioned ? resolveVersion(available, version) : available[0];
    const resource = list.find((r) => r.version === picked);
    return resource ? { resource, kindFound: kind } : { kindFound: kind, available };
  }
  return {};
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the graph from loaded resources, once: indexes by key, by id (versions newest first) and by kind;
 * resolves every pointer and body reference, reporting those that name nothing. Pure: no IO.
 */
export interface BuildOptions {
  /**
   * `kind:id` of resources whose files exist but could not be read (bad YAML, invalid fields). Pointers to
   * them are not reported again: the file's own diagnostic is the one to fix.
   */
  unloadable?: ReadonlySet<string>;
  /**
   * The graph before an edit (a reload): a resource that is the same object as in it, whose pointers and
   * body references name nothing that changed, keeps the edges and diagnostics it made there.
   */
  previous?: Catalog;
  /**
   * Keep what each resource made, for a later `previous` (a graph rebuilt after edits: a dev server). Off by
   * default: a graph built once (a build, a check, a thread's copy) keeps none of it, and a `previous`
   * built without it finds nothing, so every resource resolves.
   */
  forReload?: boolean;
}

/** What one resource's pointers and body references made, and the `kind:id`s whose change could alter it. */
interface Made {
  edges: Edge[];
  reversed: Edge[];
  diagnostics: Diagnostic[];
  /** `kind:id` and `name:kind:name` looked up; `doc:*` when a body references a doc by path. */
  depends: string[];
}

/** What a graph was built from, for the next build after an edit. */
interface Memo {
  made: Map<Resource, Made>;
  names: ReadonlyMap<string, string>;
  unloadable: ReadonlySet<string>;
}
const memos = new WeakMap<Catalog, Memo>();

export function buildCatalog(input: readonly Resource[], options: BuildOptions = {}): BuiltCatalog {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<NodeKey, Resource>();
  const resources: Resource[] = [];
  for (const r of input) {
    const first = byKey.get(r.key);
    if (first) {
      const label = article(kindDef(r.kind).label);
      const where = r.version ? `${label} "${r.id}" version ${r.version}` : `${label} "${r.id}"`;
      diagnostics.push(
        diagnostic(
          'duplicate-id',
          `${where} is defined twice: in ${first.source.file} (used) and in this file (ignored).`.replace(
            /^./,
            (c) => c.toUpperCase(),
          ),
          locate(r, r.source.position('id', false) ? ['id'] : ['name']),
        ),
      );
      continue;
    }
    byKey.set(r.key, r);
    resources.push(r);
  }

  const versions = new Map<string, Resource[]>();
  for (const r of resources) push(versions, idKey(r.kind, r.id), r);
  const latestByKind = new Map<Kind, Resource[]>();
  for (const list of versions.values()) {
    list.sort((a, b) => compareVersions(b.version, a.version));
    const newest = list[0] as Resource;
    push(latestByKind, newest.kind, newest);
  }

  const edges: Edge[] = [];
  /** Edges a message declares for its services (1.x `producers`), kept unless a service declares the same. */
  const reversed: Edge[] = [];
  const index = { versions, names: nameIndex(latestByKind) };
  const unloadable = options.unloadable ?? new Set<string>();
  const before = options.previous && memos.get(options.previous);
  const changed =
    before && options.previous ? changedLookups(options.previous, before, index, unloadable) : undefined;
  const made = new Map<Resource, Made>();
  for (const r of resources) {
    const kept = changed && before?.made.get(r);
    const result =
      kept && !kept.depends.some((d) => changed.has(d)) ? kept : resolveResource(index, r, unloadable);
    made.set(r, result);
    edges.push(...result.edges);
    reversed.push(...result.reversed);
    diagnostics.push(...result.diagnostics);
  }
  const declared = new Set(reversed.length > 0 ? edges.map(edgeKey) : []);
  for (const e of reversed) {
    if (declared.has(edgeKey(e))) continue;
    declared.add(edgeKey(e));
    edges.push(e);
  }

  const outgoing = new Map<NodeKey, Edge[]>();
  const incoming = new Map<NodeKey, Edge[]>();
  for (const e of edges) {
    push(outgoing, e.from, e);
    push(incoming, e.to, e);
  }
  const catalog: Catalog = { resources, byKey, versions, latestByKind, edges, outgoing, incoming };
  if (options.forReload) memos.set(catalog, { made, names: index.names, unloadable });
  return { catalog, diagnostics };
}

type Index = Pick<Catalog, 'versions'> & { names: ReadonlyMap<string, string> };

/** Resolves one resource's pointers into edges and its body references, noting every lookup. */
function resolveResource(index: Index, r: Resource, unloadable: ReadonlySet<string>): Made {
  const out: Made = { edges: [], reversed: [], diagnostics: [], depends: [] };
  const made = new Map<PointerSite, Edge>();
  for (const site of kindDef(r.kind).pointers(r.data as never)) {
    for (const kind of site.targets) {
      out.depends.push(`${kind}:${site.id}`);
      if (site.byName) out.depends.push(`name:${kind}:${site.id}`);
    }
    const edge = resolveSite(index, r, site, out.diagnostics, unloadable);
    if (!edge) continue;
    // Found by name: the id it stands for is looked up too.
    out.depends.push(site.reverse ? edge.from : edge.to);
    made.set(site, edge);
    const parent = site.parent && made.get(site.parent);
    if (parent) {
      edge.qualifies = parent.to;
      if (site.relation === 'sendsTo' || site.relation === 'receivesFrom') {
        parent.via = [...(parent.via ?? []), edge.to];
      }
    }
    (site.reverse ? out.reversed : out.edges).push(edge);
  }
  for (const ref of r.references) {
    if (ref.type === 'doc') out.depends.push('doc:*');
    else for (const kind of kindsForReferenceType(ref.type) ?? []) out.depends.push(`${kind}:${ref.id}`);
  }
  out.diagnostics.push(...resolveBodyReferences(index, r));
  return out;
}

/**
 * What a lookup may answer differently than in the previous graph: every `kind:id` whose versions are not
 * the same objects, every name that names another id, every id that became (un)loadable; `doc:*` when a
 * doc changed. Edge ends are keys (`kind:id@version`), so a key is added for each changed version too.
 */
function changedLookups(
  previous: Catalog,
  memo: Memo,
  index: Index,
  unloadable: ReadonlySet<string>,
): Set<string> {
  const changed = new Set<string>();
  const sameList = (a: readonly Resource[] | undefined, b: readonly Resource[] | undefined) =>
    a !== undefined && b !== undefined && a.length === b.length && a.every((r, i) => r === b[i]);
  for (const [id, list] of index.versions) {
    const old = previous.versions.get(id);
    if (sameList(list, old)) continue;
    changed.add(id);
    for (const r of [...list, ...(old ?? [])]) changed.add(r.key);
  }
  for (const [id, old] of previous.versions) {
    if (index.versions.has(id)) continue;
    changed.add(id);
    for (const r of old) changed.add(r.key);
  }
  for (const [name, id] of index.names) if (memo.names.get(name) !== id) changed.add(`name:${name}`);
  for (const name of memo.names.keys()) if (!index.names.has(name)) changed.add(`name:${name}`);
  for (const id of unloadable) if (!memo.unloadable.has(id)) changed.add(id);
  for (const id of memo.unloadable) if (!unloadable.has(id)) changed.add(id);
  if ([...changed].some((id) => id.startsWith('doc:'))) changed.add('doc:*');
  return changed;
}

const edgeKey = (e: Edge) => `${e.from}\0${e.relation}\0${e.to}`;

/** `kind:name` to the id of the resource of that kind with that name, for pointers that may name by name. */
function nameIndex(latestByKind: ReadonlyMap<Kind, readonly Resource[]>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [kind, list] of latestByKind) {
    for (const r of list) {
      const name = (r.data as { name?: unknown }).name;
      if (typeof name === 'string' && !names.has(`${kind}:${name}`)) names.set(`${kind}:${name}`, r.id);
    }
  }
  return names;
}

/** "event, command or query". */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function resolveSite(
  index: Pick<Catalog, 'versions'> & { names: ReadonlyMap<string, string> },
  from: Resource,
  site: PointerSite,
  diagnostics: Diagnostic[],
  unloadable: ReadonlySet<string> | undefined,
): Edge | undefined {
  let found = resolvePointer(index, site.targets, site.id, site.version);
  if (!found.resource && !found.available && site.byName) {
    const kind = site.targets.find((k) => index.names.has(`${k}:${site.id}`));
    const id = kind && index.names.get(`${kind}:${site.id}`);
    if (kind && id) found = resolvePointer(index, [kind], id, site.version);
  }
  if (!found.resource) {
    if (!found.available && site.targets.some((k) => unloadable?.has(`${k}:${site.id}`))) return undefined;
    const what = site.targets.length > 3 ? 'resource' : orList(site.targets);
    if (found.available) {
      diagnostics.push(
        diagnostic(
          'no-matching-version',
          `No version of ${found.kindFound} "${site.id}" matches "${site.version}" (it has ${found.available.join(', ')}).`,
          locate(from, [...site.path, 'version']),
          {
            hint: `Point to one of ${found.available.join(', ')}, to a range such as "^${found.available[0]}", or to "latest".`,
          },
        ),
      );
    } else if (site.unknownCode) {
      diagnostics.push(
        diagnostic(site.unknownCode, `"${site.id}" is neither a team nor a user.`, locate(from, site.path)),
      );
    } else {
      diagnostics.push(
        diagnostic(
          'unknown-reference',
          `No ${what} has the ${site.byName ? 'id or name' : 'id'} "${site.id}".`,
          locate(from, [...site.path, 'id']),
        ),
      );
    }
    return undefined;
  }
  const [a, b] = site.reverse ? [found.resource.key, from.key] : [from.key, found.resource.key];
  const edge: Edge = { from: a, to: b, relation: site.relation, path: site.path };
  if (site.reverse) edge.declaredIn = from.key;
  if (site.label !== undefined) edge.label = site.label;
  if (site.version !== undefined) edge.requested = site.version;
  return edge;
}

/** Re-exported for callers that format keys from parts. */
export { formatRef };
