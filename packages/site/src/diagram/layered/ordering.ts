import { at, type Cell, cellAt, type Graph, hugeGraph, orderSweeps } from './graph.js';
import type { GroupTree } from './groups.js';

/**
 * Orders each layer: nodes before edge cells in input order to start (a stable start that follows how the
 * catalog is written), then barycentre sweeps down and up, keeping the order with the fewest crossings;
 * group boxes keep one order across layers (`tree`). Sets each cell's `order`; returns the layers.
 */
export function orderLayers({ cells }: Graph, tree: GroupTree): number[][] {
  const layerCount = cells.reduce((m, c) => Math.max(m, c.layer), 0) + 1;
  let layers: number[][] = Array.from({ length: layerCount }, () => []);
  cells.forEach((c, i) => {
    layers[c.layer]?.push(i);
  });
  // Nodes before edge cells, in input order: a stable start that follows how the catalog is written.
  const startKey = new Map<number, number>();
  for (const list of layers) {
    list.sort((a, b) => kindRank(cells, a, b) || cellAt(cells, a).rank - cellAt(cells, b).rank);
    list.forEach((v, k) => {
      startKey.set(v, k);
    });
  }
  tree.rerank(layers);
  layers = layers.map((list) => tree.order(list, startKey));
  const setOrders = (ls: number[][]) => {
    for (const list of ls) {
      list.forEach((v, k) => {
        cellAt(cells, v).order = k;
      });
    }
  };
  setOrders(layers);

  // Crossing reduction: barycentre sweeps down and up; the order with the fewest crossings wins.
  let best = layers.map((l) => [...l]);
  let bestCrossings = countCrossings(cells, layers);
  // Huge graphs (thousands of cells) get fewer sweeps: each costs more, and such a map is read by focusing.
  const sweeps = cells.length > hugeGraph ? 2 : orderSweeps;
  for (let sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++) {
    const goingDown = sweep % 2 === 0;
    for (let k = 1; k < layerCount; k++) {
      const l = goingDown ? k : layerCount - 1 - k;
      const key = new Map<number, number>();
      for (const v of at(layers, l)) {
        const c = cellAt(cells, v);
        const near = goingDown ? c.up : c.down;
        key.set(
          v,
          near.length ? near.reduce((s, u) => s + cellAt(cells, u).order, 0) / near.length : c.order,
        );
      }
      const sorted = tree.order(at(layers, l), key);
      layers[l] = sorted;
      sorted.forEach((v, k2) => {
        cellAt(cells, v).order = k2;
      });
    }
    tree.rerank(layers);
    const crossings = countCrossings(cells, layers);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => [...l]);
    }
  }
  layers = best;
  setOrders(layers);
  tree.rerank(layers);
  // The final order decides each cell's slot: which of its box's child boxes it sits before.
  layers = layers.map((list) => tree.order(list, new Map(list.map((v) => [v, cellAt(cells, v).order]))));
  setOrders(layers);
  return layers;
}

function kindRank(cells: Cell[], a: number, b: number): number {
  const r = (c: Cell) => (c.kind === 'node' ? 0 : 1);
  return r(cellAt(cells, a)) - r(cellAt(cells, b));
}

/** Crossings between every pair of neighbouring layers, counted with a Fenwick tree. */
function countCrossings(cells: Cell[], layers: number[][]): number {
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const pairs: [number, number][] = [];
    for (const u of layers[l] ?? []) {
      const cu = cellAt(cells, u);
      for (const v of cu.down) pairs.push([cu.order, cellAt(cells, v).order]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const size = (layers[l + 1]?.length ?? 0) + 1;
    const tree = new Array<number>(size + 1).fill(0);
    let seen = 0;
    for (const [, b] of pairs) {
      // Earlier pairs ending after b cross this one.
      let notAfter = 0;
      for (let i = b + 1; i > 0; i -= i & -i) notAfter += tree[i] ?? 0;
      total += seen - notAfter;
      for (let i = b + 1; i <= size; i += i & -i) tree[i] = (tree[i] ?? 0) + 1;
      seen++;
    }
  }
  return total;
}
