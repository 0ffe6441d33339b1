import { describe, expect, it } from 'vitest';
import { resourceFromFrontmatter } from '../build-resource.js';
import { buildCatalog } from '../catalog.js';
import type { Resource } from '../resource.js';
import { type Scorecards, type ScoreFacts, scoreCatalog, trimScorecards } from './scorecards.js';

const v = { version: '1.0.0' };
const prose =
  'This event tells the ledger that a payment settled, with the amount, the currency and the order it paid for, so that refunds can find it.';

const resources = [
  resourceFromFrontmatter('team', { id: 'pay', name: 'Payments' }),
  resourceFromFrontmatter('team', { id: 'ship', name: 'Shipping' }),
  resourceFromFrontmatter(
    'domain',
    { id: 'money', name: 'Money', ...v, owners: ['pay'], summary: 'Money.', services: [{ id: 'billing' }] },
    prose,
  ),
  resourceFromFrontmatter(
    'service',
    {
      id: 'billing',
      name: 'Billing',
      ...v,
      owners: ['pay'],
      summary: 'Bills.',
      sends: [{ id: 'paid' }, { id: 'refunded' }, { id: 'old' }],
    },
    prose,
  ),
  resourceFromFrontmatter(
    'service',
    { id: 'ledger', name: 'Ledger', ...v, owners: ['ship'], receives: [{ id: 'paid', version: '1.0.0' }] },
    'Stub.',
  ),
  resourceFromFrontmatter(
    'event',
    { id: 'paid', name: 'Paid', ...v, owners: ['pay'], summary: 'Paid.' },
    prose,
  ),
  resourceFromFrontmatter(
    'event',
    { id: 'paid', name: 'Paid', version: '2.0.0', owners: ['pay'], summary: 'Paid.' },
    prose,
  ),
  resourceFromFrontmatter(
    'event',
    { id: 'refunded', name: 'Refunded', ...v, owners: ['pay'], summary: 'Refunded.' },
    prose,
  ),
  resourceFromFrontmatter(
    'event',
    { id: 'audited', name: 'Audited', ...v, owners: ['pay'], 'x-unconsumed': true },
    prose,
  ),
  resourceFromFrontmatter(
    'event',
    { id: 'old', name: 'Old', ...v, owners: ['nobody'], deprecated: true },
    prose,
  ),
];

/** Every message has a schema that parses, but `refunded`, whose schema is broken and whose one example fails. */
const facts: ScoreFacts = {
  schema: (r: Resource) => (r.id === 'refunded' ? { state: 'invalid', why: 'bad JSON' } : { state: 'ok' }),
  examples: (r: Resource) => (r.id === 'refunded' ? { count: 2, invalid: 1 } : { count: 0, invalid: 0 }),
};

function verdicts(cards: Scorecards, id: string) {
  const check = cards.catalog.checks.find((c) => c.id === id);
  return {
    passed: check?.passed,
    applicable: check?.applicable,
    failing: check?.failures.map((f) => f.resource.id),
  };
}

describe('scoreCatalog', () => {
  const { catalog } = buildCatalog(resources);
  const cards = scoreCatalog(catalog, facts);

  it('judges each check on the newest version of each resource it applies to', () => {
    expect(verdicts(cards, 'owner').failing).toEqual(['old']);
    expect(verdicts(cards, 'summary').failing).toEqual(['ledger', 'audited', 'old']);
    expect(verdicts(cards, 'docs').failing).toEqual(['ledger']);
    expect(verdicts(cards, 'schema')).toEqual({ passed: 3, applicable: 4, failing: ['refunded'] });
    // Only messages with examples count.
    expect(verdicts(cards, 'examples-valid')).toEqual({ passed: 0, applicable: 1, failing: ['refunded'] });
    expect(verdicts(cards, 'producer').failing).toEqual(['audited']);
    // `audited` says nobody is meant to receive it; `paid` is received (an older version, still).
    expect(verdicts(cards, 'consumer').failing).toEqual(['refunded', 'old']);
    // Only deprecated messages count.
    expect(verdicts(cards, 'deprecated-in-use')).toEqual({ passed: 0, applicable: 1, failing: ['old'] });
    expect(cards.catalog.checks.find((c) => c.id === 'version-drift')?.failures).toEqual([
      expect.objectContaining({ reason: 'receives paid 1.0.0 (newest 2.0.0)' }),
    ]);
  });

  it('scores teams and domains by the weighted share of checks their resources pass', () => {
    const ship = cards.teams.find((t) => t.id === 'ship');
    // Ledger: owner ✓ (3), summary ✗ (1), docs ✗ (2), version-drift ✗ (2) → 3 of 8.
    expect(ship?.score).toBe(Math.round((100 * 3) / 8));
    expect(ship?.resources).toBe(1);
    expect(cards.domains.map((d) => d.id)).toEqual(['money']);
    expect(cards.teams.map((t) => t.id)).toEqual(['pay', 'ship']);
    expect(cards.catalog.score).toBeGreaterThan(0);
    expect(cards.catalog.score).toBeLessThan(100);
  });

  it('lets the config switch a check off and weigh another, and names settings that are no check', () => {
    const tuned = scoreCatalog(catalog, facts, {
      docs: false,
      'version-drift': { weight: 0 },
      'no-such': true,
    });
    const ship = tuned.teams.find((t) => t.id === 'ship');
    expect(ship?.checks.map((c) => c.id)).not.toContain('docs');
    // owner ✓ (3), summary ✗ (1), version-drift weighs nothing → 3 of 4.
    expect(ship?.score).toBe(75);
    expect(tuned.checks.find((c) => c.id === 'docs')?.enabled).toBe(false);
    expect(tuned.unknownChecks).toEqual(['no-such']);
  });

  it('finds flows that disagree with their services', () => {
    const flow = resourceFromFrontmatter('flow', {
      id: 'f',
      name: 'F',
      ...v,
      owners: ['pay'],
      steps: [
        { id: 'a', title: 'Ledger', service: { id: 'ledger' }, next_step: 'b' },
        { id: 'b', title: 'Paid', message: { id: 'paid' } },
      ],
    });
    const withFlow = scoreCatalog(buildCatalog([...resources, flow]).catalog, facts);
    expect(withFlow.catalog.checks.find((c) => c.id === 'flow-consistency')?.failures).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('Ledger does not send paid') }),
    ]);
  });

  it('trims the failures listed per check to a bound, still counting them all', () => {
    const trimmed = trimScorecards(cards, 1);
    const summary = trimmed.catalog.checks.find((c) => c.id === 'summary');
    expect(summary?.failures).toHaveLength(1);
    expect(summary?.failed).toBe(3);
    expect(cards.catalog.checks.find((c) => c.id === 'summary')?.failures).toHaveLength(3);
  });
});
