import type { LayeredGeometry } from '../layered.js';
import type { Point } from '../types.js';
import { at, type Cell, type Chain, cellAt, type Graph, pad } from './graph.js';
import type { Placement } from './placement.js';
import type { Tracks } from './tracks.js';

/**
 * The geometry of the laid-out graph, by position in the input: group boxes, nodes, each edge as
 * orthogonal points through its tracks (reversed edges turned back), labels, and self loops above their
 * nodes.
 */
export function emitGeometry(
  graph: Graph,
  chains: Chain[],
  placement: Placement,
  tracks: Tracks,
): LayeredGeometry {
  const { cells, down, realCount, nodeInput, nodeLines, loops } = graph;
  const { bands, minAcross, maxAcross, loopRoom } = placement;
  const { runOf, layerStart, depth, extents, mainSize, trackAt } = tracks;
  const crossSize = maxAcross - minAcross + 2 * pad + loopRoom;
  const startOf = (c: Cell) => (layerStart[c.layer] ?? 0) + ((depth[c.layer] ?? 0) - c.along) / 2;
  /** Where an edge leaves a cell towards the next layer, and enters one from the layer before. */
  const exitOf = (c: Cell) =>
    c.kind === 'bend' ? (layerStart[c.layer] ?? 0) + (depth[c.layer] ?? 0) : startOf(c) + c.along;
  const entryOf = (c: Cell) => (c.kind === 'bend' ? (layerStart[c.layer] ?? 0) : startOf(c));
  const point = (along: number, across: number): Point =>
    down ? { x: across, y: along } : { x: along, y: across };

  const geometry: LayeredGeometry = {
    nodes: [],
    edges: [],
    width: down ? crossSize : mainSize,
    height: down ? mainSize : crossSize,
  };
  if (bands.size > 0) {
    geometry.groups = [...bands].map(([index, band]) => {
      const e = extents.get(index) ?? [0, 0];
      const corner = point(e[0], band[0]);
      return {
        index,
        ...corner,
        width: down ? band[1] - band[0] : e[1] - e[0],
        height: down ? e[1] - e[0] : band[1] - band[0],
      };
    });
  }
  for (let v = 0; v < realCount; v++) {
    const c = cellAt(cells, v);
    const corner = point(startOf(c), c.centre - c.across / 2);
    geometry.nodes.push({
      index: at(nodeInput, v),
      lines: at(nodeLines, v),
      ...corner,
      width: down ? c.across : c.along,
      height: down ? c.along : c.across,
    });
  }
  for (const chain of chains) {
    const first = cellAt(cells, at(chain.cells, 0));
    const raw: Point[] = [point(exitOf(first), first.centre)];
    for (let k = 1; k < chain.cells.length; k++) {
      const u = cellAt(cells, at(chain.cells, k - 1));
      const v = cellAt(cells, at(chain.cells, k));
      if (u.centre !== v.centre) {
        const run = runOf.get(`${chain.cells[k - 1]}:${v.centre > u.centre ? 'd' : 'u'}`);
        const at = trackAt(u.layer, run?.track ?? 0);
        raw.push(point(at, u.centre), point(at, v.centre));
      }
      raw.push(point(entryOf(v), v.centre));
      if (k < chain.cells.length - 1) raw.push(point(exitOf(v), v.centre));
    }
    const points = simplify(raw);
    if (chain.reversed) points.reverse();
    const out: LayeredGeometry['edges'][number] = { index: chain.edge, sections: [points] };
    if (chain.label) {
      const c = cellAt(cells, chain.label.cell);
      const corner = point(startOf(c), c.centre - c.across / 2);
      out.label = {
        ...corner,
        width: down ? c.across : c.along,
        height: down ? c.along : c.across,
        lines: chain.label.lines,
      };
    }
    geometry.edges.push(out);
  }
  for (const loop of loops) {
    const c = cellAt(cells, loop.node);
    const s = startOf(c);
    const top = c.centre - c.across / 2;
    const out = s + c.along;
    const mid = s + c.along / 2;
    geometry.edges.push({
      index: loop.index,
      sections: [
        [
          point(out, c.centre - Math.min(8, c.across / 4)),
          point(out + 12, c.centre - Math.min(8, c.across / 4)),
          point(out + 12, top - 12),
          point(mid, top - 12),
          point(mid, top),
        ],
      ],
    });
  }
  geometry.edges.sort((a, b) => a.index - b.index);
  return geometry;
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (last && before) {
      const sameX = Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01;
      const sameY = Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01;
      if (sameX || sameY) out.pop();
    }
    out.push(p);
  }
  return out;
}
