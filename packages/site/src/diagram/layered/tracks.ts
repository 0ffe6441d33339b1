import {
  at,
  type Chain,
  cellAt,
  edgeGap,
  type Graph,
  layerGap,
  pad,
  trackGap,
  trackMargin,
} from './graph.js';
import type { GroupTree } from './groups.js';

/** One edge's vertical run in a gap: where it leaves a cell, the span it covers, the track it gets. */
export interface Run {
  from: number;
  start: number;
  lo: number;
  hi: number;
  downward: boolean;
  track: number;
}

/** Where layers, gaps and tracks lie along the main axis. */
export interface Tracks {
  /** Runs by `{cell}:{d|u}`: the cell an edge leaves, and which way it turns. */
  runOf: Map<string, Run>;
  layerStart: number[];
  /** Each layer's depth along the main axis: its deepest cell. */
  depth: number[];
  /** Each group's start and end along the main axis, by position in `input.groups`. */
  extents: Map<number, [number, number]>;
  mainSize: number;
  /** Where track `track` of the gap after layer `gap` runs. */
  trackAt(gap: number, track: number): number;
}

/**
 * Tracks: in each gap, every edge that changes height gets a vertical run of its own where it would
 * overlap another; runs leaving one cell the same way share a track (they fan out from one point). Gaps
 * are as wide as their tracks need; layers and group extents are laid along the main axis from them.
 */
export function routeTracks(
  { cells, down }: Graph,
  layers: number[][],
  chains: Chain[],
  tree: GroupTree,
): Tracks {
  const layerCount = layers.length;
  const depth = layers.map((list) => list.reduce((m, v) => Math.max(m, cellAt(cells, v).along), 0));
  const runsByGap: Run[][] = Array.from({ length: Math.max(0, layerCount - 1) }, () => []);
  const runOf = new Map<string, Run>();
  for (const chain of chains) {
    for (let k = 1; k < chain.cells.length; k++) {
      const u = cellAt(cells, at(chain.cells, k - 1));
      const v = cellAt(cells, at(chain.cells, k));
      if (u.centre === v.centre) continue;
      const downward = v.centre > u.centre;
      const id = `${chain.cells[k - 1]}:${downward ? 'd' : 'u'}`;
      let run = runOf.get(id);
      if (!run) {
        run = {
          from: at(chain.cells, k - 1),
          start: u.centre,
          lo: u.centre,
          hi: u.centre,
          downward,
          track: 0,
        };
        runOf.set(id, run);
        runsByGap[u.layer]?.push(run);
      }
      run.lo = Math.min(run.lo, v.centre);
      run.hi = Math.max(run.hi, v.centre);
    }
  }
  const trackCount = runsByGap.map((runs) => {
    // Upward runs first; among downward ones, the higher start goes further on, so runs do not cross.
    runs.sort(
      (a, b) =>
        Number(a.downward) - Number(b.downward) || (a.downward ? b.start - a.start : a.start - b.start),
    );
    return assignTracks(runs);
  });
  const gapSize = trackCount.map((t) => Math.max(layerGap, 2 * trackMargin + Math.max(0, t - 1) * trackGap));
  const layerStart: number[] = [];
  let main = 0;
  for (let l = 0; l < layerCount; l++) {
    layerStart[l] = main;
    main += (depth[l] ?? 0) + (l < layerCount - 1 ? (gapSize[l] ?? layerGap) : 0);
  }
  const extents = tree.extents(layerStart, depth, down);
  let mainLow = 0;
  let highest = main;
  for (const e of extents.values()) {
    mainLow = Math.min(mainLow, e[0]);
    highest = Math.max(highest, e[1]);
  }
  const shiftMain = pad - mainLow;
  for (let l = 0; l < layerCount; l++) layerStart[l] = (layerStart[l] ?? 0) + shiftMain;
  for (const e of extents.values()) {
    e[0] += shiftMain;
    e[1] += shiftMain;
  }
  const mainSize = highest + shiftMain + pad;
  const trackAt = (gap: number, track: number) => {
    const t = trackCount[gap] ?? 1;
    const gapStart = (layerStart[gap] ?? 0) + (depth[gap] ?? 0);
    return gapStart + ((gapSize[gap] ?? layerGap) - (t - 1) * trackGap) / 2 + track * trackGap;
  };
  return { runOf, layerStart, depth, extents, mainSize, trackAt };
}

/** Most tracks in one gap: past it, runs share tracks (a map that dense is read by focusing a node). */
const maxTracks = 40;

/**
 * Gives each run (in the order given) the lowest track above every earlier run it overlaps, so that runs
 * keep their order where they overlap: a max segment tree over the runs' ends, O(n log n) per gap.
 */
function assignTracks(runs: { lo: number; hi: number; track: number }[]): number {
  if (runs.length === 0) return 0;
  const margin = edgeGap / 4;
  const ends = [...new Set(runs.flatMap((r) => [r.lo - margin, r.hi + margin]))].sort((a, b) => a - b);
  const at = new Map(ends.map((v, i) => [v, i]));
  const size = ends.length;
  const best = new Array<number>(4 * size).fill(-1);
  const lazy = new Array<number>(4 * size).fill(-1);
  const query = (node: number, from: number, to: number, lo: number, hi: number): number => {
    if (hi < from || to < lo) return -1;
    if (lo <= from && to <= hi) return best[node] ?? -1;
    const mid = (from + to) >> 1;
    return Math.max(
      lazy[node] ?? -1,
      query(2 * node, from, mid, lo, hi),
      query(2 * node + 1, mid + 1, to, lo, hi),
    );
  };
  const update = (node: number, from: number, to: number, lo: number, hi: number, value: number): void => {
    if (hi < from || to < lo) return;
    best[node] = Math.max(best[node] ?? -1, value);
    if (lo <= from && to <= hi) {
      lazy[node] = Math.max(lazy[node] ?? -1, value);
      return;
    }
    const mid = (from + to) >> 1;
    update(2 * node, from, mid, lo, hi, value);
    update(2 * node + 1, mid + 1, to, lo, hi, value);
  };
  let most = 0;
  for (const run of runs) {
    const lo = at.get(run.lo - margin) ?? 0;
    const hi = at.get(run.hi + margin) ?? 0;
    run.track = Math.min(maxTracks - 1, query(1, 0, size - 1, lo, hi) + 1);
    update(1, 0, size - 1, lo, hi, run.track);
    most = Math.max(most, run.track + 1);
  }
  return most;
}
