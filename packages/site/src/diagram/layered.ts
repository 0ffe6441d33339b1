import { groupCaption, measureLabel, measureNode, textWidth } from './metrics.js';
import type { DiagramInput, Point } from './types.js';

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

const pad = 16;
/** Space between two layers when no edge needs a track there. */
const layerGap = 48;
/** Room between a layer and the first or last edge track of the gap that follows it. */
const trackMargin = 16;
const trackGap = 10;
/** Space between neighbours in a layer: two boxes, a box and an edge passing by, two edges passing by. */
const nodeGap = 28;
const nodeEdgeGap = 20;
const edgeGap = 12;
const orderSweeps = 8;
const placeSweeps = 8;
/** Cells (nodes, labels, bend points) past which a graph gets two sweeps of each kind. */
const hugeGraph = 5000;

/** One box or bend point in a layer: a node, an edge label, or an edge passing through. */
interface Cell {
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

interface Chain {
  edge: number;
  cells: number[];
  reversed: boolean;
  label?: { cell: number; lines: string[] };
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

  // Break cycles: edges back to a node on the depth-first stack are laid out reversed.
  const out: number[][] = Array.from({ length: realCount }, () => []);
  edges.forEach((e, i) => {
    out[e.from]?.push(i);
  });
  const reversed = new Array<boolean>(edges.length).fill(false);
  const state = new Uint8Array(realCount); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < realCount; start++) {
    if (state[start]) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1] as [number, number];
      const [v, k] = top;
      const list = out[v] ?? [];
      if (k >= list.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = k + 1;
      const ei = list[k] as number;
      const w = (edges[ei] as (typeof edges)[number]).to;
      if (state[w] === 1) reversed[ei] = true;
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  const tail = (i: number) => {
    const e = edges[i] as (typeof edges)[number];
    return reversed[i] ? e.to : e.from;
  };
  const head = (i: number) => {
    const e = edges[i] as (typeof edges)[number];
    return reversed[i] ? e.from : e.to;
  };

  // Longest-path layers over the acyclic orientation, in topological order (input order among equals).
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
    const v = ready[q] as number;
    topo.push(v);
    for (const w of succ[v] ?? []) {
      layer[w] = Math.max(layer[w] ?? 0, (layer[v] ?? 0) + 1);
      indegree[w] = (indegree[w] ?? 0) - 1;
      if (indegree[w] === 0) ready.push(w);
    }
  }
  // Sources sit just before the first node they feed, not all in the first layer.
  for (let q = topo.length - 1; q >= 0; q--) {
    const v = topo[q] as number;
    const next = succ[v] ?? [];
    if (hasPred[v] || next.length === 0) continue;
    layer[v] = next.reduce((m, w) => Math.min(m, layer[w] ?? 0), Number.POSITIVE_INFINITY) - 1;
  }
  const lowest = layer.reduce((m, l) => Math.min(m, l), 0);
  for (let v = 0; v < realCount; v++) layer[v] = (layer[v] ?? 0) - lowest;

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
    const c = cells[v] as Cell;
    c.layer = shifted[layer[v] ?? 0] ?? 0;
  }

  // Chains of cells: an edge through a bend point (or its label) in every layer it crosses.
  const chains: Chain[] = edges.map((e, i) => {
    const a = tail(i);
    const b = head(i);
    const la = (cells[a] as Cell).layer;
    const lb = (cells[b] as Cell).layer;
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
      const u = chain.cells[k - 1] as number;
      const v = chain.cells[k] as number;
      (cells[u] as Cell).down.push(v);
      (cells[v] as Cell).up.push(u);
    }
    return chain;
  });

  const layerCount = cells.reduce((m, c) => Math.max(m, c.layer), 0) + 1;
  const tree = groupTree(input, nodeInput, cells, chains, realCount);
  let layers: number[][] = Array.from({ length: layerCount }, () => []);
  cells.forEach((c, i) => {
    layers[c.layer]?.push(i);
  });
  // Nodes before edge cells, in input order: a stable start that follows how the catalog is written.
  const startKey = new Map<number, number>();
  for (const list of layers) {
    list.sort((a, b) => kindRank(cells, a, b) || (cells[a] as Cell).rank - (cells[b] as Cell).rank);
    list.forEach((v, k) => {
      startKey.set(v, k);
    });
  }
  tree.rerank(layers);
  layers = layers.map((list) => tree.order(list, startKey));
  const setOrders = (ls: number[][]) => {
    for (const list of ls) {
      list.forEach((v, k) => {
        (cells[v] as Cell).order = k;
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
      for (const v of layers[l] as number[]) {
        const c = cells[v] as Cell;
        const near = goingDown ? c.up : c.down;
        key.set(
          v,
          near.length ? near.reduce((s, u) => s + (cells[u] as Cell).order, 0) / near.length : c.order,
        );
      }
      const sorted = tree.order(layers[l] as number[], key);
      layers[l] = sorted;
      sorted.forEach((v, k2) => {
        (cells[v] as Cell).order = k2;
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
  layers = layers.map((list) => tree.order(list, new Map(list.map((v) => [v, (cells[v] as Cell).order]))));
  setOrders(layers);

  // Positions across the main axis. Each box (a group, or the whole diagram) is a stack of slots and the
  // bands of its child boxes; a cell stays inside its slot, so boxes never overlap what is not theirs.
  const gapBetween = (a: Cell, b: Cell) => {
    const boxes = (a.kind !== 'bend' ? 1 : 0) + (b.kind !== 'bend' ? 1 : 0);
    return a.across / 2 + b.across / 2 + (boxes === 2 ? nodeGap : boxes === 1 ? nodeEdgeGap : edgeGap);
  };
  /** The cells of one layer in one slot of one box, in order. */
  const runs: { layer: number; box: number; slot: number; cells: number[] }[] = [];
  for (let l = 0; l < layerCount; l++) {
    let current: (typeof runs)[number] | undefined;
    for (const v of layers[l] as number[]) {
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
        (cells[v] as Cell).across +
        (k > 0
          ? gapBetween(cells[list[k - 1] as number] as Cell, cells[v] as Cell) -
            ((cells[list[k - 1] as number] as Cell).across + (cells[v] as Cell).across) / 2
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
    let at = (range[0] + range[1]) / 2 - packed(run.cells) / 2;
    run.cells.forEach((v, k) => {
      const c = cells[v] as Cell;
      if (k > 0)
        at +=
          gapBetween(cells[run.cells[k - 1] as number] as Cell, c) -
          ((cells[run.cells[k - 1] as number] as Cell).across + c.across) / 2;
      c.centre = at + c.across / 2;
      at += c.across;
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
          const c = cells[v] as Cell;
          const near = both ? [...c.up, ...c.down] : goingDown ? c.up : c.down;
          let sum = 0;
          let total = 0;
          for (const u of near) {
            const cu = cells[u] as Cell;
            const wt = weight(c, cu);
            sum += cu.centre * wt;
            total += wt;
          }
          target.push(total > 0 ? sum / total : c.centre);
          w.push(total > 0 ? total : 0.25);
        }
        const gaps: number[] = [];
        for (let i = 1; i < run.cells.length; i++) {
          gaps.push(
            gapBetween(cells[run.cells[i - 1] as number] as Cell, cells[run.cells[i] as number] as Cell),
          );
        }
        const placed = placeInOrder(target, w, gaps);
        const range = limits(`${run.box}:${run.slot}`);
        const first = cells[run.cells[0] as number] as Cell;
        const last = cells[run.cells[run.cells.length - 1] as number] as Cell;
        placed[0] = Math.max(placed[0] ?? 0, range[0] + first.across / 2);
        for (let i = 1; i < placed.length; i++)
          placed[i] = Math.max(placed[i] ?? 0, (placed[i - 1] ?? 0) + (gaps[i - 1] ?? 0));
        const end = placed.length - 1;
        placed[end] = Math.min(placed[end] ?? 0, range[1] - last.across / 2);
        for (let i = end - 1; i >= 0; i--)
          placed[i] = Math.min(placed[i] ?? 0, (placed[i + 1] ?? 0) - (gaps[i] ?? 0));
        run.cells.forEach((v, i) => {
          (cells[v] as Cell).centre = placed[i] ?? 0;
        });
      }
    }
  }
  // A long edge runs straight where it can: its bend points in a row take their median height when that
  // keeps every layer's spacing and slot.
  for (const chain of chains) {
    for (let k = 1; k < chain.cells.length - 1; ) {
      if ((cells[chain.cells[k] as number] as Cell).kind !== 'bend') {
        k++;
        continue;
      }
      let end = k;
      while (
        end + 1 < chain.cells.length - 1 &&
        (cells[chain.cells[end + 1] as number] as Cell).kind === 'bend'
      ) {
        end++;
      }
      const run = chain.cells.slice(k, end + 1);
      k = end + 1;
      if (run.length < 2) continue;
      const heights = run.map((v) => (cells[v] as Cell).centre).sort((a, b) => a - b);
      const target = heights[heights.length >> 1] as number;
      const fits = (v: number) => {
        const c = cells[v] as Cell;
        const list = layers[c.layer] as number[];
        const before = list[c.order - 1];
        const after = list[c.order + 1];
        const range = limits(`${tree.boxOf[v] ?? 0}:${tree.slotOf[v] ?? 0}`);
        if (target < range[0] || target > range[1]) return false;
        if (
          before !== undefined &&
          target - (cells[before] as Cell).centre < gapBetween(cells[before] as Cell, c)
        ) {
          return false;
        }
        return (
          after === undefined || (cells[after] as Cell).centre - target >= gapBetween(c, cells[after] as Cell)
        );
      };
      if (run.every(fits)) {
        for (const v of run) (cells[v] as Cell).centre = target;
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

  // Tracks: in each gap, every edge that changes height gets a vertical run of its own where it would
  // overlap another; runs leaving one cell the same way share a track (they fan out from one point).
  const depth = layers.map((list) => list.reduce((m, v) => Math.max(m, (cells[v] as Cell).along), 0));
  interface Run {
    from: number;
    start: number;
    lo: number;
    hi: number;
    downward: boolean;
    track: number;
  }
  const runsByGap: Run[][] = Array.from({ length: Math.max(0, layerCount - 1) }, () => []);
  const runOf = new Map<string, Run>();
  for (const chain of chains) {
    for (let k = 1; k < chain.cells.length; k++) {
      const u = cells[chain.cells[k - 1] as number] as Cell;
      const v = cells[chain.cells[k] as number] as Cell;
      if (u.centre === v.centre) continue;
      const downward = v.centre > u.centre;
      const id = `${chain.cells[k - 1]}:${downward ? 'd' : 'u'}`;
      let run = runOf.get(id);
      if (!run) {
        run = {
          from: chain.cells[k - 1] as number,
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
  const crossSize = maxAcross - minAcross + 2 * pad + loopRoom;
  const trackAt = (gap: number, track: number) => {
    const t = trackCount[gap] ?? 1;
    const gapStart = (layerStart[gap] ?? 0) + (depth[gap] ?? 0);
    return gapStart + ((gapSize[gap] ?? layerGap) - (t - 1) * trackGap) / 2 + track * trackGap;
  };
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
    const c = cells[v] as Cell;
    const corner = point(startOf(c), c.centre - c.across / 2);
    geometry.nodes.push({
      index: nodeInput[v] as number,
      lines: nodeLines[v] as string[],
      ...corner,
      width: down ? c.across : c.along,
      height: down ? c.along : c.across,
    });
  }
  for (const chain of chains) {
    const first = cells[chain.cells[0] as number] as Cell;
    const raw: Point[] = [point(exitOf(first), first.centre)];
    for (let k = 1; k < chain.cells.length; k++) {
      const u = cells[chain.cells[k - 1] as number] as Cell;
      const v = cells[chain.cells[k] as number] as Cell;
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
      const c = cells[chain.label.cell] as Cell;
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
    const c = cells[loop.node] as Cell;
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

function kindRank(cells: Cell[], a: number, b: number): number {
  const r = (c: Cell) => (c.kind === 'node' ? 0 : 1);
  return r(cells[a] as Cell) - r(cells[b] as Cell);
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

/** Crossings between every pair of neighbouring layers, counted with a Fenwick tree. */
function countCrossings(cells: Cell[], layers: number[][]): number {
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const pairs: [number, number][] = [];
    for (const u of layers[l] ?? []) {
      const cu = cells[u] as Cell;
      for (const v of cu.down) pairs.push([cu.order, (cells[v] as Cell).order]);
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

/** Space between a group's band and what is next to it across the main axis. */
const partGap = 20;

interface Box {
  /** Position in `input.groups`; -1 for the diagram itself. */
  index: number;
  label: string;
  parent: number;
  children: number[];
  depth: number;
  score: number;
}

/**
 * The group boxes as a tree (box 0 is the whole diagram) and what keeps them apart: each cell lives in a
 * box (a node in its group, an edge's bend points in the smallest box holding both its ends), boxes keep
 * one order across all layers, and a cell sits in a slot before, between or after its box's child boxes.
 */
function groupTree(
  input: DiagramInput,
  nodeInput: number[],
  cells: Cell[],
  chains: Chain[],
  realCount: number,
) {
  const boxes: Box[] = [{ index: -1, label: '', parent: -1, children: [], depth: 0, score: 0 }];
  const byId = new Map<string, { index: number; parent: string | undefined }>();
  (input.groups ?? []).forEach((g, index) => {
    if (!byId.has(g.id)) byId.set(g.id, { index, parent: g.parent });
  });
  /** A group's parent, unless unknown or part of a cycle. */
  const parentOf = (id: string): string | undefined => {
    const parent = byId.get(id)?.parent;
    if (!parent || !byId.has(parent)) return undefined;
    const chain = new Set([id]);
    for (let p: string | undefined = parent; p; p = byId.get(p)?.parent) {
      if (chain.has(p)) return undefined;
      chain.add(p);
    }
    return parent;
  };
  const boxOfGroup = new Map<string, number>();
  const boxFor = (id: string): number => {
    const known = boxOfGroup.get(id);
    if (known !== undefined) return known;
    const parentId = parentOf(id);
    const parent = parentId ? boxFor(parentId) : 0;
    const at = boxes.length;
    const group = input.groups?.[byId.get(id)?.index ?? -1];
    boxes.push({
      index: byId.get(id)?.index ?? -1,
      label: group?.label ?? '',
      parent,
      children: [],
      depth: (boxes[parent]?.depth ?? 0) + 1,
      score: 0,
    });
    boxes[parent]?.children.push(at);
    boxOfGroup.set(id, at);
    return at;
  };
  const boxOf = new Array<number>(cells.length).fill(0);
  for (let v = 0; v < realCount; v++) {
    const group = input.nodes[nodeInput[v] ?? -1]?.group;
    if (group && byId.has(group)) boxOf[v] = boxFor(group);
  }
  const lca = (a: number, b: number) => {
    let x = a;
    let y = b;
    while (x !== y) {
      if ((boxes[x]?.depth ?? 0) >= (boxes[y]?.depth ?? 0)) x = boxes[x]?.parent ?? 0;
      else y = boxes[y]?.parent ?? 0;
    }
    return x;
  };
  for (const chain of chains) {
    const box = lca(
      boxOf[chain.cells[0] as number] ?? 0,
      boxOf[chain.cells[chain.cells.length - 1] as number] ?? 0,
    );
    for (const v of chain.cells.slice(1, -1)) boxOf[v] = box;
  }
  const ancestors = boxes.map((_, b) => {
    const list: number[] = [];
    for (let x = b; x > 0; x = boxes[x]?.parent ?? 0) list.push(x);
    return list;
  });
  const slotOf = new Array<number>(cells.length).fill(0);
  const grouped = boxes.length > 1;

  /** A layer in box order: cells by key within their slot, child boxes in their order. */
  const order = (list: number[], key: Map<number, number>): number[] => {
    const k = (v: number) => key.get(v) ?? 0;
    const sorted = list
      .map((v, i) => ({ v, i, key: k(v) }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.v);
    if (!grouped) return sorted;
    const sum = new Map<number, [number, number]>();
    const direct = new Map<number, number[]>();
    for (const v of sorted) {
      const box = boxOf[v] ?? 0;
      const mine = direct.get(box);
      if (mine) mine.push(v);
      else direct.set(box, [v]);
      for (const b of ancestors[box] ?? []) {
        const s = sum.get(b) ?? [0, 0];
        sum.set(b, [s[0] + k(v), s[1] + 1]);
      }
    }
    const mean = (b: number) => {
      const s = sum.get(b);
      return s ? s[0] / s[1] : undefined;
    };
    const out: number[] = [];
    const emit = (box: number) => {
      const children = boxes[box]?.children ?? [];
      const bySlot: number[][] = Array.from({ length: children.length + 1 }, () => []);
      for (const v of direct.get(box) ?? []) {
        let slot = children.length;
        for (let i = 0; i < children.length; i++) {
          const m = mean(children[i] as number);
          if (m !== undefined && m > k(v)) {
            slot = i;
            break;
          }
        }
        slotOf[v] = slot;
        bySlot[slot]?.push(v);
      }
      for (let i = 0; i <= children.length; i++) {
        for (const v of bySlot[i] ?? []) out.push(v);
        const child = children[i];
        if (child !== undefined && sum.has(child)) emit(child);
      }
    };
    emit(0);
    return out;
  };

  /** Orders each box's children by where their cells sit on average. */
  const rerank = (layers: number[][]) => {
    if (!grouped) return;
    const total = new Map<number, [number, number]>();
    for (const list of layers) {
      const inLayer = new Map<number, [number, number]>();
      list.forEach((v, i) => {
        for (const b of ancestors[boxOf[v] ?? 0] ?? []) {
          const s = inLayer.get(b) ?? [0, 0];
          inLayer.set(b, [s[0] + i / Math.max(1, list.length), s[1] + 1]);
        }
      });
      for (const [b, s] of inLayer) {
        const t = total.get(b) ?? [0, 0];
        total.set(b, [t[0] + s[0] / s[1], t[1] + 1]);
      }
    }
    for (const [b, t] of total) (boxes[b] as Box).score = t[0] / t[1];
    for (const box of boxes) {
      box.children.sort(
        (a, b) =>
          (boxes[a]?.score ?? 0) - (boxes[b]?.score ?? 0) || (boxes[a]?.index ?? 0) - (boxes[b]?.index ?? 0),
      );
    }
  };

  /** Where each slot and each group's band lie across the main axis, given how much room each slot needs. */
  const bands = (slotSize: Map<string, number>, down: boolean) => {
    const ranges = new Map<string, [number, number]>();
    const out = new Map<number, [number, number]>();
    const head = down ? groupCaption.pad : groupCaption.top;
    const assign = (box: number, start: number): number => {
      let cursor = start;
      let placed = false;
      const children = boxes[box]?.children ?? [];
      for (let i = 0; i <= children.length; i++) {
        const size = slotSize.get(`${box}:${i}`) ?? 0;
        if (size > 0) {
          if (placed) cursor += partGap;
          ranges.set(`${box}:${i}`, [cursor, cursor + size]);
          cursor += size;
          placed = true;
        }
        const child = children[i];
        if (child === undefined) continue;
        if (placed) cursor += partGap;
        const band: [number, number] = [cursor, cursor];
        const b = boxes[child] as Box;
        out.set(b.index, band);
        const end = assign(child, cursor + head) + groupCaption.pad;
        const least = down ? textWidth(b.label, groupCaption.size, 'bold') + 2 * groupCaption.pad + 60 : 60;
        band[1] = Math.max(end, cursor + least);
        cursor = band[1];
        placed = true;
      }
      return cursor;
    };
    assign(0, 0);
    // The diagram's own first and last slots are open: nothing lies beyond them.
    const rootSlots = (boxes[0]?.children.length ?? 0) + 1;
    const limits = (id: string): [number, number] => {
      const range = ranges.get(id) ?? [0, 0];
      if (!id.startsWith('0:')) return range;
      const slot = Number(id.slice(2));
      return [
        slot === 0 ? Number.NEGATIVE_INFINITY : range[0],
        slot === rootSlots - 1 ? Number.POSITIVE_INFINITY : range[1],
      ];
    };
    return { ranges, bands: out, limits };
  };

  /** Each group's start and end along the main axis: its cells' layers, its children, its caption. */
  const extents = (layerStart: number[], depth: number[], down: boolean) => {
    const head = down ? groupCaption.top : groupCaption.pad;
    const span = new Map<number, [number, number]>();
    cells.forEach((c, v) => {
      const box = boxOf[v] ?? 0;
      if (box === 0) return;
      const s = span.get(box) ?? [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      span.set(box, [
        Math.min(s[0], (layerStart[c.layer] ?? 0) - head),
        Math.max(s[1], (layerStart[c.layer] ?? 0) + (depth[c.layer] ?? 0) + groupCaption.pad),
      ]);
    });
    const deepestFirst = boxes.map((_, b) => b).filter((b) => b > 0);
    deepestFirst.sort((a, b) => (boxes[b]?.depth ?? 0) - (boxes[a]?.depth ?? 0));
    const out = new Map<number, [number, number]>();
    const byBox = new Map<number, [number, number]>();
    for (const b of deepestFirst) {
      const box = boxes[b] as Box;
      const s = span.get(b) ?? [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      for (const child of box.children) {
        const e = byBox.get(child);
        if (e) {
          s[0] = Math.min(s[0], e[0] - head);
          s[1] = Math.max(s[1], e[1] + groupCaption.pad);
        }
      }
      if (!Number.isFinite(s[0])) continue;
      if (!down)
        s[1] = Math.max(
          s[1],
          s[0] + textWidth(box.label, groupCaption.size, 'bold') + 2 * groupCaption.pad + 60,
        );
      byBox.set(b, s);
    }
    // Outermost first, as the renderer draws them.
    const outer = boxes.map((_, b) => b).filter((b) => b > 0 && byBox.has(b));
    outer.sort((a, b) => (boxes[a]?.depth ?? 0) - (boxes[b]?.depth ?? 0));
    for (const b of outer) out.set(boxes[b]?.index ?? -1, byBox.get(b) as [number, number]);
    return out;
  };

  return { boxOf, slotOf, order, rerank, bands, extents };
}
