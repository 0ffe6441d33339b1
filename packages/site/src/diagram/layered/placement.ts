import {
  at,
  type Cell,
  type Chain,
  cellAt,
  edgeGap,
  type Graph,
  hugeGraph,
  nodeEdgeGap,
  nodeGap,
  pad,
  placeSweeps,
} from './graph.js';
import type { GroupTree } from './groups.js';

/** Where cells and group bands lie across the main axis, and how wide the drawing is that way. */
export interface Placement {
  /** Each group's band across the main axis, by position in `input.groups`. */
  bands: Map<number, [number, number]>;
  minAcross: number;
  maxAcross: number;
  /** Room kept for self loops above their nodes. */
  loopRoom: number;
}

/**
 * Positions across the main axis. Each box (a group, or the whole diagram) is a stack of slots and the
 * bands of its child boxes; a cell stays inside its slot, so boxes never overlap what is not theirs. Cells
 * start centred in their slot, then sweeps move each towards its neighbours (weighted isotonic regression:
 * nothing overlaps), long edges are straightened, and everything is shifted to start at the padding. Sets
 * each cell's `centre`.
 */
export function placeAcross(graph: Graph, layers: number[][], tree: GroupTree, chains: Chain[]): Placement {
  const { cells, down, loops } = graph;
  const layerCount = layers.length;
  const gapBetween = (a: Cell, b: Cell) => {
    const boxes = (a.kind !== 'bend' ? 1 : 0) + (b.kind !== 'bend' ? 1 : 0);
    return a.across / 2 + b.across / 2 + (boxes === 2 ? nodeGap : boxes === 1 ? nodeEdgeGap : edgeGap);
  };
  /** The cells of one layer in one slot of one box, in order. */
  const runs: { layer: number; box: number; slot: number; cells: number[] }[] = [];
  for (let l = 0; l < layerCount; l++) {
    let current: (typeof runs)[number] | undefined;
    for (const v of at(layers, l)) {
      const box = tree.boxOf[v] ?? 0;
      const slot = tree.slotOf[v] ?? 0;
      if (!current || current.box !== box || current.slot !== slot) {
        current = { layer: l, box, slot, cells: [] };
        runs.push(current);
      }
      current.cells.push(v);
    }
  }
  const packed = (list: number[]) =>
    list.reduce(
      (sum, v, k) =>
        sum +
        cellAt(cells, v).across +
        (k > 0
          ? gapBetween(cellAt(cells, at(list, k - 1)), cellAt(cells, v)) -
            (cellAt(cells, at(list, k - 1)).across + cellAt(cells, v).across) / 2
          : 0),
      0,
    );
  const slotSize = new Map<string, number>();
  for (const run of runs) {
    const id = `${run.box}:${run.slot}`;
    slotSize.set(id, Math.max(slotSize.get(id) ?? 0, packed(run.cells)));
  }
  const { ranges, bands, limits } = tree.bands(slotSize, down);
  for (const run of runs) {
    const range = ranges.get(`${run.box}:${run.slot}`) ?? [0, 0];
    // Centred in its slot to start with.
    let cursor = (range[0] + range[1]) / 2 - packed(run.cells) / 2;
    run.cells.forEach((v, k) => {
      const c = cellAt(cells, v);
      if (k > 0)
        cursor +=
          gapBetween(cellAt(cells, at(run.cells, k - 1)), c) -
          (cellAt(cells, at(run.cells, k - 1)).across + c.across) / 2;
      c.centre = cursor + c.across / 2;
      cursor += c.across;
    });
  }
  const weight = (a: Cell, b: Cell) =>
    a.kind === 'bend' && b.kind === 'bend' ? 8 : a.kind === 'bend' || b.kind === 'bend' ? 2 : 1;
  const runsByLayer: (typeof runs)[] = Array.from({ length: layerCount }, () => []);
  for (const run of runs) runsByLayer[run.layer]?.push(run);
  const placings = cells.length > hugeGraph ? 2 : placeSweeps;
  for (let sweep = 0; sweep < placings; sweep++) {
    const goingDown = sweep % 2 === 0;
    const both = sweep >= placings - 2;
    for (let k = 0; k < layerCount; k++) {
      const l = goingDown ? k : layerCount - 1 - k;
      for (const run of runsByLayer[l] ?? []) {
        const target: number[] = [];
        const w: number[] = [];
        for (const v of run.cells) {
          const c = cellAt(cells, v);
          const near = both ? [...c.up, ...c.down] : goingDown ? c.up : c.down;
          let sum = 0;
          let total = 0;
          for (const u of near) {
            const cu = cellAt(cells, u);
            const wt = weight(c, cu);
            sum += cu.centre * wt;
            total += wt;
          }
          target.push(total > 0 ? sum / total : c.centre);
          w.push(total > 0 ? total : 0.25);
        }
        const gaps: number[] = [];
        for (let i = 1; i < run.cells.length; i++) {
          gaps.push(gapBetween(cellAt(cells, at(run.cells, i - 1)), cellAt(cells, at(run.cells, i))));
        }
        const placed = placeInOrder(target, w, gaps);
        const range = limits(`${run.box}:${run.slot}`);
        const first = cellAt(cells, at(run.cells, 0));
        const last = cellAt(cells, at(run.cells, run.cells.length - 1));
        placed[0] = Math.max(placed[0] ?? 0, range[0] + first.across / 2);
        for (let i = 1; i < placed.length; i++)
          placed[i] = Math.max(placed[i] ?? 0, (placed[i - 1] ?? 0) + (gaps[i - 1] ?? 0));
        const end = placed.length - 1;
        placed[end] = Math.min(placed[end] ?? 0, range[1] - last.across / 2);
        for (let i = end - 1; i >= 0; i--)
          placed[i] = Math.min(placed[i] ?? 0, (placed[i + 1] ?? 0) - (gaps[i] ?? 0));
        run.cells.forEach((v, i) => {
          cellAt(cells, v).centre = placed[i] ?? 0;
        });
      }
    }
  }
  // A long edge runs straight where it can: its bend points in a row take their median height when that
  // keeps every layer's spacing and slot.
  for (const chain of chains) {
    for (let k = 1; k < chain.cells.length - 1; ) {
      if (cellAt(cells, at(chain.cells, k)).kind !== 'bend') {
        k++;
        continue;
      }
      let end = k;
      while (end + 1 < chain.cells.length - 1 && cellAt(cells, at(chain.cells, end + 1)).kind === 'bend') {
        end++;
      }
      const run = chain.cells.slice(k, end + 1);
      k = end + 1;
      if (run.length < 2) continue;
      const heights = run.map((v) => cellAt(cells, v).centre).sort((a, b) => a - b);
      const target = at(heights, heights.length >> 1);
      const fits = (v: number) => {
        const c = cellAt(cells, v);
        const list = at(layers, c.layer);
        const before = list[c.order - 1];
        const after = list[c.order + 1];
        const range = limits(`${tree.boxOf[v] ?? 0}:${tree.slotOf[v] ?? 0}`);
        if (target < range[0] || target > range[1]) return false;
        if (
          before !== undefined &&
          target - cellAt(cells, before).centre < gapBetween(cellAt(cells, before), c)
        ) {
          return false;
        }
        return (
          after === undefined || cellAt(cells, after).centre - target >= gapBetween(c, cellAt(cells, after))
        );
      };
      if (run.every(fits)) {
        for (const v of run) cellAt(cells, v).centre = target;
      }
    }
  }
  let minAcross = Number.POSITIVE_INFINITY;
  let maxAcross = Number.NEGATIVE_INFINITY;
  for (const c of cells) {
    minAcross = Math.min(minAcross, c.centre - c.across / 2);
    maxAcross = Math.max(maxAcross, c.centre + c.across / 2);
  }
  for (const b of bands.values()) {
    minAcross = Math.min(minAcross, b[0]);
    maxAcross = Math.max(maxAcross, b[1]);
  }
  if (!Number.isFinite(minAcross)) {
    minAcross = 0;
    maxAcross = 0;
  }
  // Room for a self loop above its node.
  const loopRoom = loops.length ? 18 : 0;
  const shiftAcross = pad + loopRoom - minAcross;
  // Half pixels: edges between cells at (almost) the same height run straight.
  for (const c of cells) c.centre = Math.round((c.centre + shiftAcross) * 2) / 2;
  for (const b of bands.values()) {
    b[0] += shiftAcross;
    b[1] += shiftAcross;
  }
  return { bands, minAcross, maxAcross, loopRoom };
}

/**
 * Positions closest (weighted least squares) to `target` that keep the order and at least `gaps[i]`
 * between item i and i+1: pool-adjacent-violators over the positions shifted by the running gap.
 */
export function placeInOrder(target: number[], weight: number[], gaps: number[]): number[] {
  const n = target.length;
  const offset: number[] = [0];
  for (let i = 1; i < n; i++) offset[i] = (offset[i - 1] ?? 0) + (gaps[i - 1] ?? 0);
  const blocks: { value: number; weight: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    let block = { value: (target[i] ?? 0) - (offset[i] ?? 0), weight: weight[i] ?? 1, count: 1 };
    while (blocks.length && (blocks[blocks.length - 1]?.value ?? 0) > block.value) {
      const prev = blocks.pop() as (typeof blocks)[number];
      const w = prev.weight + block.weight;
      block = {
        value: (prev.value * prev.weight + block.value * block.weight) / w,
        weight: w,
        count: prev.count + block.count,
      };
    }
    blocks.push(block);
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.value + (offset[out.length] ?? 0));
  return out;
}
