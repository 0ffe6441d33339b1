import { describe, expect, it } from 'vitest';
import { resourceFromFrontmatter } from '../build-resource.js';
import { buildCatalog } from '../catalog.js';
import { diffCatalogs, isEmptyDiff } from './catalog-diff.js';

const v = { version: '1.0.0' };
const event = resourceFromFrontmatter('event', { id: 'paid', name: 'Paid', ...v });
const channel = (id: string) => resourceFromFrontmatter('channel', { id, name: id, ...v });
const service = (to: string, extra: Record<string, unknown> = {}) =>
  resourceFromFrontmatter('service', {
    id: 'billing',
    name: 'Billing',
    ...v,
    sends: [{ id: 'paid', to: [{ id: to }] }],
    ...extra,
  });

describe('diffCatalogs', () => {
  const base = buildCatalog([event, channel('a'), channel('b'), service('a')]).catalog;

  it('finds nothing between a catalog and itself', () => {
    expect(isEmptyDiff(diffCatalogs(base, base))).toBe(true);
  });

  it('reports a channel change as one edge out and one in, not as a new producer', () => {
    const head = buildCatalog([event, channel('a'), channel('b'), service('b')]).catalog;
    const diff = diffCatalogs(base, head);
    expect(diff.edgesAdded).toEqual([
      {
        from: 'service:billing',
        relation: 'sendsTo',
        to: 'channel:b',
        qualifies: 'event:paid',
        meaning: 'channel changed',
      },
    ]);
    expect(diff.edgesRemoved.map((e) => e.to)).toEqual(['channel:a']);
    expect(diff.changed.map((c) => [c.ref.id, c.fields])).toEqual([['billing', ['sends']]]);
  });

  it('reports added and removed resources, and a version bump without edge changes', () => {
    const bumped = resourceFromFrontmatter('event', { id: 'paid', name: 'Paid', version: '2.0.0' });
    const head = buildCatalog([bumped, channel('a'), service('a'), channel('c')]).catalog;
    const diff = diffCatalogs(base, head);
    expect(diff.added.map((r) => r.key)).toEqual(['channel:c@1.0.0']);
    expect(diff.removed.map((r) => r.key)).toEqual(['channel:b@1.0.0']);
    expect(diff.versionBumps.map((b) => [b.ref.id, b.from, b.to])).toEqual([['paid', '1.0.0', '2.0.0']]);
    expect(diff.edgesAdded).toEqual([]);
    expect(diff.edgesRemoved).toEqual([]);
  });
});
