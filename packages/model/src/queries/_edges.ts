import type { Catalog, Edge } from '../catalog.js';
import type { Relation } from '../kinds/kind.js';
import type { Resource } from '../resource.js';

/** Edges into any version of a resource's id, of the given relations. */
export function incomingToAnyVersion(
  catalog: Catalog,
  resource: Resource,
  relations: readonly Relation[],
): Edge[] {
  const out: Edge[] = [];
  for (const version of catalog.versions.get(`${resource.kind}:${resource.id}`) ?? [resource]) {
    for (const e of catalog.incoming.get(version.key) ?? []) if (relations.includes(e.relation)) out.push(e);
  }
  return out;
}

export function incomingTo(catalog: Catalog, resource: Resource, relations: readonly Relation[]): Edge[] {
  return (catalog.incoming.get(resource.key) ?? []).filter((e) => relations.includes(e.relation));
}

export function outgoingFrom(catalog: Catalog, resource: Resource, relations: readonly Relation[]): Edge[] {
  return (catalog.outgoing.get(resource.key) ?? []).filter((e) => relations.includes(e.relation));
}

/** Drops resources whose id appears twice, keeping the first (used when several versions point alike). */
export function uniqueResources(list: Resource[]): Resource[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    if (seen.has(r.key)) return false;
    seen.add(r.key);
    return true;
  });
}

/** True when the resource is the newest version of its id. */
export function isNewest(catalog: Catalog, resource: Resource): boolean {
  return catalog.versions.get(`${resource.kind}:${resource.id}`)?.[0] === resource;
}
