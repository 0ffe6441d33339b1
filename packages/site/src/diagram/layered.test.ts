import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layeredGeometry, placeInOrder } from './layered.js';
import type { DiagramInput, Point } from './types.js';

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 0.01 &&
  b.x < a.x + a.width - 0.01 &&
  a.y < b.y + b.height - 0.01 &&
  b.y < a.y + a.height - 0.01;
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x - 0.01 &&
  a.y >= b.y - 0.01 &&
  a.x + a.width <= b.x + b.width + 0.01 &&
  a.y + a.height <= b.y + b.height + 0.01;
const onBorder = (p: Point, r: Rect) => {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
  const withinX = p.x >= r.x - 0.01 && p.x <= r.x + r.width + 0.01;
  const withinY = p.y >= r.y - 0.01 && p.y <= r.y + r.height + 0.01;
  return (
    ((near(p.x, r.x) || near(p.x, r.x + r.width)) && withinY) ||
    ((near(p.y, r.y) || near(p.y, r.y + r.height)) && withinX)
  );
};
const node = (id: string, group?: string) => ({
  id,
  kind: 'service',
  label: `Node ${id}`,
  ...(group ? { group } : {}),
});

/** Random graphs: nodes in up to three nested groups, edges with and without labels, cycles and repeats. */
const graphs = fc
  .record({
    count: fc.integer({ min: 1, max: 24 }),
    groups: fc.integer({ min: 0, max: 4 }),
    nested: fc.boolean(),
    down: fc.boolean(),
    membership: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 24, maxLength: 24 }),
    edges: fc.array(
      fc.record({
        from: fc.nat(23),
        to: fc.nat(23),
        label: fc.option(fc.constantFrom('calls', 'publishes an event', 'x'), { nil: undefined }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ count, groups, nested, down, membership, edges }): DiagramInput => {
    const groupList = Array.from({ length: groups }, (_, g) => ({
      id: `g${g}`,
      kind: g === 0 ? 'domain' : 'system',
      label: `Group ${g}`,
      ...(nested && g > 0 ? { parent: 'g0' } : {}),
    }));
    const nodes = Array.from({ length: count }, (_, i) => {
      const g = membership[i] ?? -1;
      return node(`n${i}`, g >= 0 && g < groups ? `g${g}` : undefined);
    });
    return {
      nodes,
      edges: edges
        .filter((e) => e.from < count && e.to < count)
        .map((e) => ({ from: `n${e.from}`, to: `n${e.to}`, ...(e.label ? { label: e.label } : {}) })),
      groups: groupList,
      direction: down ? 'DOWN' : 'RIGHT',
    };
  });

describe('layeredGeometry', () => {
  it('never overlaps two nodes, a label and a node, or two labels, and keeps everything in the drawing', () => {
    fc.assert(
      fc.property(graphs, (input) => {
        const g = layeredGeometry(input);
        expect(g.nodes).toHaveLength(input.nodes.length);
        const labels = g.edges.flatMap((e) => (e.label ? [e.label] : []));
        const boxes = [...g.nodes, ...labels];
        for (let i = 0; i < boxes.length; i++) {
          const a = boxes[i] as Rect;
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.y).toBeGreaterThanOrEqual(0);
          expect(a.x + a.width).toBeLessThanOrEqual(g.width + 0.01);
          expect(a.y + a.height).toBeLessThanOrEqual(g.height + 0.01);
          for (let j = i + 1; j < boxes.length; j++) expect(overlaps(a, boxes[j] as Rect)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('routes every edge with straight runs from a side of its source to a side of its target', () => {
    fc.assert(
      fc.property(graphs, (input) => {
        const g = layeredGeometry(input);
        const byId = new Map(g.nodes.map((n) => [input.nodes[n.index]?.id, n]));
        for (const e of g.edges) {
          const edge = input.edges[e.index];
          if (!edge) throw new Error('edge out of range');
          const points = e.sections[0] ?? [];
          expect(points.length).toBeGreaterThanOrEqual(2);
          for (let k = 1; k < points.length; k++) {
            const a = points[k - 1] as Point;
            const b = points[k] as Point;
            expect(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01).toBe(true);
          }
          expect(onBorder(points[0] as Point, byId.get(edge.from) as Rect)).toBe(true);
          expect(onBorder(points[points.length - 1] as Point, byId.get(edge.to) as Rect)).toBe(true);
        }
        // Every edge that names two nodes is drawn once.
        expect(g.edges.map((e) => e.index)).toEqual(input.edges.map((_, i) => i));
      }),
      { numRuns: 150 },
    );
  });

  it('draws each group around its nodes and nested groups, and keeps what is not in it outside', () => {
    fc.assert(
      fc.property(graphs, (input) => {
        const g = layeredGeometry(input);
        const boxOf = new Map((g.groups ?? []).map((b) => [input.groups?.[b.index]?.id, b]));
        const used = new Set(input.nodes.flatMap((n) => (n.group ? [n.group] : [])));
        for (const id of used) {
          const group = input.groups?.find((x) => x.id === id);
          if (group?.parent) used.add(group.parent);
        }
        expect(new Set(boxOf.keys())).toEqual(used);
        const ancestors = (id: string | undefined) => {
          const out = new Set<string>();
          for (let at = id; at; at = input.groups?.find((x) => x.id === at)?.parent) out.add(at);
          return out;
        };
        for (const n of g.nodes) {
          const own = ancestors(input.nodes[n.index]?.group);
          for (const [id, box] of boxOf) {
            if (own.has(id as string)) expect(inside(n, box)).toBe(true);
            else expect(overlaps(n, box)).toBe(false);
          }
        }
        const list = [...boxOf];
        for (const [a, ra] of list) {
          for (const [b, rb] of list) {
            if (a === b || ancestors(a).has(b as string) || ancestors(b).has(a as string)) continue;
            expect(overlaps(ra, rb)).toBe(false);
          }
        }
        // Outermost first, as the renderer draws them.
        const order = (g.groups ?? []).map((b) => input.groups?.[b.index]?.id);
        for (const id of order) {
          const parent = input.groups?.find((x) => x.id === id)?.parent;
          if (parent && order.includes(parent)) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(id));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lays producers, message and consumers out in layers, the same way every time', () => {
    const fan: DiagramInput = {
      nodes: ['p1', 'p2', 'm', 'c1', 'c2', 'c3'].map((id) => node(id)),
      edges: [
        { from: 'p1', to: 'm' },
        { from: 'p2', to: 'm' },
        { from: 'm', to: 'c1' },
        { from: 'm', to: 'c2' },
        { from: 'm', to: 'c3' },
      ],
    };
    const g = layeredGeometry(fan);
    const x = (id: string) => g.nodes.find((n) => fan.nodes[n.index]?.id === id)?.x ?? Number.NaN;
    expect(x('p1')).toBe(x('p2'));
    expect(x('p1')).toBeLessThan(x('m'));
    expect(x('m')).toBeLessThan(x('c1'));
    expect(new Set(['c1', 'c2', 'c3'].map(x)).size).toBe(1);
    expect(layeredGeometry(fan)).toEqual(g);
    const turned = layeredGeometry({ ...fan, direction: 'DOWN' });
    expect(new Set(turned.nodes.map((n) => n.y)).size).toBe(3);
  });

  it("wraps a node's long fan of leaves onto further layers, in input order, and leaves short fans alone", () => {
    const leaves = Array.from({ length: 11 }, (_, i) => `e${i}`);
    const fan: DiagramInput = {
      nodes: ['in', 's', ...leaves, 'other', 'after'].map((id) => node(id)),
      edges: [
        { from: 'in', to: 's' },
        ...leaves.map((to) => ({ from: 's', to })),
        // A message someone receives is not a leaf: it keeps its layer.
        { from: 's', to: 'other' },
        { from: 'other', to: 'after' },
      ],
    };
    const g = layeredGeometry(fan);
    const x = (id: string) => g.nodes.find((n) => fan.nodes[n.index]?.id === id)?.x ?? Number.NaN;
    const columns = [...new Set(leaves.map(x))].sort((a, b) => a - b);
    // Eleven leaves, at most six to a layer: two layers, six then five, the first next to the service.
    expect(columns).toHaveLength(2);
    expect(leaves.filter((l) => x(l) === columns[0])).toEqual(leaves.slice(0, 6));
    expect(x('other')).toBe(columns[0]);
    expect(x('s')).toBeLessThan(columns[0] ?? 0);
    const height = g.height;
    const short = { ...fan, nodes: fan.nodes.slice(0, 8), edges: fan.edges.slice(0, 7) };
    const s = layeredGeometry(short);
    expect(
      new Set(s.nodes.filter((n) => (short.nodes[n.index]?.id ?? '').startsWith('e')).map((n) => n.x)).size,
    ).toBe(1);
    // Wrapped, the eleven take less height than in one column, where a second sender keeps them (not leaves).
    const column = layeredGeometry({
      nodes: [...fan.nodes, node('s2')],
      edges: [...fan.edges, ...leaves.map((to) => ({ from: 's2', to }))],
    });
    expect(height).toBeLessThan(column.height * 0.9);
  });

  it('untangles crossing edges and gives a labelled edge room for its label between the layers', () => {
    const input: DiagramInput = {
      nodes: ['a', 'b', 'c', 'd'].map((id) => node(id)),
      edges: [
        { from: 'a', to: 'd' },
        { from: 'b', to: 'c', label: 'publishes' },
      ],
    };
    const g = layeredGeometry(input);
    const at = (id: string) => g.nodes.find((n) => input.nodes[n.index]?.id === id) as Rect;
    // a above b, so d (a's target) must sit above c.
    expect(at('a').y < at('b').y).toBe(at('d').y < at('c').y);
    const label = g.edges[1]?.label as Rect;
    expect(label.x).toBeGreaterThanOrEqual(at('b').x + at('b').width);
    expect(label.x + label.width).toBeLessThanOrEqual(at('c').x);
  });

  it('breaks cycles and draws a self loop', () => {
    const input: DiagramInput = {
      nodes: ['a', 'b', 'c'].map((id) => node(id)),
      edges: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'b', to: 'b' },
      ],
    };
    const g = layeredGeometry(input);
    expect(g.edges).toHaveLength(4);
    expect(new Set(g.nodes.map((n) => n.x)).size).toBe(3);
    const loop = g.edges[3]?.sections[0] ?? [];
    expect(loop.length).toBeGreaterThan(2);
  });
});

describe('placeInOrder', () => {
  it('keeps order and gaps, and lands as close to the targets as they allow', () => {
    expect(placeInOrder([0, 0, 0], [1, 1, 1], [10, 10])).toEqual([-10, 0, 10]);
    expect(placeInOrder([0, 100], [1, 1], [10])).toEqual([0, 100]);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -500, max: 500 }),
            fc.integer({ min: 1, max: 5 }),
            fc.integer({ min: 0, max: 40 }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (items) => {
          const out = placeInOrder(
            items.map((i) => i[0]),
            items.map((i) => i[1]),
            items.slice(1).map((i) => i[2]),
          );
          for (let k = 1; k < out.length; k++) {
            expect((out[k] ?? 0) - (out[k - 1] ?? 0)).toBeGreaterThanOrEqual((items[k]?.[2] ?? 0) - 1e-6);
          }
        },
      ),
    );
  });
});
