import type { Catalog, Edge } from '../catalog.js';
import type { Relation } from '../kinds/kind.js';
import type { NodeKey } from '../ref.js';

/**
 * The graph's edges as they are stored, for code that lists them (the JSON API, maps, the dev server's
 * change set). Questions that follow edges further (who produces, who owns, what a change touches) have
 * queries of their own; outside the model, nothing reads the catalog's edge indexes directly.
 */

/** The edges that leave a resource version, of every relation or of the ones given, in pointer order. */
export function edgesFrom(catalog: Catalog, key: NodeKey, relations?: readonly Relation[]): readonly Edge[] {
  const all = catalog.outgoing.get(key) ?? [];
  return relations ? all.filter((e) => relations.includes(e.relation)) : all;
}

/** The edges that arrive at a resource version, of every relation or of the ones given. */
export function edgesTo(catalog: Catalog, key: NodeKey, relations?: readonly Relation[]): readonly Edge[] {
  const all = catalog.incoming.get(key) ?? [];
  return relations ? all.filter((e) => relations.includes(e.relation)) : all;
}

/** Every edge of the catalog, of every relation or of the ones given. */
export function allEdges(catalog: Catalog, relations?: readonly Relation[]): readonly Edge[] {
  return relations ? catalog.edges.filter((e) => relations.includes(e.relation)) : catalog.edges;
}
