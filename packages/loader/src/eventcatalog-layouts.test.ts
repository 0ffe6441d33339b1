import { consumersOf, getResource, ownersOf, producersOf, versionsOf } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { lines, scenario } from './_test-helpers.js';
import { loadCatalog } from './load-catalog.js';

/** One small catalog per layout rule of an EventCatalog major version (docs/catalog-format.md). */
describe('EventCatalog layouts', () => {
  it('1.x: resources known by name, services without versions, users in the config', async () => {
    const { catalog, diagnostics, config } = await loadCatalog(scenario('v1-named-resources'));
    const stock = getResource(catalog, 'service', 'Stock Service');
    const event = getResource(catalog, 'event', 'StockLow');
    if (!stock || !event) throw new Error('the service and the event are known by their names');
    expect(stock.version).toBe('0.0.0');
    expect(event.version).toBe('0.0.2');
    expect(versionsOf(catalog, 'event', 'StockLow').map((r) => r.version)).toEqual(['0.0.2', '0.0.1']);
    expect(getResource(catalog, 'domain', 'Warehouse')).toBeDefined();
    // producers/consumers name services: the same edges as the services' own sends/receives.
    expect(producersOf(catalog, event).map((p) => p.resource.id)).toEqual(['Stock Service']);
    expect(consumersOf(catalog, event).map((p) => p.resource.id)).toEqual(['Picking Service']);
    // Owners resolve against the config's users.
    expect(ownersOf(catalog, stock).users.map((u) => u.id)).toEqual(['ana']);
    expect(config.base).toBe('/catalog/');
    // No word about missing ids or versions in a 1.x catalog; the one real mistake is reported.
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "domains/Warehouse/events/StockLow/index.md:9:5 error unknown-reference: No service has the id or name "Replenishment Service".",
      ]
    `);
  });

  it('2.x and later: grouping folders below a kind folder, at any depth', async () => {
    const { catalog, diagnostics } = await loadCatalog(scenario('grouping-folders'));
    expect(lines(diagnostics)).toEqual([]);
    for (const [kind, id] of [
      ['event', 'invoice-paid'],
      ['event', 'refund-issued'],
      ['service', 'ledger-service'],
      ['service', 'invoice-service'],
      ['command', 'settle-invoice'],
    ] as const) {
      expect(getResource(catalog, kind, id), `${kind} ${id}`).toBeDefined();
    }
    const changelog = catalog.resources.find((r) => r.kind === 'changelog');
    expect(changelog?.attachedTo).toEqual({ kind: 'service', id: 'invoice-service', version: '1.0.0' });
  });

  it('a catalog mixing 1.x message-side and 2.x service-side edges gets their union, once each', async () => {
    const { catalog, diagnostics } = await loadCatalog(scenario('mixed-edges'));
    expect(lines(diagnostics)).toEqual([]);
    const event = getResource(catalog, 'event', 'order-placed');
    if (!event) throw new Error('order-placed loads');
    expect(producersOf(catalog, event).map((p) => p.resource.id)).toEqual(['orders']);
    expect(consumersOf(catalog, event).map((p) => p.resource.id)).toEqual(['shipping']);
    const sends = catalog.edges.filter((e) => e.relation === 'sends');
    expect(sends.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'service:orders@2.0.0 -> event:order-placed@1.0.0',
    ]);
    expect(sends[0]?.declaredIn).toBeUndefined();
    const receives = catalog.edges.filter((e) => e.relation === 'receives');
    expect(receives[0]?.declaredIn).toBe('event:order-placed@1.0.0');
  });

  it('versions that are not semver are ordered as the semver they stand for, with a warning', async () => {
    const { catalog, diagnostics } = await loadCatalog(scenario('loose-versions'));
    expect(versionsOf(catalog, 'event', 'tick').map((r) => r.version)).toEqual(['10', '2', '1.0', 'beta']);
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "events/Tick/index.md:4:10 warning invalid-version: Version 2 is read as a number by YAML; it is ordered as 2.0.0.",
        "events/Tick/versioned/1.0/index.md:4:10 warning invalid-version: Version "1.0" is not a semantic version; it is ordered as 1.0.0.",
        "events/Tick/versioned/10/index.md:4:10 warning invalid-version: Version "10" is not a semantic version; it is ordered as 10.0.0.",
        "events/Tick/versioned/beta/index.md:4:10 warning invalid-version: Version "beta" is not a semantic version, so it is ordered before every version that is, by its text.",
      ]
    `);
  });
});

describe('EventCatalog 3.x and 4.x fields', () => {
  it('reads every kind and field of 4.7.5 and 3.48 without a word, and makes their edges', async () => {
    const { catalog, diagnostics } = await loadCatalog(scenario('eventcatalog-4-fields'));
    expect(lines(diagnostics.filter((d) => d.severity !== 'info'))).toEqual([]);
    const is = (key: string, ref: string) => key === ref || key.startsWith(`${ref}@`);
    const edge = (from: string, relation: string, to: string) =>
      catalog.edges.some((e) => is(e.from, from) && e.relation === relation && is(e.to, to));
    // Agents read and write data stores and take part in flows.
    expect(edge('agent:support-agent', 'readsFrom', 'container:orders-db')).toBe(true);
    expect(edge('agent:support-agent', 'writesTo', 'container:tickets-db')).toBe(true);
    expect(edge('agent:support-agent', 'contains', 'flow:refund-flow')).toBe(true);
    // Written on the other end: a data store's writers, an entity's services, a channel's messages.
    expect(edge('service:refunds', 'writesTo', 'container:orders-db')).toBe(true);
    expect(edge('service:refunds', 'uses', 'entity:refund')).toBe(true);
    expect(edge('domain:payments', 'contains', 'entity:refund')).toBe(true);
    expect(edge('event:refund-requested', 'travelsOn', 'channel:refunds.events')).toBe(true);
    expect(catalog.edges.filter((e) => e.relation === 'travelsOn')).toHaveLength(1);
    expect(edge('adr:adr-0002', 'amends', 'adr:adr-0001')).toBe(true);
    expect(edge('adr:adr-0001', 'decidedBy', 'team:payments-team')).toBe(true);
    expect(edge('system:refund-system', 'relatesTo', 'system:payments-system')).toBe(true);
    expect(edge('team:payments-team', 'hasMember', 'user:kim')).toBe(true);
    const agent = getResource(catalog, 'agent', 'support-agent');
    expect(agent?.custom).toEqual({ 'x-cost-centre': 'CC-12' });
  });
});
