import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import {
  buildCatalog,
  getResource,
  type Resource,
  receivesOf,
  resourceFromFrontmatter,
  sendsOf,
} from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { customStepTone, edgeTone, flowDiagram, maxGraphNodes, resourceGraph } from './from-catalog.js';
import type { DiagramInput } from './types.js';

const fixtureDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);
const exampleDir = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const [fixture, example] = await Promise.all([loadCatalog(fixtureDir), loadCatalog(exampleDir)]);
const href = (r: Resource) => `/${r.kind}/${r.id}/${r.version}`;

/** Every edge joins two nodes of the diagram, and node ids are unique. */
function expectConsistent(input: DiagramInput) {
  const ids = input.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const e of input.edges) {
    expect(ids).toContain(e.from);
    expect(ids).toContain(e.to);
  }
}

describe('flowDiagram', () => {
  const flow = getResource(fixture.catalog, 'flow', 'checkout-saga') as Resource<'flow'>;
  const diagram = flowDiagram(fixture.catalog, flow, href);
  const node = (id: string) => diagram.nodes.find((n) => n.id === id);

  it('has one node per step, each step a resource of its kind where it names one', () => {
    expect(diagram.nodes.map((n) => n.id)).toEqual((flow.data.steps ?? []).map((s) => String(s.id)));
    expect(node('orchestrator')).toMatchObject({
      kind: 'service',
      label: 'Checkout Orchestrator',
      ref: 'service:checkout-orchestrator@1.0.0',
      sublabel: 'Service · v1.0.0',
      href: '/service/checkout-orchestrator/1.0.0',
    });
    expect(node('reserve_inventory')).toMatchObject({
      kind: 'command',
      ref: 'command:reserve-inventory@1.0.0',
    });
    expect(node('saga_complete')).toMatchObject({ kind: 'custom', kindLabel: 'Outcome', tone: 'success' });
    expect(node('compensate_release')).toMatchObject({ kind: 'custom', label: 'Compensate and abort' });
    expectConsistent(diagram);
  });

  it('leads the failure branches to the compensation step, with their labels and a non-default tone', () => {
    expect(node('compensate_release')?.tone).toBe('compensation');
    for (const label of ['Out of stock', 'Declined']) {
      const edge = diagram.edges.find((e) => e.label === label);
      expect(edge?.to).toBe('compensate_release');
      expect(edge?.tone).toBeDefined();
      expect(edge?.tone).not.toBe('default');
    }
    expect(diagram.edges.find((e) => e.label === 'Declined')?.tone).toBe('failure');
    expect(diagram.edges.find((e) => e.label === 'Reserved')?.tone).toBeUndefined();
    const written = (flow.data.steps ?? []).flatMap((s) => [s.next_step, ...(s.next_steps ?? [])]);
    const labels = written.flatMap((n) => (typeof n === 'object' && n.label ? [n.label] : []));
    expect(diagram.edges.map((e) => e.label).sort()).toEqual(labels.sort());
  });

  it('shows actors, external systems, unresolved pointers and plain steps', () => {
    const flowRes = resourceFromFrontmatter('flow', {
      id: 'f',
      name: 'F',
      version: '1.0.0',
      steps: [
        { id: 1, title: 'Shopper', actor: { name: 'Shopper' }, next_step: 2 },
        {
          id: 2,
          title: 'Missing thing',
          message: { id: 'nowhere' },
          next_step: { id: 3, label: 'Timed out' },
        },
        {
          id: 3,
          title: 'Stripe',
          externalSystem: { name: 'Stripe', url: 'javascript:alert(1)' },
          next_step: 4,
        },
        { id: 4, title: 'Think' },
      ],
    }) as Resource<'flow'>;
    const { catalog } = buildCatalog([flowRes]);
    const d = flowDiagram(catalog, flowRes, href);
    expect(d.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['1', 'actor', 'Shopper'],
      ['2', 'message', 'Missing thing'],
      ['3', 'external', 'Stripe'],
      ['4', 'step', 'Think'],
    ]);
    expect(d.nodes[1]?.sublabel).toBe('not in catalog');
    expect(d.nodes[2]?.href).toBeUndefined();
    expect(d.edges.find((e) => e.from === '2')?.tone).toBe('failure');
  });

  it('draws every flow of both catalogs consistently', () => {
    for (const { catalog } of [fixture, example]) {
      for (const f of catalog.latestByKind.get('flow') ?? []) {
        const d = flowDiagram(catalog, f as Resource<'flow'>, href);
        expect(d.nodes).toHaveLength((f as Resource<'flow'>).data.steps?.length ?? 0);
        expectConsistent(d);
      }
    }
  });
});

describe('tones', () => {
  it('reads custom steps by type, title and colour, compensation first', () => {
    expect(customStepTone({ title: 'Compensate', color: 'red', type: 'Compensation' })).toBe('compensation');
    expect(customStepTone({ title: 'Roll back order' })).toBe('compensation');
    expect(customStepTone({ title: 'Payment declined' })).toBe('failure');
    expect(customStepTone({ title: 'Stop', color: '#dc2626' })).toBe('failure');
    expect(customStepTone({ title: 'CheckoutFailed' })).toBe('failure');
    expect(customStepTone({ title: 'Done', color: 'green' })).toBe('success');
    expect(customStepTone({ title: 'Order completed' })).toBe('success');
    expect(customStepTone({ title: 'Avoid duplicates' })).toBe('default');
  });

  it('reads edges by label, then by target', () => {
    expect(edgeTone('Request timed out', undefined)).toBe('failure');
    expect(edgeTone('Release hold', undefined)).toBe('compensation');
    expect(edgeTone('Out of stock', { id: 'x', kind: 'custom', label: 'x', tone: 'compensation' })).toBe(
      'compensation',
    );
    expect(edgeTone('Next', { id: 'x', kind: 'custom', label: 'x', tone: 'success' })).toBe('default');
  });
});

describe('resourceGraph', () => {
  it("shows a service's received commands on its left and sent events on its right, and its data store", () => {
    const service = getResource(fixture.catalog, 'service', 'order-service') as Resource;
    const g = resourceGraph(fixture.catalog, service, href);
    expect(g.direction).toBe('RIGHT');
    const ids = g.nodes.map((n) => n.id);
    const self = service.key;
    expect(g.nodes.find((n) => n.id === self)?.current).toBe(true);
    const sent = sendsOf(fixture.catalog, service).map((p) => p.resource.key);
    const received = receivesOf(fixture.catalog, service).map((p) => p.resource.key);
    expect(sent).toContain('event:order-created@1.0.0');
    expect(received).toContain('command:create-order@1.0.0');
    for (const key of sent) {
      expect(ids).toContain(key);
      expect(g.edges).toContainEqual({ from: self, to: key });
    }
    for (const key of received) {
      expect(ids).toContain(key);
      expect(g.edges).toContainEqual({ from: key, to: self });
    }
    expect(g.edges).toContainEqual({
      from: self,
      to: 'container:order-database@1.0.0',
      label: 'reads & writes',
    });
    expectConsistent(g);
  });

  it('shows producers → message → consumers for a message', () => {
    const message = getResource(fixture.catalog, 'command', 'create-order') as Resource;
    const g = resourceGraph(fixture.catalog, message, href);
    expect(g.edges).toContainEqual({ from: message.key, to: 'service:order-service@1.0.0' });
    expect(g.edges.some((e) => e.to === message.key)).toBe(true);
  });

  it('stays consistent and bounded for every resource of both catalogs', () => {
    for (const { catalog } of [fixture, example]) {
      for (const r of catalog.resources) {
        const g = resourceGraph(catalog, r, href);
        expectConsistent(g);
        expect(g.nodes.length).toBeLessThanOrEqual(maxGraphNodes + 1);
      }
    }
  });

  it('keeps the nearest nodes and counts the rest in one "more" node', () => {
    const events = Array.from({ length: 80 }, (_, i) =>
      resourceFromFrontmatter('event', { id: `e${i}`, name: `E${i}`, version: '1.0.0' }),
    );
    const service = resourceFromFrontmatter('service', {
      id: 'big',
      name: 'Big',
      version: '1.0.0',
      sends: events.map((e) => ({ id: e.id })),
    });
    const { catalog } = buildCatalog([service, ...events]);
    const g = resourceGraph(catalog, service, href);
    expect(g.nodes).toHaveLength(maxGraphNodes + 1);
    expect(g.nodes[0]?.id).toBe(service.key);
    expect(g.nodes.at(-1)).toMatchObject({ kind: 'more', label: '21 more not shown' });
    expectConsistent(g);
  });
});
