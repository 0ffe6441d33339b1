import { describe, expect, it } from 'vitest';
import { resourceFromFrontmatter } from '../build-resource.js';
import { buildCatalog } from '../catalog.js';
import type { Kind } from '../kinds/kind.js';
import type { Resource } from '../resource.js';
import { flowsOf, stepsOf } from './flows.js';
import { countResources, getResource, isLatest, versionsOf } from './lookup.js';
import { domainsOf, parentDomainOf, servicesOfDomain, subdomainsOf, systemsOf } from './membership.js';
import {
  causesOf,
  consumersOf,
  messagesOnChannel,
  producersOf,
  reactionsTo,
  receivesOf,
  sendsOf,
  triggersOf,
} from './messages.js';
import { neighbours } from './neighbours.js';
import { membersOf, ownedBy, ownersOf, teamsOf } from './ownership.js';

const v1 = { version: '1.0.0' };
const { catalog, diagnostics } = buildCatalog([
  resourceFromFrontmatter('domain', {
    id: 'ordering',
    name: 'Ordering',
    ...v1,
    systems: [{ id: 'checkout' }],
    domains: [{ id: 'returns' }],
    owners: ['ordering-team'],
  }),
  resourceFromFrontmatter('domain', { id: 'returns', name: 'Returns', ...v1, services: [{ id: 'refunds' }] }),
  resourceFromFrontmatter('system', {
    id: 'checkout',
    name: 'Checkout',
    ...v1,
    services: [{ id: 'orders' }],
  }),
  resourceFromFrontmatter('service', {
    id: 'orders',
    name: 'Orders',
    ...v1,
    owners: ['ordering-team', 'ann'],
    sends: [{ id: 'order-created', to: [{ id: 'orders.events' }] }],
    receives: [{ id: 'create-order', triggers: [{ id: 'order-created', condition: 'when valid' }] }],
    writesTo: [{ id: 'orders-db' }],
  }),
  resourceFromFrontmatter('service', {
    id: 'orders',
    name: 'Orders',
    version: '0.9.0',
    sends: [{ id: 'order-created' }],
  }),
  resourceFromFrontmatter('service', {
    id: 'refunds',
    name: 'Refunds',
    ...v1,
    owners: ['bob'],
    receives: [{ id: 'order-created', version: '^1.0.0', from: [{ id: 'orders.events' }] }],
  }),
  resourceFromFrontmatter('service', {
    id: 'legacy',
    name: 'Legacy',
    ...v1,
    receives: [{ id: 'order-created', version: '0.5.0' }],
  }),
  resourceFromFrontmatter('event', { id: 'order-created', name: 'Order Created', ...v1 }),
  resourceFromFrontmatter('event', { id: 'order-created', name: 'Order Created', version: '0.5.0' }),
  resourceFromFrontmatter('command', { id: 'create-order', name: 'Create Order', ...v1 }),
  resourceFromFrontmatter('channel', { id: 'orders.events', name: 'Order events', ...v1 }),
  resourceFromFrontmatter('container', { id: 'orders-db', name: 'Orders DB', ...v1 }),
  resourceFromFrontmatter('flow', {
    id: 'place',
    name: 'Place',
    ...v1,
    steps: [
      { id: 'create', title: 'Create', message: { id: 'create-order' }, next_step: 'svc' },
      { id: 'svc', title: 'Orders', service: { id: 'orders' }, next_steps: [{ id: 'done', label: 'ok' }] },
      { id: 'done', title: 'Done', custom: { title: 'Done' } },
    ],
  }),
  resourceFromFrontmatter('team', { id: 'ordering-team', name: 'Ordering', members: ['ann'] }),
  resourceFromFrontmatter('user', { id: 'ann', name: 'Ann' }),
  resourceFromFrontmatter('user', { id: 'bob', name: 'Bob', associatedTeams: ['ordering-team'] }),
]);

const get = (kind: Kind, id: string, version?: string) => {
  const r = getResource(catalog, kind, id, version);
  if (!r) throw new Error(`${kind}:${id} missing`);
  return r;
};
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('queries', () => {
  it('builds without diagnostics and counts current versions apart from older ones', () => {
    expect(diagnostics).toEqual([]);
    expect(countResources(catalog)).toMatchObject({ service: 3, event: 1, domain: 2, user: 2, versions: 2 });
  });

  it('looks up by id and version, newest first', () => {
    expect(versionsOf(catalog, 'service', 'orders').map((r) => r.version)).toEqual(['1.0.0', '0.9.0']);
    expect(isLatest(catalog, get('service', 'orders', '0.9.0'))).toBe(false);
    expect(get('event', 'order-created', '0.x').version).toBe('0.5.0');
  });

  it('finds producers and consumers with their channels and the version they asked for', () => {
    const event = get('event', 'order-created');
    expect(producersOf(catalog, event).map((p) => [p.resource.key, ids(p.channels)])).toEqual([
      ['service:orders@1.0.0', ['orders.events']],
    ]);
    expect(consumersOf(catalog, event).map((p) => [p.resource.id, ids(p.channels), p.requested])).toEqual([
      ['refunds', ['orders.events'], '^1.0.0'],
    ]);
    expect(ids(consumersOf(catalog, event, { anyVersion: true }).map((p) => p.resource))).toEqual([
      'refunds',
      'legacy',
    ]);
  });

  it('lists what a service sends and receives, and its triggers both ways', () => {
    const orders = get('service', 'orders');
    expect(sendsOf(catalog, orders).map((p) => p.resource.id)).toEqual(['order-created']);
    expect(receivesOf(catalog, orders).map((p) => p.resource.id)).toEqual(['create-order']);
    const [trigger] = triggersOf(catalog, orders);
    expect([trigger?.received.id, trigger?.sent.id, trigger?.condition]).toEqual([
      'create-order',
      'order-created',
      'when valid',
    ]);
    expect(reactionsTo(catalog, get('command', 'create-order')).map((t) => t.sent.id)).toEqual([
      'order-created',
    ]);
    expect(causesOf(catalog, get('event', 'order-created')).map((t) => t.received.id)).toEqual([
      'create-order',
    ]);
  });

  it('shows what travels on a channel, from whom to whom', () => {
    expect(
      messagesOnChannel(catalog, get('channel', 'orders.events')).map((m) => [
        m.message.id,
        ids(m.producers),
        ids(m.consumers),
      ]),
    ).toEqual([['order-created', ['orders'], ['refunds']]]);
  });

  it('resolves owners and what each team or user owns', () => {
    const orders = get('service', 'orders');
    const owners = ownersOf(catalog, orders);
    expect([ids(owners.teams), ids(owners.users)]).toEqual([['ordering-team'], ['ann']]);
    expect(ids(ownedBy(catalog, get('team', 'ordering-team')))).toEqual(['ordering', 'orders']);
    expect(ids(ownedBy(catalog, get('user', 'bob')))).toEqual(['refunds']);
    expect(ids(ownedBy(catalog, get('user', 'bob'), { viaTeams: true }))).toEqual([
      'refunds',
      'ordering',
      'orders',
    ]);
    expect(ids(membersOf(catalog, get('team', 'ordering-team')))).toEqual(['ann', 'bob']);
    expect(ids(teamsOf(catalog, get('user', 'bob')))).toEqual(['ordering-team']);
  });

  it('knows domain, subdomain and system membership, also for messages through their producers', () => {
    expect(ids(domainsOf(catalog, get('service', 'orders')))).toEqual(['ordering']);
    expect(ids(systemsOf(catalog, get('service', 'orders')))).toEqual(['checkout']);
    expect(ids(domainsOf(catalog, get('service', 'refunds')))).toEqual(['returns', 'ordering']);
    expect(ids(domainsOf(catalog, get('event', 'order-created')))).toEqual(['ordering']);
    expect(parentDomainOf(catalog, get('domain', 'returns'))?.id).toBe('ordering');
    expect(ids(subdomainsOf(catalog, get('domain', 'ordering')))).toEqual(['returns']);
    expect(ids(servicesOfDomain(catalog, get('domain', 'ordering')))).toEqual(['orders']);
  });

  it('finds the flows a resource appears in and walks a flow step by step', () => {
    expect(flowsOf(catalog, get('service', 'orders', '0.9.0')).map((f) => [f.flow.id, f.steps])).toEqual([
      ['place', ['svc']],
    ]);
    const steps = stepsOf(catalog, get('flow', 'place') as Resource<'flow'>);
    expect(steps.map((s) => [s.id, s.resource?.key, s.next.map((n) => n.id)])).toEqual([
      ['create', 'command:create-order@1.0.0', ['svc']],
      ['svc', 'service:orders@1.0.0', ['done']],
      ['done', undefined, []],
    ]);
  });

  it('gives the neighbours of a node to a depth, without wandering through owners', () => {
    const near = neighbours(catalog, 'service:orders@1.0.0', 1);
    expect([...near.nodes.keys()].sort()).toEqual([
      'channel:orders.events@1.0.0',
      'command:create-order@1.0.0',
      'container:orders-db@1.0.0',
      'event:order-created@1.0.0',
      'flow:place@1.0.0',
      'service:orders@1.0.0',
      'system:checkout@1.0.0',
    ]);
    const far = neighbours(catalog, 'service:orders@1.0.0', 2);
    expect(far.nodes.get('service:refunds@1.0.0')).toBe(2);
    expect(far.nodes.has('user:ann')).toBe(false);
  });

  it('reports a pointer to a version that does not exist', () => {
    const built = buildCatalog([
      resourceFromFrontmatter('service', {
        id: 's',
        name: 'S',
        ...v1,
        sends: [{ id: 'e', version: '2.0.0' }],
      }),
      resourceFromFrontmatter('event', { id: 'e', name: 'E', ...v1 }),
    ]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(['no-matching-version']);
  });
});
