import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog, type Resource } from '@switchyard/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.js';

/**
 * `buildCatalog(..., { previous })` keeps the edges and diagnostics of resources that did not change and
 * whose pointers name nothing that did. Whatever the edit, the graph must be the one a fresh build makes.
 */
const fixtures = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

/** Everything a graph says: edges in order (with their channels and qualifiers) and diagnostics. */
function graphOf(built: ReturnType<typeof buildCatalog>) {
  const { catalog } = built;
  return {
    edges: catalog.edges.map((e) => JSON.stringify(e)),
    outgoing: [...catalog.outgoing].map(([k, list]) => [k, list.length]),
    incoming: [...catalog.incoming].map(([k, list]) => [k, list.length]),
    diagnostics: built.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`),
  };
}

/** The graph after `edit`, built afresh and from the previous one; both must agree. */
function compare(before: Catalog, edit: (resources: Resource[]) => Resource[], unloadable?: Set<string>) {
  const after = edit([...before.resources]);
  const options = unloadable ? { unloadable } : {};
  const fresh = buildCatalog(after, options);
  const incremental = buildCatalog(after, { ...options, previous: before, forReload: true });
  expect(graphOf(incremental)).toEqual(graphOf(fresh));
  return { fresh, incremental };
}

const copy = (r: Resource, data: Record<string, unknown>): Resource =>
  ({ ...r, data: { ...r.data, ...data } }) as Resource;

describe('the graph rebuilt after an edit', () => {
  let acme: Catalog;
  let v1: Catalog;
  beforeAll(async () => {
    // Built once more here, so the memo of what each resource made belongs to these catalogs.
    acme = buildCatalog((await loadCatalog(join(fixtures, 'eventcatalog-acme'))).catalog.resources, {
      forReload: true,
    }).catalog;
    v1 = buildCatalog((await loadCatalog(join(fixtures, 'real-world/stormstack'))).catalog.resources, {
      forReload: true,
    }).catalog;
  });

  it('is the fresh graph when a message is removed, and pointers to it become unknown', () => {
    const gone = acme.resources.find(
      (r) => r.kind === 'event' && (acme.incoming.get(r.key)?.length ?? 0) > 1,
    );
    expect(gone).toBeDefined();
    const { fresh } = compare(acme, (list) => list.filter((r) => r !== gone));
    expect(
      fresh.diagnostics.some((d) => d.code === 'unknown-reference' && d.message.includes(`"${gone?.id}"`)),
    ).toBe(true);
  });

  it('is the fresh graph when a new version appears, and when a pointer moves to the latest', () => {
    const pointer = acme.edges.find((e) => e.relation === 'sends' && /^(event|command|query):/.test(e.to));
    const message = pointer && acme.byKey.get(pointer.to);
    const service = pointer && acme.byKey.get(pointer.from);
    if (!message || !service) throw new Error('no service that sends a message');
    const newer = { ...message, version: '99.0.0', key: `${message.kind}:${message.id}@99.0.0` } as Resource;
    const step = compare(acme, (list) => [...list, newer]);
    const sends = (service.data as { sends?: { id: string; version?: string }[] }).sends ?? [];
    const moved = copy(service, { sends: sends.map((s) => (s.id === message.id ? { id: s.id } : s)) });
    const { fresh } = compare(step.incremental.catalog, (list) =>
      list.map((r) => (r === service ? moved : r)),
    );
    expect(fresh.catalog.incoming.get(newer.key)?.some((e) => e.from === service.key)).toBe(true);
  });

  it("is the fresh graph when a service's pointers change and when a pointer names a missing version", () => {
    const service = acme.resources.find(
      (r) => r.kind === 'service' && (acme.outgoing.get(r.key)?.length ?? 0) > 1,
    );
    if (!service) throw new Error('no service');
    compare(acme, (list) => list.map((r) => (r === service ? copy(r, { sends: [], receives: [] }) : r)));
    const pinned = (service.data as { sends?: { id: string }[] }).sends?.[0];
    if (pinned)
      compare(acme, (list) =>
        list.map((r) => (r === service ? copy(r, { sends: [{ id: pinned.id, version: '42.0.0' }] }) : r)),
      );
  });

  it('is the fresh graph when an unreadable file hides an id, and when it reads again', () => {
    const target = acme.resources.find(
      (r) => r.kind === 'event' && (acme.incoming.get(r.key)?.length ?? 0) > 0,
    );
    if (!target) throw new Error('no event');
    const without = compare(
      acme,
      (list) => list.filter((r) => r !== target),
      new Set([`event:${target.id}`]),
    );
    const back = buildCatalog([...without.incremental.catalog.resources, target], {
      previous: without.incremental.catalog,
    });
    expect(graphOf(back)).toEqual(graphOf(buildCatalog([...without.incremental.catalog.resources, target])));
  });

  it('is the fresh graph in a 1.x catalog when a service that messages name as their producer is removed', () => {
    const named = v1.resources.find(
      (r) => r.kind === 'service' && v1.edges.some((e) => e.from === r.key && e.declaredIn),
    );
    if (!named) throw new Error('no service that a message names');
    const { fresh } = compare(v1, (list) => list.filter((r) => r !== named));
    expect(fresh.catalog.edges.length).toBeLessThan(v1.edges.length);
  });

  it('keeps what resources made only when asked: a graph built without it resolves every resource again', () => {
    const kept = buildCatalog(acme.resources, { forReload: true }).catalog;
    const once = buildCatalog(acme.resources).catalog;
    const fromKept = buildCatalog(acme.resources, { previous: kept }).catalog;
    const fromOnce = buildCatalog(acme.resources, { previous: once }).catalog;
    expect(fromOnce.edges.map((e) => JSON.stringify(e))).toEqual(once.edges.map((e) => JSON.stringify(e)));
    // Reused edges are the same objects; edges resolved again are new ones.
    expect(fromKept.edges[0]).toBe(kept.edges[0]);
    expect(fromOnce.edges[0]).not.toBe(once.edges[0]);
  });
});
