import { describe, expect, it } from 'vitest';
import { containMermaidSvg, renderMermaid } from './render-mermaid.js';

describe('renderMermaid', () => {
  it('draws a sequence diagram with the theme colours as CSS variables and no web font', async () => {
    const svg = await renderMermaid(
      'sequenceDiagram\n  Cart->>Checkout: Checkout Cart\n  Checkout-->>Cart: 202',
    );
    expect(svg).toMatch(/^<svg class="sy-mermaid-svg sy-mermaid-[0-9a-f]{8}"/);
    expect(svg).toContain('--fg:var(--sy-fg)');
    expect(svg).toContain('>Checkout Cart<');
    expect(svg).not.toMatch(/@import|googleapis/);
  });

  it('escapes labels, so markup in a node name stays text', async () => {
    const svg = await renderMermaid('flowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B');
    expect(svg).toContain('&lt;img');
    expect(svg).not.toContain('<img');
  });

  it('rejects text that is not a diagram it can draw', async () => {
    await expect(renderMermaid('pie\n  "a": 1')).rejects.toThrow(/header/i);
  });
});

describe('containMermaidSvg', () => {
  const raw = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
<style>
  @import url('https://fonts.example/css');
  text { font-family: x; }
  svg {
    --_line: red;
  }
</style>
<defs><marker id="arrowhead"></marker></defs><path marker-end="url(#arrowhead)"/></svg>`;

  it('scopes styles and ids to the one diagram and drops imports', () => {
    const out = containMermaidSvg(raw, 'abc');
    expect(out).not.toContain('@import');
    expect(out).toContain('.sy-mermaid-abc text {');
    expect(out).toContain('.sy-mermaid-abc {');
    expect(out).toContain('id="arrowhead-abc"');
    expect(out).toContain('url(#arrowhead-abc)');
  });

  it('refuses scripts and event handlers', () => {
    expect(() => containMermaidSvg('<svg><script>alert(1)</script></svg>', 'a')).toThrow(/not allowed/);
    expect(() => containMermaidSvg('<svg><g onclick="x()"></g></svg>', 'a')).toThrow(/not allowed/);
  });

  it('refuses links and paint the URL policy refuses, however they are written', () => {
    for (const tag of [
      '<a href="java&#9;script:alert(1)">',
      "<a xlink:href='javascript&colon;alert(1)'>",
      '<rect fill="url(javascript:alert(1))">',
      '<rect style="stroke:url(\'//evil.example/x\')">',
    ]) {
      expect(() => containMermaidSvg(`<svg>${tag}</svg>`, 'a'), tag).toThrow(/not allowed/);
    }
    expect(() =>
      containMermaidSvg('<svg><style>.x{fill:url(javascript:alert(1))}</style></svg>', 'a'),
    ).toThrow(/not allowed/);
    expect(
      containMermaidSvg('<svg><rect fill="url(#g)"/><a href="https://example.com"></a></svg>', 'a'),
    ).toContain('url(#g)');
  });
});
