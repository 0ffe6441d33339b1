import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { getResource, type Resource } from '@switchyard/model';
import { beforeEach, describe, expect, it } from 'vitest';
import { flowDiagram, resourceGraph } from './from-catalog.js';
import { clearLayoutCache, layoutCacheSize, layoutDiagram } from './layout.js';
import type { Box, DiagramInput, LaidOutDiagram } from './types.js';

const fixtureDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);
const { catalog } = await loadCatalog(fixtureDir);
const href = (r: Resource) => `/${r.kind}/${r.id}/${r.version}`;
const saga = () =>
  flowDiagram(catalog, getResource(catalog, 'flow', 'checkout-saga') as Resource<'flow'>, href);

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** No two node boxes overlap, no label overlaps a node, edges are orthogonal, everything is inside the canvas. */
function expectClean(laid: LaidOutDiagram) {
  const boxes = laid.nodes;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i] as Box, boxes[j] as Box), `${boxes[i]?.node.id} / ${boxes[j]?.node.id}`).toBe(
        false,
      );
    }
  }
  for (const e of laid.edges) {
    if (e.label) for (const b of boxes) expect(overlaps(e.label, b)).toBe(false);
    for (const points of e.sections) {
      expect(points.length).toBeGreaterThanOrEqual(2);
      for (let k = 1; k < points.length; k++) {
        const [p, q] = [points[k - 1], points[k]];
        expect(Math.abs((p?.x ?? 0) - (q?.x ?? 0)) < 0.01 || Math.abs((p?.y ?? 0) - (q?.y ?? 0)) < 0.01).toBe(
          true,
        );
      }
    }
  }
  for (const b of [...boxes, ...laid.edges.flatMap((e) => (e.label ? [e.label] : []))]) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(laid.width);
    expect(b.y + b.height).toBeLessThanOrEqual(laid.height);
  }
}

beforeEach(() => clearLayoutCache());

describe('layoutDiagram', () => {
  it('lays out the checkout saga without overlaps, with every edge routed and labelled', async () => {
    const input = saga();
    const laid = await layoutDiagram(input);
    expect(laid.nodes).toHaveLength(input.nodes.length);
    expect(laid.edges).toHaveLength(input.edges.length);
    for (const e of laid.edges) {
      expect(e.sections.length).toBeGreaterThan(0);
      expect(e.label?.lines.join(' ')).toBe(e.edge.label);
    }
    expectClean(laid);
  });

  it('lays out a service neighbourhood without overlaps', async () => {
    const service = getResource(catalog, 'service', 'order-service') as Resource;
    expectClean(await layoutDiagram(resourceGraph(catalog, service, href)));
  });

  it('wraps long labels onto at most three lines and sizes boxes to them', async () => {
    const long = 'A very long resource name that keeps going well past three lines of text';
    const laid = await layoutDiagram({
      nodes: [
        { id: 'a', kind: 'service', label: long },
        { id: 'b', kind: 'event', label: 'B' },
      ],
      edges: [],
    });
    const [a, b] = laid.nodes;
    expect(a?.lines.length).toBe(3);
    expect(a?.lines.at(-1)?.endsWith('…')).toBe(true);
    expect(a?.lines.every((l) => l.length <= 22)).toBe(true);
    expect(a?.height).toBeGreaterThan(b?.height ?? 0);
    expectClean(laid);
  });

  it('leaves out edges to unknown nodes and repeated node ids', async () => {
    const input: DiagramInput = {
      nodes: [
        { id: 'a', kind: 'service', label: 'A' },
        { id: 'a', kind: 'service', label: 'A again' },
        { id: 'b', kind: 'event', label: 'B' },
      ],
      edges: [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'ghost' },
      ],
    };
    const laid = await layoutDiagram(input);
    expect(laid.nodes.map((n) => n.node.label)).toEqual(['A', 'B']);
    expect(laid.edges.map((e) => e.edge.to)).toEqual(['b']);
  });

  it('serves an unchanged graph from the cache, with the caller’s own hrefs and tones', async () => {
    const first = await layoutDiagram(saga());
    expect(layoutCacheSize()).toBe(1);
    const again = saga();
    const second = await layoutDiagram(again);
    expect(layoutCacheSize()).toBe(1);
    expect(second.nodes[0]?.lines).toBe(first.nodes[0]?.lines);
    expect(second.nodes[0]?.node).toBe(again.nodes[0]);

    const relinked = saga();
    for (const n of relinked.nodes) n.href = `/elsewhere/${n.id}`;
    const third = await layoutDiagram(relinked);
    expect(layoutCacheSize()).toBe(1);
    expect(third.nodes[0]?.node.href).toBe(`/elsewhere/${relinked.nodes[0]?.id}`);

    await layoutDiagram({ ...saga(), direction: 'RIGHT' });
    expect(layoutCacheSize()).toBe(2);
  });

  it('shares one layout between concurrent calls', async () => {
    await Promise.all([layoutDiagram(saga()), layoutDiagram(saga())]);
    expect(layoutCacheSize()).toBe(1);
  });
});
