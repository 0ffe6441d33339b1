import { describe, expect, it } from 'vitest';
import { resourceFromFrontmatter } from '../build-resource.js';
import { buildCatalog } from '../catalog.js';
import { impactOf } from './impact.js';
import { getResource } from './lookup.js';

const { catalog } = buildCatalog([
  resourceFromFrontmatter('event', { id: 'paid', name: 'Paid', version: '1.2.0', owners: ['pay'] }),
  resourceFromFrontmatter('event', { id: 'paid', name: 'Paid', version: '2.0.0', owners: ['pay'] }),
  resourceFromFrontmatter('service', {
    id: 'billing',
    name: 'Billing',
    version: '1.0.0',
    sends: [{ id: 'paid', version: '2.0.0' }],
  }),
  resourceFromFrontmatter('service', {
    id: 'ledger',
    name: 'Ledger',
    version: '1.0.0',
    receives: [{ id: 'paid', version: '^1.0.0' }],
  }),
  resourceFromFrontmatter('service', {
    id: 'audit',
    name: 'Audit',
    version: '1.0.0',
    receives: [{ id: 'paid' }],
  }),
  resourceFromFrontmatter('team', { id: 'pay', name: 'Payments', email: 'pay@x.test' }),
  resourceFromFrontmatter('flow', {
    id: 'f',
    name: 'F',
    version: '1.0.0',
    steps: [
      { id: 'a', title: 'Billing', service: { id: 'billing' }, next_step: 'b' },
      {
        id: 'b',
        title: 'Paid',
        message: { id: 'paid' },
        next_steps: ['c', { id: 'd', label: 'Ledger unavailable' }],
      },
      { id: 'c', title: 'Done' },
      { id: 'd', title: 'Retry later', next_step: 'e' },
      { id: 'e', title: 'Paid again', message: { id: 'paid' } },
    ],
  }),
]);

describe('impactOf', () => {
  const paid = getResource(catalog, 'event', 'paid');
  if (!paid) throw new Error('missing');
  const report = impactOf(catalog, paid);

  it('lists consumers of every version, with the version each asks for', () => {
    expect(report.consumers.map((c) => [c.resource.id, c.requested])).toEqual([
      ['audit', undefined],
      ['ledger', '^1.0.0'],
    ]);
  });

  it('finds pointers a new version would leave behind, and which bumps', () => {
    expect(report.pinned.map((p) => [p.peer.id, p.side, p.resolvesTo, p.leftBehindBy])).toEqual([
      ['billing', 'producer', '2.0.0', ['patch', 'minor', 'major']],
      ['ledger', 'consumer', '1.2.0', ['patch', 'minor', 'major']],
    ]);
  });

  it('tells failure branches from happy ones by their words, and steps behind them', () => {
    const flow = report.flows[0];
    expect(flow?.failureBranches).toEqual([{ from: 'b', to: 'd', label: 'Ledger unavailable' }]);
    expect(flow?.steps).toEqual([
      { id: 'b', title: 'Paid', onFailurePath: false },
      { id: 'e', title: 'Paid again', onFailurePath: true },
    ]);
  });

  it('names the owners to ask with their contact fields', () => {
    expect(report.owners).toEqual([
      { kind: 'team', id: 'pay', name: 'Payments', email: 'pay@x.test', owns: ['event:paid@2.0.0'] },
    ]);
  });
});
