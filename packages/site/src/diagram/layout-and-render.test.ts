import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { getResource, type Resource } from '@switchyard/model';
import { beforeEach, describe, expect, it } from 'vitest';
import { flowDiagram, resourceGraph } from './from-catalog.js';
import { clearLayoutCache, layoutCacheSize, layoutDiagram } from './layout.js';
import { escapeXml, renderDiagramSvg, roundedPath } from './render-svg.js';
import type { Box, DiagramInput, LaidOutDiagram } from './types.js';

// Layout and rendering share one file so the fixture is loaded, and ELK warmed up, once.
const fixtureDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);
const { catalog } = await loadCatalog(fixtureDir);
const href = (r: Resource) => `/${r.kind}/${r.id}/${r.version}`;
const saga = () =>
  flowDiagram(catalog, getResource(catalog, 'flow', 'checkout-saga') as Resource<'flow'>, href);
const laidSaga = await layoutDiagram(saga());

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

describe('layoutDiagram', () => {
  beforeEach(() => clearLayoutCache());

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

/** Checks that tags nest and close and that text holds no bare `<` or `&`; returns the element names in order. */
function expectWellFormed(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/<style>[^<]*<\/style>/g, '<style/>');
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const [, close, name = '', attrs = '', self, text, stray] of body.matchAll(token)) {
    expect(stray).toBeUndefined();
    if (text !== undefined) expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
    else if (close) expect(stack.pop()).toBe(name);
    else {
      expect(attrs).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
      names.push(name);
      if (!self) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  return names;
}

describe('renderDiagramSvg', () => {
  const svg = renderDiagramSvg(laidSaga, { title: 'Checkout Saga' });

  it('renders an accessible, scalable SVG with a node group per node and an edge group per edge', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="sy-diagram[^"]*" role="img"/);
    expect(svg).toMatch(/<title id="[^"]+">Checkout Saga<\/title>/);
    expect(svg).toContain(`viewBox="0 0 ${Math.ceil(laidSaga.width)} ${Math.ceil(laidSaga.height)}"`);
    expect(svg).toContain(`width="${Math.ceil(laidSaga.width)}"`);
    expect(svg).toContain('data-node="service:checkout-orchestrator@1.0.0"');
    expect(svg).toContain('data-edge="command:authorize-payment@1.0.0->compensate_release"');
    expect(svg).toContain('<a href="/service/checkout-orchestrator/1.0.0"');
    expect(svg).toContain('class="sy-node sy-node--custom sy-node--tone-compensation"');
    expect(svg).toMatch(/class="sy-edge sy-edge--failure[ "]/);
    expect(svg).toContain('>SERVICE</text>');
    expect(svg).toContain('>Service · v1.0.0</text>');
    expect(svg).toContain('>Out of stock</tspan>');
    expect(svg).toContain('prefers-color-scheme:dark');
    const names = expectWellFormed(svg);
    expect(names.filter((n) => n === 'g').length).toBeGreaterThanOrEqual(
      laidSaga.nodes.length + laidSaga.edges.length,
    );
    expect(svg.match(/data-node="/g)).toHaveLength(laidSaga.nodes.length);
    expect(svg.match(/data-edge="/g)).toHaveLength(laidSaga.edges.length);
  });

  it('is a pure function of its input', () => {
    expect(renderDiagramSvg(laidSaga, { title: 'Checkout Saga' })).toBe(svg);
    expect(renderDiagramSvg(laidSaga, { title: 'Checkout Saga', style: false })).not.toContain('<style>');
  });

  it('escapes every text and attribute, and links only safe URLs', async () => {
    const laid: LaidOutDiagram = await layoutDiagram({
      nodes: [
        {
          id: 'a"<b>',
          kind: 'service',
          label: 'Orders <script>alert(1)</script> & "co"',
          sublabel: "O'Brien & <Sons>",
          summary: 'x < y',
          href: '/a?x=1&y=<2>',
        },
        { id: 'evil', kind: 'event', label: 'Evil', href: 'javascript:alert(1)' },
      ],
      edges: [{ from: 'a"<b>', to: 'evil', label: 'when a < b & c' }],
    });
    const out = renderDiagramSvg(laid, { title: 'T <&>' });
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&amp; &quot;co&quot;');
    expect(out).toContain('data-node="a&quot;&lt;b>"');
    expect(out).toContain('data-edge="a&quot;&lt;b>->evil"');
    expect(out).toContain('href="/a?x=1&amp;y=&lt;2>"');
    expect(out).toContain('>when a &lt; b &amp; c</tspan>');
    expect(out).toContain('<title id="');
    expect(out).toContain('>T &lt;&amp;&gt;</title>');
    expect(out).not.toContain('javascript:');
    expectWellFormed(out);
  });

  it('drops characters XML forbids', () => {
    expect(escapeXml('a\u0000b\u0007c\ud800d\u00e9\u{1f680}')).toBe('abcd\u00e9\u{1f680}');
  });

  it('rounds the corners of orthogonal paths', () => {
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 20 },
      ]),
    ).toBe('M0 0L14 0Q20 0 20 6L20 20');
  });
});
