import { describe, expect, it } from 'vitest';
import { simpleGeometry } from './simple-layout.js';
import type { DiagramInput } from './types.js';

const node = (id: string) => ({ id, kind: 'service', label: `Node ${id}` });
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('simpleGeometry', () => {
  const fan: DiagramInput = {
    nodes: ['p1', 'p2', 'm', 'c1', 'c2', 'c3'].map(node),
    edges: [
      { from: 'p1', to: 'm' },
      { from: 'p2', to: 'm' },
      { from: 'm', to: 'c1' },
      { from: 'm', to: 'c2' },
      { from: 'm', to: 'c3' },
    ],
  };

  it('lays producers, message and consumers out in columns without overlap, edges ending on their nodes', () => {
    const g = simpleGeometry(fan);
    if (!g) throw new Error('expected a layout');
    const byId = new Map(g.nodes.map((n) => [fan.nodes[n.index]?.id, n]));
    expect((byId.get('p1')?.x ?? 0) < (byId.get('m')?.x ?? 0)).toBe(true);
    expect((byId.get('m')?.x ?? 0) < (byId.get('c1')?.x ?? 0)).toBe(true);
    for (const a of g.nodes) for (const b of g.nodes) if (a !== b) expect(overlaps(a, b)).toBe(false);
    for (const e of g.edges) {
      const edge = fan.edges[e.index];
      const points = e.sections[0] ?? [];
      const from = byId.get(edge?.from);
      const to = byId.get(edge?.to);
      expect(points[0]?.x).toBe((from?.x ?? 0) + (from?.width ?? 0));
      expect(points[points.length - 1]?.x).toBe(to?.x);
    }
    for (const n of g.nodes) expect(n.x + n.width).toBeLessThanOrEqual(g.width);
  });

  it('turns the axes for DOWN', () => {
    const g = simpleGeometry({ ...fan, direction: 'DOWN' });
    const ys = g?.nodes.map((n) => n.y) ?? [];
    expect(new Set(ys).size).toBe(3);
    for (const n of g?.nodes ?? []) expect(n.y + n.height).toBeLessThanOrEqual(g?.height ?? 0);
  });

  it('leaves labelled edges, cycles, layer-skipping edges and big graphs to ELK', () => {
    expect(simpleGeometry({ ...fan, edges: [{ from: 'p1', to: 'm', label: 'calls' }] })).toBeUndefined();
    expect(
      simpleGeometry({
        nodes: [node('a'), node('b')],
        edges: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
        ],
      }),
    ).toBeUndefined();
    expect(
      simpleGeometry({
        nodes: ['a', 'b', 'c'].map(node),
        edges: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'a', to: 'c' },
        ],
      }),
    ).toBeUndefined();
    expect(
      simpleGeometry({ nodes: Array.from({ length: 40 }, (_, i) => node(`n${i}`)), edges: [] }),
    ).toBeUndefined();
  });
});
