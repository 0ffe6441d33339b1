import { isKind, kindDef } from '@switchyard/model';
import type { DiagramEdge, DiagramGroup, DiagramInput, DiagramNode } from './types.js';

/** Maps with more nodes than this are drawn as clusters that open on click. */
export const clusterThreshold = 150;
/** Most nodes one cluster holds; bigger ones are split by kind, then into numbered parts. */
export const clusterLimit = 150;
/**
 * Neighbouring clusters a cluster's map draws, those with the most links first; the others are one node.
 * Without a bound, a cluster of a big catalog drew a node for each of thousands of clusters it touches.
 */
export const neighbourLimit = 24;

export interface Cluster {
  id: string;
  label: string;
  /** The cluster's own map: its nodes, the edges among them, and one node per neighbouring cluster. */
  input: DiagramInput;
  size: number;
}

export interface ClusteredMap {
  /** One node per cluster (`data-cluster` on the client), edges counting the links between clusters. */
  overview: DiagramInput;
  clusters: Cluster[];
}

type Level = 'domain' | 'nearest';

/** The box a node is drawn in: its nearest group, or the outermost one (its domain) for 'domain'. */
function ownerOf(
  groups: Map<string, DiagramGroup>,
  node: DiagramNode,
  level: Level,
): DiagramGroup | undefined {
  let group = node.group ? groups.get(node.group) : undefined;
  if (level === 'nearest') return group;
  for (let hops = 0; group?.parent && groups.has(group.parent) && hops < 20; hops++) {
    group = groups.get(group.parent);
  }
  return group;
}

const plural = (kind: string) => (isKind(kind) ? kindDef(kind).plural.replace(/-/g, ' ') : `${kind}s`);

/**
 * Splits a big map into clusters by the boxes its nodes are drawn in (`group`): by outermost box (domain),
 * or by nearest box (system) when every node sits in one domain, else by kind; a cluster past
 * `clusterLimit` nodes is split by kind, then into parts. Nothing is dropped: every node is in exactly one
 * cluster, and every edge is either inside one or counted between two.
 */
export function clusterMap(input: DiagramInput): ClusteredMap {
  const groups = new Map((input.groups ?? []).map((g) => [g.id, g]));
  const domains = new Set(input.nodes.map((n) => ownerOf(groups, n, 'domain')?.id ?? ''));
  const level: Level = domains.size > 1 ? 'domain' : 'nearest';
  const first = new Map<string, { label: string; kind: string; nodes: DiagramNode[] }>();
  for (const node of input.nodes) {
    const owner = ownerOf(groups, node, level);
    const id = owner ? owner.id : `kind:${node.kind}`;
    const entry = first.get(id) ?? {
      label: owner ? owner.label : `Other ${plural(node.kind)}`,
      kind: owner?.kind ?? node.kind,
      nodes: [],
    };
    entry.nodes.push(node);
    first.set(id, entry);
  }
  type Part = { id: string; label: string; kind: string; nodes: DiagramNode[] };
  const parts: Part[] = [];
  /** Splits a part past the limit: by nearest box (system) first, then by kind, then into numbered pieces. */
  const split = (part: Part, stage: 'box' | 'kind' | 'chunk') => {
    if (part.nodes.length <= clusterLimit) {
      parts.push(part);
      return;
    }
    if (stage === 'chunk') {
      const pieces = Math.ceil(part.nodes.length / clusterLimit);
      for (let i = 0; i < pieces; i++) {
        parts.push({
          ...part,
          id: `${part.id}|${i}`,
          label: `${part.label} ${i + 1}/${pieces}`,
          nodes: part.nodes.slice(i * clusterLimit, (i + 1) * clusterLimit),
        });
      }
      return;
    }
    const by = new Map<string, DiagramNode[]>();
    for (const n of part.nodes) {
      const key = stage === 'box' ? (n.group ?? '') : n.kind;
      by.set(key, [...(by.get(key) ?? []), n]);
    }
    const next = stage === 'box' ? 'kind' : 'chunk';
    if (by.size < 2) {
      split(part, next);
      return;
    }
    for (const [key, nodes] of by) {
      const box = stage === 'box' ? groups.get(key) : undefined;
      const label =
        stage === 'box'
          ? box && box.id !== part.id
            ? `${part.label}: ${box.label}`
            : part.label
          : `${part.label}: ${plural(key)}`;
      split({ id: `${part.id}|${key}`, label, kind: box?.kind ?? part.kind, nodes }, next);
    }
  };
  for (const [id, entry] of first) split({ id, ...entry }, level === 'domain' ? 'box' : 'kind');
  const clusterOf = new Map<string, string>();
  for (const p of parts) for (const n of p.nodes) clusterOf.set(n.id, p.id);

  const inside = new Map<string, DiagramEdge[]>();
  const between = new Map<string, number>();
  /** Per cluster, edges between its nodes and the clusters they reach (deduplicated by key). */
  const crossing = new Map<string, Map<string, DiagramEdge>>();
  const cross = (cluster: string, from: string, to: string) => {
    const list = crossing.get(cluster) ?? new Map<string, DiagramEdge>();
    list.set(`${from}\n${to}`, { from, to });
    crossing.set(cluster, list);
  };
  for (const e of input.edges) {
    const a = clusterOf.get(e.from);
    const b = clusterOf.get(e.to);
    if (!a || !b) continue;
    if (a === b) {
      const list = inside.get(a);
      if (list) list.push(e);
      else inside.set(a, [e]);
      continue;
    }
    between.set(`${a}\n${b}`, (between.get(`${a}\n${b}`) ?? 0) + 1);
    cross(a, e.from, `cluster:${b}`);
    cross(b, `cluster:${a}`, e.to);
  }
  const labelOf = new Map(parts.map((p) => [p.id, p.label]));
  const overview: DiagramInput = {
    direction: input.direction ?? 'RIGHT',
    nodes: parts.map((p) => ({
      id: p.id,
      kind: p.kind,
      label: p.label,
      sublabel: `${p.nodes.length} resources · click to open`,
      ref: `cluster:${p.id}`,
    })),
    // The strongest links only (about two per cluster), so an overview of many clusters stays light.
    edges: [...between]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Math.max(40, parts.length * 2))
      .map(([key, count]) => {
        const [from = '', to = ''] = key.split('\n');
        return { from, to, label: count === 1 ? '1 link' : `${count} links` };
      }),
  };
  const parents = new Map((input.groups ?? []).map((g) => [g.id, g.parent]));
  /** Per cluster, the clusters it links to and how many links: made once, not once per cluster. */
  const neighboursOf = new Map<string, Map<string, number>>();
  const link = (a: string, b: string, count: number) => {
    const map = neighboursOf.get(a) ?? new Map<string, number>();
    map.set(b, (map.get(b) ?? 0) + count);
    neighboursOf.set(a, map);
  };
  for (const [key, count] of between) {
    const [from = '', to = ''] = key.split('\n');
    link(from, to, count);
    link(to, from, count);
  }
  const links = (count: number) => `${count} ${count === 1 ? 'link' : 'links'}`;
  const clusters = parts.map((p): Cluster => {
    const neighbours = [...(neighboursOf.get(p.id) ?? [])].sort((a, b) => b[1] - a[1]);
    const shown = new Set(neighbours.slice(0, neighbourLimit).map(([other]) => other));
    const rest = neighbours.slice(neighbourLimit);
    const nodes: DiagramNode[] = p.nodes.map((n) => (n.group ? { ...n } : n));
    const groupIds = new Set(nodes.map((n) => n.group).filter(Boolean));
    const edges = [...(inside.get(p.id) ?? [])];
    for (const [other, count] of neighbours.slice(0, neighbourLimit)) {
      nodes.push({
        id: `cluster:${other}`,
        kind: 'more',
        label: labelOf.get(other) ?? other,
        sublabel: `${links(count)} · click to open`,
        ref: `cluster:${other}`,
      });
    }
    // The clusters past the limit, as one node: their links are still counted, in the overview too.
    const others = `cluster-others:${p.id}`;
    if (rest.length > 0) {
      nodes.push({
        id: others,
        kind: 'more',
        label: `${rest.length} other clusters`,
        sublabel: `${links(rest.reduce((sum, [, count]) => sum + count, 0))} · see the overview`,
      });
    }
    const drawn = new Set<string>();
    for (const e of crossing.get(p.id)?.values() ?? []) {
      const to = (end: string) =>
        end.startsWith('cluster:') && !shown.has(end.slice('cluster:'.length)) ? others : end;
      const edge = { from: to(e.from), to: to(e.to) };
      const key = `${edge.from}\n${edge.to}`;
      if (drawn.has(key)) continue;
      drawn.add(key);
      edges.push(edge);
    }
    // Boxes inside a cluster only when it spans several: a cluster of one system is that system's box.
    const around = new Set<string | undefined>(groupIds);
    for (const child of groupIds) {
      for (
        let p = child ? parents.get(child) : undefined, hops = 0;
        p && hops < 20;
        p = parents.get(p), hops++
      ) {
        around.add(p);
      }
    }
    const groups = (input.groups ?? []).filter((g) => around.has(g.id));
    const clusterInput: DiagramInput = { nodes, edges, direction: input.direction ?? 'RIGHT' };
    if (groupIds.size > 1) clusterInput.groups = groups;
    return { id: p.id, label: p.label, input: clusterInput, size: p.nodes.length };
  });
  return { overview, clusters };
}
