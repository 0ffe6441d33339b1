import { breakCycles } from './layered/cycles.js';
import { emitGeometry } from './layered/emit.js';
import { readGraph } from './layered/graph.js';
import { groupTree } from './layered/groups.js';
import { assignLayers, buildChains } from './layered/layers.js';
import { orderLayers } from './layered/ordering.js';
import { placeAcross } from './layered/placement.js';
import { routeTracks } from './layered/tracks.js';
import type { DiagramInput, Point } from './types.js';

export { placeInOrder } from './layered/placement.js';

/** What a layout computes, by position in the input: the same shape `layout.ts` takes from ELK. */
export interface LayeredGeometry {
  /** Group boxes by position in `input.groups`, outermost first. */
  groups?: { index: number; x: number; y: number; width: number; height: number }[];
  nodes: { index: number; lines: string[]; x: number; y: number; width: number; height: number }[];
  edges: {
    index: number;
    sections: Point[][];
    label?: { x: number; y: number; width: number; height: number; lines: string[] };
  }[];
  width: number;
  height: number;
}

/**
 * A layered (Sugiyama-style) layout for graphs without group boxes, in a few milliseconds where ELK takes
 * tens to hundreds: cycles broken by a depth-first search, longest-path layers (sources pulled next to
 * what they feed), edge labels and long edges as boxes and bend points in the layers they cross, crossings
 * reduced by barycentre sweeps (the best order kept), positions straightened by weighted isotonic
 * regression so nothing in a layer overlaps, and orthogonal edges with a track of their own in each gap
 * where they change height. Nodes, labels and edges never overlap a node; edges start and end on their
 * nodes' sides.
 */
export function layeredGeometry(input: DiagramInput): LayeredGeometry {
  const graph = readGraph(input);
  const orientation = breakCycles(graph);
  assignLayers(graph, orientation);
  const chains = buildChains(graph, orientation);
  const tree = groupTree(input, graph.nodeInput, graph.cells, chains, graph.realCount);
  const layers = orderLayers(graph, tree);
  const placement = placeAcross(graph, layers, tree, chains);
  const tracks = routeTracks(graph, layers, chains, tree);
  return emitGeometry(graph, chains, placement, tracks);
}
