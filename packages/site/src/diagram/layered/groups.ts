import { groupParentOf } from '../group-parents.js';
import { groupCaption, textWidth } from '../metrics.js';
import type { DiagramInput } from '../types.js';
import { at, type Cell, type Chain } from './graph.js';

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
export function groupTree(
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
  const parentOf = groupParentOf(byId);
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
    const box = lca(boxOf[at(chain.cells, 0)] ?? 0, boxOf[at(chain.cells, chain.cells.length - 1)] ?? 0);
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
          const m = mean(at(children, i));
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
    for (const [b, t] of total) at(boxes, b).score = t[0] / t[1];
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
        const b = at(boxes, child);
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
      const box = at(boxes, b);
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

/** The group tree of a layout: where each cell belongs, and how layers and bands are kept in box order. */
export type GroupTree = ReturnType<typeof groupTree>;
