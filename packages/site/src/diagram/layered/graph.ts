import { measureNode } from '../metrics.js';
import type { DiagramInput } from '../types.js';

/*
 * The state the phases of the layered layout share: the graph read from the input, as cells (nodes, edge
 * labels, bend points) in layers, and the edges between them.
 */

export const pad = 16;
/** Space between two layers when no edge needs a track there. */
export const layerGap = 48;
/** Room between a layer and the first or last edge track of the gap that follows it. */
export const trackMargin = 16;
export const trackGap = 10;
/** Space between neighbours in a layer: two boxes, a box and an edge passing by, two edges passing by. */
export const nodeGap = 28;
export const nodeEdgeGap = 20;
export const edgeGap = 12;
export const orderSweeps = 8;
export const placeSweeps = 8;
/** Cells (nodes, labels, bend points) past which a graph gets two sweeps of each kind. */
export const hugeGraph = 5000;

/** One box or bend point in a layer: a node, an edge label, or an edge passing through. */
export interface Cell {
  kind: 'node' | 'label' | 'bend';
  layer: number;
  /** Size along the main axis (x for RIGHT) and across it. */
  along: number;
  across: number;
  /** Tie-break for ordering: input position of the node, or of the edge for bends and labels. */
  rank: number;
  up: number[];
  down: number[];
  /** Position in its layer, and its centre across the main axis. */
  order: number;
  centre: number;
}

export interface Chain {
  edge: number;
  cells: number[];
  reversed: boolean;
  label?: { cell: number; lines: string[] };
}

/** An edge between two different real nodes (cells), by position in `input.edges`. */
export interface GraphEdge {
  index: number;
  from: number;
  to: number;
  label?: string;
}

/** The input read as cells: one per real node (the first of each id), and its edges and self loops. */
export interface Graph {
  input: DiagramInput;
  down: boolean;
  cells: Cell[];
  /** Real nodes are the first `realCount` cells; labels and bend points follow. */
  realCount: number;
  /** Each real node's position in `input.nodes`, and its label's lines. */
  nodeInput: number[];
  nodeLines: string[][];
  edges: GraphEdge[];
  loops: { index: number; node: number }[];
}

/** The item at `i`, which the layout's own bookkeeping guarantees is there. */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`layered layout: no item ${i} of ${list.length}`);
  return item;
}

/** The cell at `i`. */
export const cellAt = (cells: readonly Cell[], i: number): Cell => at(cells, i);

/** Reads the input's nodes (sized) and edges into a graph of cells, every cell in layer 0. */
export function readGraph(input: DiagramInput): Graph {
  const down = input.direction === 'DOWN';
  // Real nodes: the first of each id.
  const idIndex = new Map<string, number>();
  const cells: Cell[] = [];
  const nodeInput: number[] = [];
  const nodeLines: string[][] = [];
  input.nodes.forEach((n, i) => {
    if (idIndex.has(n.id)) return;
    idIndex.set(n.id, cells.length);
    const size = measureNode(n);
    nodeInput.push(i);
    nodeLines.push(size.lines);
    cells.push({
      kind: 'node',
      layer: 0,
      along: down ? size.height : size.width,
      across: down ? size.width : size.height,
      rank: i,
      up: [],
      down: [],
      order: 0,
      centre: 0,
    });
  });
  const realCount = cells.length;

  const edges: { index: number; from: number; to: number; label?: string }[] = [];
  const loops: { index: number; node: number }[] = [];
  input.edges.forEach((e, index) => {
    const from = idIndex.get(e.from);
    const to = idIndex.get(e.to);
    if (from === undefined || to === undefined) return;
    if (from === to) loops.push({ index, node: from });
    else edges.push({ index, from, to, ...(e.label?.trim() ? { label: e.label } : {}) });
  });
  return { input, down, cells, realCount, nodeInput, nodeLines, edges, loops };
}
