import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { getResource, type Resource } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { clusterLimit, clusterMap, neighbourLimit } from './clusters.js';
import { layoutDiagram } from './layout.js';
import {
  catalogGraph,
  domainIntegrations,
  domainMap,
  entityMap,
  neighbourhoodMap,
  resourceMap,
  systemContextMap,
} from './maps.js';
import { toMermaid } from './mermaid.js';
import { renderDiagramSvg } from './render-svg.js';
import type { Box, DiagramInput } from './types.js';

const fixtureDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);
const { catalog } = await loadCatalog(fixtureDir);
const href = (r: Resource) => `/docs/${r.kind}/${r.id}/${r.version}`;
const resource = (kind: Parameters<typeof getResource>[1], id: string) => {
  const r = getResource(catalog, kind, id);
  if (!r) throw new Error(`${kind}:${id} is not in the fixture`);
  return r;
};

const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('visualiser maps of the fixture', () => {
  it("draws the Ordering domain's services inside their system's box, inside the domain's, none overlapping", async () => {
    const input = resourceMap(catalog, resource('domain', 'ordering'), href);
    const orchestrator = input.nodes.find((n) => n.ref === 'service:checkout-orchestrator@1.0.0');
    expect(orchestrator?.group).toBe('system:checkout-system@1.0.0');
    expect(input.groups?.find((g) => g.id === 'system:checkout-system@1.0.0')?.parent).toBe(
      'domain:ordering@1.0.0',
    );
    const laid = await layoutDiagram(input);
    const boxes = new Map(laid.groups?.map((g) => [g.group.id, g]));
    for (const n of laid.nodes) {
      if (!n.node.group) continue;
      const box = boxes.get(n.node.group);
      expect(box, n.node.id).toBeDefined();
      expect(inside(n, box as Box), `${n.node.id} inside ${n.node.group}`).toBe(true);
    }
    for (const g of laid.groups ?? []) {
      if (g.group.parent) expect(inside(g, boxes.get(g.group.parent) as Box)).toBe(true);
    }
    for (let i = 0; i < laid.nodes.length; i++) {
      for (let j = i + 1; j < laid.nodes.length; j++) {
        expect(overlap(laid.nodes[i] as Box, laid.nodes[j] as Box)).toBe(false);
      }
    }
    const svg = renderDiagramSvg(laid);
    expect(svg).toContain('data-group="system:checkout-system@1.0.0"');
  });

  it('links domains through the messages that cross them, and systems with their actors', () => {
    const integrations = domainIntegrations(catalog, href);
    const kinds = new Map(integrations.nodes.map((n) => [n.id, n.kind]));
    expect(integrations.edges.length).toBeGreaterThan(0);
    for (const e of integrations.edges) {
      // domain → message → domain, never domain → domain
      expect([kinds.get(e.from), kinds.get(e.to)].filter((k) => k === 'domain')).toHaveLength(1);
    }
    const context = systemContextMap(catalog, href);
    expect(context.nodes.some((n) => n.kind === 'system')).toBe(true);
    expect(context.groups?.some((g) => g.kind === 'domain')).toBe(true);
  });

  it('scopes a domain to its own messages and a service to its neighbourhood at a depth', () => {
    const ordering = resource('domain', 'ordering');
    const full = resourceMap(catalog, ordering, href);
    const own = domainMap(catalog, ordering, href, { own: true });
    expect(own.nodes.length).toBeLessThan(full.nodes.length);
    expect(
      own.nodes.every((n) => n.kind === 'service' || ['event', 'command', 'query'].includes(n.kind)),
    ).toBe(true);
    const orchestrator = resource('service', 'checkout-orchestrator');
    const one = neighbourhoodMap(catalog, orchestrator, 1, href);
    const two = neighbourhoodMap(catalog, orchestrator, 2, href);
    expect(one.nodes.find((n) => n.current)?.ref).toBe(orchestrator.key);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    const ids = new Set(two.nodes.map((n) => n.id));
    for (const e of two.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
  });

  it('maps entities by their references, and the whole catalog grouped', () => {
    const entities = entityMap(catalog, resource('domain', 'ordering'), href);
    expect(entities.nodes.every((n) => n.kind === 'entity')).toBe(true);
    const graph = catalogGraph(catalog, href);
    expect(graph.nodes.length).toBeGreaterThan(50);
    expect(graph.nodes.filter((n) => n.kind === 'service').every((n) => n.group)).toBe(true);
  });

  it('gives a map as Mermaid flowchart text, groups as subgraphs, quotes escaped', () => {
    const input: DiagramInput = {
      nodes: [
        { id: 'a', kind: 'service', label: 'Say "hi"', group: 'g' },
        { id: 'b', kind: 'event', label: 'Said <hi>' },
      ],
      edges: [{ from: 'a', to: 'b', label: 'emits', tone: 'failure' }],
      groups: [{ id: 'g', kind: 'system', label: 'Greeting' }],
      direction: 'DOWN',
    };
    expect(toMermaid(input)).toBe(
      [
        'flowchart TB',
        '  subgraph g0["Greeting"]',
        '    n0[["Say #quot;hi#quot;"]]:::service',
        '  end',
        '  n1(["Said #lt;hi#gt;"]):::event',
        '  n0 -.->|"emits"| n1',
        '',
      ].join('\n'),
    );
  });

  it('writes click lines only for links the URL policy allows, and none that Mermaid could decode', () => {
    const node = (id: string, href: string) => ({ id, kind: 'external', label: id, href });
    const text = toMermaid({
      nodes: [
        node('ok', 'https://example.com/a'),
        node('tab', 'java\tscript:alert(1)'),
        node('far', '//evil.example'),
        node('code', 'javascript#58;alert(1)'),
      ],
      edges: [],
    });
    expect(text.split('\n').filter((l) => l.includes('click'))).toEqual([
      '  click n0 href "https://example.com/a"',
    ]);
  });
});

describe('clusters of a big map', () => {
  const big: DiagramInput = { nodes: [], edges: [], groups: [] };
  for (let d = 0; d < 3; d++) big.groups?.push({ id: `d${d}`, kind: 'domain', label: `Domain ${d}` });
  for (let i = 0; i < 900; i++) {
    big.nodes.push({
      id: `n${i}`,
      kind: i % 3 ? 'event' : 'service',
      label: `Node ${i}`,
      group: `d${i % 3}`,
    });
    if (i > 0) big.edges.push({ from: `n${i - 1}`, to: `n${i}` });
  }

  it('puts every node in exactly one cluster of at most the limit, and counts the edges between them', () => {
    const { overview, clusters } = clusterMap(big);
    const seen = clusters.flatMap((c) => c.input.nodes.filter((n) => n.kind !== 'more').map((n) => n.id));
    expect(seen.sort()).toEqual(big.nodes.map((n) => n.id).sort());
    expect(Math.max(...clusters.map((c) => c.size))).toBeLessThanOrEqual(clusterLimit);
    const inside = clusters.reduce(
      (sum, c) =>
        sum +
        c.input.edges.filter((e) => !e.from.startsWith('cluster:') && !e.to.startsWith('cluster:')).length,
      0,
    );
    const between = overview.edges.reduce((sum, e) => sum + Number.parseInt(e.label ?? '0', 10), 0);
    expect(inside + between).toBe(big.edges.length);
    expect(overview.edges.length).toBeLessThanOrEqual(Math.max(40, clusters.length * 2));
    // A cluster shows the clusters it links to, as nodes that open them.
    expect(clusters[0]?.input.nodes.some((n) => n.ref?.startsWith('cluster:'))).toBe(true);
  });

  it('draws in a cluster its strongest neighbours, and the rest as one node that counts their links', () => {
    // 60 domains of 40 nodes, each node linked to a node of another domain: every cluster touches many.
    const wide: DiagramInput = { nodes: [], edges: [], groups: [] };
    for (let d = 0; d < 60; d++) wide.groups?.push({ id: `d${d}`, kind: 'domain', label: `Domain ${d}` });
    for (let i = 0; i < 2400; i++) {
      wide.nodes.push({ id: `n${i}`, kind: 'event', label: `Node ${i}`, group: `d${i % 60}` });
      wide.edges.push({ from: `n${i}`, to: `n${(i * 13 + Math.floor(i / 60) * 7) % 2400}` });
    }
    const { overview, clusters } = clusterMap(wide);
    expect(clusters).toHaveLength(60);
    let counted = 0;
    for (const c of clusters) {
      const more = c.input.nodes.filter((n) => n.kind === 'more');
      expect(more.length).toBeLessThanOrEqual(neighbourLimit + 1);
      expect(c.input.nodes.length).toBeLessThanOrEqual(c.size + neighbourLimit + 1);
      for (const n of more) counted += Number.parseInt(n.sublabel ?? '0', 10);
      // Every edge of the cluster's map ends at a node of that map.
      const ids = new Set(c.input.nodes.map((n) => n.id));
      expect(c.input.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    }
    const others = clusters.flatMap((c) => c.input.nodes.filter((n) => n.id.startsWith('cluster-others:')));
    expect(others.length).toBeGreaterThan(0);
    expect(others[0]?.label).toMatch(/^\d+ other clusters$/);
    // Each link between two clusters is counted once on each side.
    const between = wide.edges.filter((e) => {
      const a = Number(e.from.slice(1)) % 60;
      const b = Number(e.to.slice(1)) % 60;
      return a !== b;
    }).length;
    expect(counted).toBe(2 * between);
    expect(overview.nodes).toHaveLength(60);
  });
});
