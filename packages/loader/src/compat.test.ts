import {
  countResources,
  domainsOf,
  flowsOf,
  getResource,
  ownedBy,
  producersOf,
  triggersOf,
} from '@switchyard/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { acmeFixture } from './_test-helpers.js';
import { type LoadedCatalog, loadCatalog } from './load-catalog.js';

/** EventCatalog's own Acme example (shared/fixtures), read unchanged. Counts are those its README lists. */
describe('compatibility: the EventCatalog Acme catalog', () => {
  let loaded: LoadedCatalog;
  beforeAll(async () => {
    loaded = await loadCatalog(acmeFixture);
  });

  it('loads every resource with the known counts', () => {
    expect(countResources(loaded.catalog)).toMatchObject({
      domain: 7,
      system: 15,
      service: 27,
      event: 39,
      command: 19,
      query: 6,
      channel: 5,
      container: 12,
      entity: 29,
      flow: 5,
      adr: 3,
      team: 8,
      user: 1,
      doc: 23,
      'ubiquitous-language': 6,
      versions: 2,
    });
    expect(loaded.catalog.versions.get('event:order-created')?.map((r) => r.version)).toEqual([
      '1.0.0',
      '0.6.0',
      '0.3.0',
    ]);
  });

  it('reports only the five unknown owners and the missing custom component, as warnings', () => {
    const summary = loaded.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`);
    expect(summary).toEqual([
      'warning unknown-owner docs/operations/03-governance-model.mdx:5:5',
      'warning unknown-owner docs/operations/04-contract-standards.mdx:5:5',
      'warning unknown-owner docs/operations/05-event-design-standards.mdx:5:5',
      'warning unknown-owner docs/operations/06-operational-readiness.mdx:5:5',
      'warning unknown-owner docs/operations/07-review-and-change-workflow.mdx:5:5',
      expect.stringMatching(/^warning missing-component domains\/.+\.mdx:\d+:\d+$/),
    ]);
    expect(
      loaded.diagnostics
        .filter((d) => d.code === 'unknown-owner')
        .every((d) => d.message.includes('platform-governance')),
    ).toBe(true);
    expect(loaded.diagnostics.find((d) => d.code === 'missing-component')?.message).toContain(
      'imported by 93 files',
    );
  });

  it('answers graph questions from the fixture', () => {
    const { catalog } = loaded;
    const succeeded = getResource(catalog, 'event', 'payment-succeeded');
    expect(
      succeeded && producersOf(catalog, succeeded).map((p) => [p.resource.id, p.channels.map((c) => c.id)]),
    ).toEqual([['stripe-webhook-endpoint', ['payments.outcomes']]]);
    const orderService = getResource(catalog, 'service', 'order-service');
    expect(
      orderService && triggersOf(catalog, orderService).map((t) => `${t.received.id} -> ${t.sent.id}`),
    ).toContain('create-order -> order-created');
    const reserve = getResource(catalog, 'command', 'reserve-inventory');
    expect(
      reserve &&
        flowsOf(catalog, reserve)
          .map((f) => f.flow.id)
          .sort(),
    ).toEqual(['checkout-saga', 'place-an-order']);
    const created = getResource(catalog, 'event', 'order-created');
    expect(created && domainsOf(catalog, created).map((d) => d.id)).toEqual(['ordering']);
    const team = getResource(catalog, 'team', 'ordering-platform');
    expect(team && ownedBy(catalog, team).length).toBeGreaterThan(20);
  });

  it('reads the config file', () => {
    expect(loaded.config).toMatchObject({
      title: 'Acme Inc',
      organizationName: 'Acme Inc',
      base: '/',
      trailingSlash: false,
    });
  });
});
