import { measureLabel } from '../metrics.js';
import type { Orientation } from './cycles.js';
import { at, type Chain, cellAt, type Graph } from './graph.js';

/**
 * Longest-path layers over the acyclic orientation, in topological order (input order among equals);
 * sources sit just before the first node they feed, and a labelled edge between neighbouring layers gets
 * a layer of its own between them for its label. Sets each real cell's `layer`.
 */
export function assignLayers({ cells, edges, realCount }: Graph, { tail, head }: Orientation): void {
  const layer = new Array<number>(realCount).fill(0);
  const succ: number[][] = Array.from({ length: realCount }, () => []);
  const indegree = new Array<number>(realCount).fill(0);
  edges.forEach((_, i) => {
    succ[tail(i)]?.push(head(i));
    indegree[head(i)] = (indegree[head(i)] ?? 0) + 1;
  });
  const hasPred = indegree.map((d) => d > 0);
  const topo: number[] = [];
  const ready = indegree.flatMap((d, v) => (d === 0 ? [v] : []));
  for (let q = 0; q < ready.length; q++) {
    const v = at(ready, q);
    topo.push(v);
    for (const w of succ[v] ?? []) {
      layer[w] = Math.max(layer[w] ?? 0, (layer[v] ?? 0) + 1);
      indegree[w] = (indegree[w] ?? 0) - 1;
      if (indegree[w] === 0) ready.push(w);
    }
  }
  // Sources sit just before the first node they feed, not all in the first layer.
  for (let q = topo.length - 1; q >= 0; q--) {
    const v = at(topo, q);
    const next = succ[v] ?? [];
    if (hasPred[v] || next.length === 0) continue;
    layer[v] = next.reduce((m, w) => Math.min(m, layer[w] ?? 0), Number.POSITIVE_INFINITY) - 1;
  }
  const lowest = layer.reduce((m, l) => Math.min(m, l), 0);
  for (let v = 0; v < realCount; v++) layer[v] = (layer[v] ?? 0) - lowest;
  wrapLeafFans(layer, succ, tail, head, edges.length);

  // A labelled edge between neighbouring layers needs a layer of its own between them for its label.
  const maxLayer = layer.reduce((m, l) => Math.max(m, l), 0);
  const labelGap = new Array<boolean>(maxLayer + 1).fill(false);
  edges.forEach((e, i) => {
    const a = layer[tail(i)] ?? 0;
    if (e.label && (layer[head(i)] ?? 0) - a === 1) labelGap[a] = true;
  });
  const shifted: number[] = [];
  for (let l = 0, shift = 0; l <= maxLayer; l++) {
    shifted[l] = l + shift;
    if (labelGap[l]) shift++;
  }
  for (let v = 0; v < realCount; v++) {
    const c = cellAt(cells, v);
    c.layer = shifted[layer[v] ?? 0] ?? 0;
  }
}

/** Leaves of one node in one layer past this many wrap onto further layers (columns, or rows going down). */
export const leavesPerColumn = 6;

/**
 * A node that feeds many leaves (a service sending a dozen events nobody on the map receives) would stand
 * them in one long column, most of the map's height: they wrap onto further layers instead, in input
 * order, at most `leavesPerColumn` to a layer (evenly). A leaf has nothing after it and only that node
 * before it, so moving it further along keeps every edge pointing forward.
 */
function wrapLeafFans(
  layer: number[],
  succ: readonly number[][],
  tail: (i: number) => number,
  head: (i: number) => number,
  edgeCount: number,
): void {
  const preds = layer.map(() => [] as number[]);
  for (let i = 0; i < edgeCount; i++) preds[head(i)]?.push(tail(i));
  const fans = new Map<number, number[]>();
  layer.forEach((l, v) => {
    const before = preds[v] ?? [];
    const parent = before[0];
    if ((succ[v]?.length ?? 0) > 0 || before.length !== 1 || parent === undefined) return;
    if (l !== (layer[parent] ?? 0) + 1) return;
    const list = fans.get(parent);
    if (list) list.push(v);
    else fans.set(parent, [v]);
  });
  for (const leaves of fans.values()) {
    if (leaves.length <= leavesPerColumn) continue;
    const columns = Math.ceil(leaves.length / leavesPerColumn);
    const perColumn = Math.ceil(leaves.length / columns);
    leaves.forEach((v, i) => {
      layer[v] = (layer[v] ?? 0) + Math.floor(i / perColumn);
    });
  }
}

/**
 * Chains of cells: each edge through a bend point (or its label) in every layer it crosses, linked up and
 * down. Adds those cells to the graph.
 */
export function buildChains({ cells, edges, down }: Graph, { tail, head, reversed }: Orientation): Chain[] {
  return edges.map((e, i): Chain => {
    const a = tail(i);
    const b = head(i);
    const la = cellAt(cells, a).layer;
    const lb = cellAt(cells, b).layer;
    const labelLayer = e.label ? Math.floor((la + lb) / 2) : -1;
    const chain: Chain = { edge: e.index, cells: [a], reversed: reversed[i] ?? false };
    for (let l = la + 1; l < lb; l++) {
      const at = cells.length;
      if (l === labelLayer && e.label) {
        const size = measureLabel(e.label);
        cells.push({
          kind: 'label',
          layer: l,
          along: down ? size.height : size.width,
          across: down ? size.width : size.height,
          rank: e.index,
          up: [],
          down: [],
          order: 0,
          centre: 0,
        });
        chain.label = { cell: at, lines: size.lines };
      } else {
        cells.push({
          kind: 'bend',
          layer: l,
          along: 0,
          across: 0,
          rank: e.index,
          up: [],
          down: [],
          order: 0,
          centre: 0,
        });
      }
      chain.cells.push(at);
    }
    chain.cells.push(b);
    for (let k = 1; k < chain.cells.length; k++) {
      const u = at(chain.cells, k - 1);
      const v = at(chain.cells, k);
      cellAt(cells, u).down.push(v);
      cellAt(cells, v).up.push(u);
    }
    return chain;
  });
}
