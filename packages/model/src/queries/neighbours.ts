import type { Catalog, Edge } from '../catalog.js';
import type { Relation } from '../kinds/kind.js';
import type { NodeKey } from '../ref.js';

export interface Neighbourhood {
  /** Each node reached, with its distance from the start (0 for the start). */
  nodes: Map<NodeKey, number>;
  edges: Edge[];
}

export interface NeighbourOptions {
  /** Follow only these relations (default: all but ownership and membership, which connect everything). */
  relations?: readonly Relation[];
  direction?: 'out' | 'in' | 'both';
}

const wide: readonly Relation[] = ['ownedBy', 'hasMember', 'memberOf', 'decidedBy', 'hasDiagram'];

/** Nodes within `depth` hops of a node, and the edges between them. `depth` Infinity walks everything reachable. */
export function neighbours(
  catalog: Catalog,
  start: NodeKey,
  depth: number,
  options: NeighbourOptions = {},
): Neighbourhood {
  const direction = options.direction ?? 'both';
  const follows = (e: Edge) =>
    options.relations ? options.relations.includes(e.relation) : !wide.includes(e.relation);
  const nodes = new Map<NodeKey, number>([[start, 0]]);
  const edges = new Set<Edge>();
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: NodeKey[] = [];
    for (const key of frontier) {
      const out = direction === 'in' ? [] : (catalog.outgoing.get(key) ?? []);
      const inc = direction === 'out' ? [] : (catalog.incoming.get(key) ?? []);
      for (const e of [...out, ...inc]) {
        if (!follows(e)) continue;
        edges.add(e);
        const other = e.from === key ? e.to : e.from;
        if (!nodes.has(other)) {
          nodes.set(other, d);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return { nodes, edges: [...edges] };
}
