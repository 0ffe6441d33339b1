import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { getResource, type ImpactReport, impactOf } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from './_test-cli.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const acme = join(repo, 'examples/acme');
const cli = (...args: string[]) => runCli(repo, ...args);

describe('switchyard impact on the bundled example', () => {
  it('lists the sender, receiver, flows with their failure paths, and the teams of reserve-inventory', async () => {
    const { code, out } = await cli('impact', 'command:reserve-inventory', acme, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as ImpactReport;
    expect(report.format).toBe('switchyard-impact/1');
    const direct = (peers: ImpactReport['producers']) =>
      peers.filter((p) => p.distance === 1).map((p) => p.resource.name);
    expect(direct(report.producers)).toEqual(['Checkout Orchestrator']);
    expect(direct(report.consumers)).toEqual(['Inventory Service']);
    expect(report.channels.map((c) => c.id)).toEqual(['inventory.commands']);

    const saga = report.flows.find((f) => f.name === 'Checkout Saga');
    const order = report.flows.find((f) => f.name === 'Place an Order');
    expect(saga?.steps).toEqual([
      { id: 'reserve_inventory', title: 'Reserve Inventory', onFailurePath: false },
    ]);
    expect(saga?.failureBranches).toContainEqual({
      from: 'inventory_service',
      to: 'inventory_failed',
      label: 'Inventory unavailable',
    });
    expect(order?.through).toBe('flow:checkout-saga@1.0.0');
    expect(order?.failureBranches.map((b) => b.to)).toEqual(['checkout_rejected', 'order_cancelled']);

    const teams = report.owners.filter((o) => o.kind === 'team').map((o) => o.id);
    expect(teams).toEqual(['ordering-platform', 'fulfilment-platform']);
    expect(report.owners.find((o) => o.id === 'fulfilment-platform')?.email).toMatch(/@acme\.example\.com$/);
    expect(report.domains.map((d) => d.id)).toEqual(expect.arrayContaining(['ordering', 'fulfilment']));
  });

  it('marks a compensation step as on the failure path', async () => {
    const { catalog } = await loadCatalog(acme);
    const release = getResource(catalog, 'command', 'release-inventory');
    if (!release) throw new Error('example lacks release-inventory');
    const saga = impactOf(catalog, release).flows.find((f) => f.id === 'checkout-saga');
    expect(saga?.steps.map((s) => [s.id, s.onFailurePath])).toEqual([
      ['release_after_decline', true],
      ['release_after_timeout', true],
    ]);
  });

  it('follows triggers only as deep as --depth', async () => {
    const { catalog } = await loadCatalog(acme);
    const subject = getResource(catalog, 'command', 'reserve-inventory');
    if (!subject) throw new Error('missing');
    const shallow = impactOf(catalog, subject, { depth: 1 });
    const deep = impactOf(catalog, subject, { depth: 3 });
    expect(shallow.consumers.every((p) => p.distance === 1)).toBe(true);
    expect(deep.consumers.some((p) => p.through === 'event:inventory-reserved@1.0.0')).toBe(true);
    expect(shallow.flows.map((f) => f.id)).toEqual(['checkout-saga']);
  });

  it('reports a service: what it sends and receives, who is on the other side, and its data stores', async () => {
    const { out } = await cli('impact', 'service:inventory-service', acme, '--format', 'json');
    const report = JSON.parse(out) as ImpactReport;
    const reserve = report.receives.find((x) => x.message.id === 'reserve-inventory');
    expect(reserve?.counterparts.map((c) => c.id)).toEqual(['checkout-orchestrator']);
    expect(report.sends.map((x) => x.message.id)).toEqual([
      'inventory-reserved',
      'inventory-reservation-failed',
      'inventory-released',
    ]);
    expect(report.dataStores).toContainEqual(
      expect.objectContaining({
        access: 'writes',
        container: expect.objectContaining({ id: 'inventory-database' }),
      }),
    );
    expect(report.flows.map((f) => f.id)).toContain('checkout-saga');
  });

  it('prints a Markdown checklist, and a usage error for an unknown resource', async () => {
    const md = await cli('impact', 'command:reserve-inventory', acme, '--format', 'markdown');
    expect(md.out).toContain('## Impact of Reserve Inventory (`command:reserve-inventory@1.0.0`)');
    expect(md.out).toContain(
      '- [ ] Checkout Orchestrator (service:checkout-orchestrator@1.0.0), via inventory.commands',
    );
    const missing = await cli('impact', 'command:reserve-inventroy', acme);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('did you mean "reserve-inventory"');
  });
});

describe('switchyard impact: reactions (what a message causes)', () => {
  const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');

  it('names the events Inventory Service sends in reaction to reserve-inventory, though nobody consumes them', async () => {
    const { code, out } = await cli('impact', 'command:reserve-inventory', fixture, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as ImpactReport;
    const reactions = report.reactions.map((r) => [r.service.id, r.sent.id, r.condition, r.depth, r.peers]);
    expect(reactions).toEqual([
      ['inventory-service', 'inventory-reserved', 'When sufficient stock is available', 1, []],
      [
        'inventory-service',
        'inventory-unavailable',
        'When there is not enough stock to fulfil the reservation',
        1,
        [],
      ],
    ]);
    for (const format of ['text', 'markdown']) {
      const printed = (await cli('impact', 'command:reserve-inventory', fixture, '--format', format)).out;
      expect(printed).toMatch(/Reactions/);
      expect(printed).toMatch(
        /Inventory Service receives Reserve Inventory .*→ sends Inventory Reserved .*when sufficient stock is available; no known receiver/,
      );
      expect(printed).toMatch(/sends Inventory Unavailable .*when there is not enough stock/);
    }
  });

  it('follows reactions to reactions, each at its depth, and stops at --depth', async () => {
    const json = async (depth: string) =>
      JSON.parse(
        (await cli('impact', 'command:submit-review', fixture, '--format', 'json', '--depth', depth)).out,
      ) as ImpactReport;
    const deep = await json('3');
    const byDepth = (r: ImpactReport, d: number) => [
      ...new Set(r.reactions.filter((x) => x.depth === d).map((x) => x.sent.id)),
    ];
    expect(byDepth(deep, 1)).toEqual(['review-submitted']);
    // The moderation worker reacts to review-submitted.
    expect(byDepth(deep, 2)).toContain('review-published');
    expect((await json('1')).reactions.every((r) => r.depth === 1)).toBe(true);
  });

  it('lists what causes an event: the trigger that sends it and who sends what sets it off', async () => {
    const { out } = await cli('impact', 'event:inventory-reserved', fixture, '--format', 'json');
    const report = JSON.parse(out) as ImpactReport;
    expect(report.causes.map((c) => [c.received.id, c.service.id, c.peers.map((p) => p.id)])).toEqual([
      ['reserve-inventory', 'inventory-service', ['checkout-orchestrator']],
    ]);
  });
});
