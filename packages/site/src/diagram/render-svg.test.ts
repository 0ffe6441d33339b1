import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { getResource, type Resource } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { flowDiagram } from './from-catalog.js';
import { layoutDiagram } from './layout.js';
import { escapeXml, renderDiagramSvg, roundedPath } from './render-svg.js';
import type { LaidOutDiagram } from './types.js';

const fixtureDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);
const { catalog } = await loadCatalog(fixtureDir);
const href = (r: Resource) => `/${r.kind}/${r.id}/${r.version}`;
const saga = await layoutDiagram(
  flowDiagram(catalog, getResource(catalog, 'flow', 'checkout-saga') as Resource<'flow'>, href),
);

/** Checks that tags nest and close (enough to catch unescaped text), returning the element names in order. */
function expectWellFormed(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/<style>[^<]*<\/style>/g, '<style/>');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^<>]*?)(\/?)>/g)) {
    const [, close, name = '', attrs = '', self] = match;
    expect(attrs).not.toMatch(/[<>]/);
    if (close) expect(stack.pop()).toBe(name);
    else {
      names.push(name);
      if (!self) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#39);)/);
  return names;
}

describe('renderDiagramSvg', () => {
  const svg = renderDiagramSvg(saga, { title: 'Checkout Saga' });

  it('renders an accessible, scalable SVG with a node group per node and an edge group per edge', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="sy-diagram[^"]*" role="img"/);
    expect(svg).toMatch(/<title id="[^"]+">Checkout Saga<\/title>/);
    expect(svg).toContain(`viewBox="0 0 ${Math.ceil(saga.width)} ${Math.ceil(saga.height)}"`);
    expect(svg).toContain(`width="${Math.ceil(saga.width)}"`);
    expect(svg).toContain('data-node="service:checkout-orchestrator@1.0.0"');
    expect(svg).toContain('data-edge="command:authorize-payment@1.0.0->compensate_release"');
    expect(svg).toContain('<a href="/service/checkout-orchestrator/1.0.0"');
    expect(svg).toContain('class="sy-node sy-node--custom sy-node--tone-compensation"');
    expect(svg).toContain('class="sy-edge sy-edge--failure"');
    expect(svg).toContain('>SERVICE</text>');
    expect(svg).toContain('>Service · v1.0.0</text>');
    expect(svg).toContain('>Out of stock</tspan>');
    expect(svg).toContain('prefers-color-scheme:dark');
    const names = expectWellFormed(svg);
    expect(names.filter((n) => n === 'g').length).toBeGreaterThanOrEqual(
      saga.nodes.length + saga.edges.length,
    );
    expect(svg.match(/data-node="/g)).toHaveLength(saga.nodes.length);
    expect(svg.match(/data-edge="/g)).toHaveLength(saga.edges.length);
  });

  it('is a pure function of its input', () => {
    expect(renderDiagramSvg(saga, { title: 'Checkout Saga' })).toBe(svg);
    expect(renderDiagramSvg(saga, { title: 'Checkout Saga', style: false })).not.toContain('<style>');
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
    expect(out).toContain('data-node="a&quot;&lt;b&gt;"');
    expect(out).toContain('href="/a?x=1&amp;y=&lt;2&gt;"');
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
