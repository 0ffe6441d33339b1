import { measureNode } from './metrics.js';
import type { DiagramInput, Point } from './types.js';

/** The same shape `layout.ts` gets from ELK. */
export interface SimpleGeometry {
  nodes: { index: number; lines: string[]; x: number; y: number; width: number; height: number }[];
  edges: { index: number; sections: Point[][] }[];
  width: number;
  height: number;
}

const pad = 16;
const layerGap = 64;
const nodeGap = 28;
/** Above this, or with edge labels, edges skipping a layer, or cycles, ELK lays the graph out. */
export const simpleLayoutLimit = 16;

/**
 * A layered layout for small graphs that need none of ELK's work: no edge labels, no cycles, and every
 * edge between neighbouring layers (a message between its producers and consumers, say). Nodes are
 * placed in columns (rows when `DOWN`) by longest path, ordered once by their parents' positions, and
 * centred; edges are orthogonal with one bend in the middle of the gap, so nothing can overlap.
 * Returns undefined for graphs it does not handle.
 */
export function simpleGeometry(input: DiagramInput): SimpleGeometry | undefined {
  const seen = new Map<string, number>();
  input.nodes.forEach((n, i) => {
    if (!seen.has(n.id)) seen.set(n.id, i);
  });
  if (seen.size > simpleLayoutLimit) return undefined;
  const edges = input.edges
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => seen.has(e.from) && seen.has(e.to) && e.from !== e.to);
  if (edges.some(({ e }) => e.label?.trim())) return undefined;

  // Longest-path layers, by repeated relaxation; more rounds than nodes means a cycle.
  const layer = new Map<string, number>([...seen.keys()].map((id) => [id, 0]));
  for (let round = 0, changed = true; changed; round++) {
    if (round > seen.size) return undefined;
    changed = false;
    for (const { e } of edges) {
      const next = (layer.get(e.from) ?? 0) + 1;
      if ((layer.get(e.to) ?? 0) < next) {
        layer.set(e.to, next);
        changed = true;
      }
    }
  }
  if (edges.some(({ e }) => (layer.get(e.to) ?? 0) - (layer.get(e.from) ?? 0) !== 1)) return undefined;

  const down = input.direction === 'DOWN';
  const sizes = new Map(
    [...seen].map(([id, i]) => [id, measureNode(input.nodes[i] as DiagramInput['nodes'][number])]),
  );
  const layers: string[][] = [];
  for (const [id, l] of layer) {
    const list = layers[l] ?? [];
    list.push(id);
    layers[l] = list;
  }
  // One sweep: order each layer by the mean position of its parents in the layer before.
  for (let l = 1; l < layers.length; l++) {
    const previous = layers[l - 1] ?? [];
    const rank = (id: string) => {
      const parents = edges.filter(({ e }) => e.to === id).map(({ e }) => previous.indexOf(e.from));
      return parents.length ? parents.reduce((a, b) => a + b, 0) / parents.length : Number.POSITIVE_INFINITY;
    };
    layers[l]?.sort((a, b) => rank(a) - rank(b));
  }

  // Main axis: layer after layer; cross axis: nodes of a layer stacked and centred.
  const along = (id: string) => (down ? (sizes.get(id)?.height ?? 0) : (sizes.get(id)?.width ?? 0));
  const across = (id: string) => (down ? (sizes.get(id)?.width ?? 0) : (sizes.get(id)?.height ?? 0));
  const layerDepth = layers.map((ids) => Math.max(...ids.map(along)));
  const layerSpan = layers.map(
    (ids) => ids.reduce((sum, id) => sum + across(id), 0) + nodeGap * (ids.length - 1),
  );
  const span = Math.max(...layerSpan);
  const pos = new Map<string, { main: number; cross: number }>();
  let main = pad;
  layers.forEach((ids, l) => {
    let cross = pad + (span - (layerSpan[l] ?? 0)) / 2;
    for (const id of ids) {
      pos.set(id, { main: main + ((layerDepth[l] ?? 0) - along(id)) / 2, cross });
      cross += across(id) + nodeGap;
    }
    main += (layerDepth[l] ?? 0) + layerGap;
  });
  const box = (id: string) => {
    const p = pos.get(id) ?? { main: 0, cross: 0 };
    const s = sizes.get(id) ?? { width: 0, height: 0 };
    return down
      ? { x: p.cross, y: p.main, width: s.width, height: s.height }
      : { x: p.main, y: p.cross, width: s.width, height: s.height };
  };

  return {
    nodes: [...seen].map(([id, index]) => ({ index, lines: sizes.get(id)?.lines ?? [], ...box(id) })),
    edges: edges.map(({ e, index }) => {
      const a = box(e.from);
      const b = box(e.to);
      if (down) {
        const start = { x: a.x + a.width / 2, y: a.y + a.height };
        const end = { x: b.x + b.width / 2, y: b.y };
        const mid = start.y + (end.y - start.y) / 2;
        return {
          index,
          sections: [
            start.x === end.x ? [start, end] : [start, { x: start.x, y: mid }, { x: end.x, y: mid }, end],
          ],
        };
      }
      const start = { x: a.x + a.width, y: a.y + a.height / 2 };
      const end = { x: b.x, y: b.y + b.height / 2 };
      const mid = start.x + (end.x - start.x) / 2;
      return {
        index,
        sections: [
          start.y === end.y ? [start, end] : [start, { x: mid, y: start.y }, { x: mid, y: end.y }, end],
        ],
      };
    }),
    width: down ? span + 2 * pad : main - layerGap + pad,
    height: down ? main - layerGap + pad : span + 2 * pad,
  };
}
