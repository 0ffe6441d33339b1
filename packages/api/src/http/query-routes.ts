import {
  consumersOf,
  domainsOf,
  flowsOf,
  impactOf,
  isKind,
  type Kind,
  kindDef,
  kinds,
  neighbours,
  ownedBy,
  ownersOf,
  producersOf,
  type Resource,
  receivesOf,
  sendsOf,
  summaryOf,
} from '@switchyard/model';
import type { Context, Hono } from 'hono';
import { buildCatalogIndex, buildGraph, buildResourceDoc } from '../build-json.js';
import { apiPathOf, isAttachment, linkOf } from '../links.js';
import { resolveRef } from '../refs.js';
import type { CatalogState } from '../state.js';
import { jsonError } from './errors.js';

type GetState = () => CatalogState;

/** A whole number from a query parameter within bounds, the default when absent, or an error message. */
function intParam(c: Context, name: string, fallback: number, min: number, max: number): number | string {
  const text = c.req.query(name);
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    return `"${name}" must be a whole number from ${min} to ${max}.`;
  return n;
}

const byPlural = new Map(kinds.map((k) => [kindDef(k).plural, k]));

/** The live API: the static shapes computed on request, and the questions the model answers. */
export function addQueryRoutes(app: Hono, getState: GetState): void {
  const withResource =
    (answer: (state: CatalogState, resource: Resource, c: Context) => unknown) => (c: Context) => {
      const state = getState();
      const found = resolveRef(state.catalog, c.req.query('ref'));
      if ('error' in found) return jsonError(c, found.error.status, found.error.message);
      const result = answer(state, found.resource, c);
      return typeof result === 'string' ? jsonError(c, 400, result) : c.json(result as object);
    };
  const link = (state: CatalogState) => (r: Resource) => linkOf(r, state.urlOf);
  const peers = (state: CatalogState, list: ReturnType<typeof producersOf>) =>
    list.map((p) => ({ resource: link(state)(p.resource), channels: p.channels.map(link(state)) }));

  app.get('/api', (c) =>
    c.json({
      endpoints: [
        '/api/catalog.json',
        '/api/graph.json',
        '/api/{kind plural}/{id}/{version|latest}.json',
        '/api/resources?kind=&owner=&domain=&q=&limit=&offset=',
        '/api/resource?ref=kind:id[@version]',
        '/api/producers?ref=',
        '/api/consumers?ref=',
        '/api/sends?ref=',
        '/api/receives?ref=',
        '/api/owners?ref=',
        '/api/owned?ref=team:id',
        '/api/flows?ref=',
        '/api/neighbours?ref=&depth=1&direction=both|in|out',
        '/api/search?q=&kind=&limit=',
        '/api/impact?ref=&depth=3',
      ],
    }),
  );
  app.get('/api/catalog.json', (c) => {
    const s = getState();
    return c.json(buildCatalogIndex(s.catalog, s.urlOf, s.title));
  });
  app.get('/api/graph.json', (c) => {
    const s = getState();
    return c.json(buildGraph(s.catalog, s.urlOf));
  });

  app.get('/api/resources', (c) => {
    const state = getState();
    const kind = c.req.query('kind');
    if (kind && !isKind(kind))
      return jsonError(c, 400, `"${kind}" is not a kind; kinds are ${kinds.join(', ')}.`);
    const limit = intParam(c, 'limit', 100, 1, 1000);
    const offset = intParam(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    if (typeof limit === 'string') return jsonError(c, 400, limit);
    if (typeof offset === 'string') return jsonError(c, 400, offset);
    const owner = c.req.query('owner');
    const domain = c.req.query('domain');
    const q = c.req.query('q');
    let list: Resource[] = q
      ? state.search(q, { kind: kind as Kind | undefined, limit: 10_000 }).flatMap((h) => {
          const r = state.catalog.byKey.get(h.key);
          return r ? [r] : [];
        })
      : [...state.catalog.versions.values()]
          .map((l) => l[0] as Resource)
          .filter((r) => !kind || r.kind === kind);
    list = list.filter((r) => !isAttachment(r));
    if (owner) {
      list = list.filter((r) => {
        const o = ownersOf(state.catalog, r);
        return [...o.teams, ...o.users].some((x) => x.id === owner);
      });
    }
    if (domain) list = list.filter((r) => domainsOf(state.catalog, r).some((d) => d.id === domain));
    return c.json({
      total: list.length,
      offset,
      resources: list.slice(offset, offset + limit).map((r) => {
        const summary = summaryOf(r);
        return { ...link(state)(r), ...(summary ? { summary } : {}) };
      }),
    });
  });

  app.get(
    '/api/resource',
    withResource((s, r) => buildResourceDoc(s.catalog, r, s.urlOf)),
  );
  app.get(
    '/api/producers',
    withResource((s, r) => ({ message: link(s)(r), producers: peers(s, producersOf(s.catalog, r)) })),
  );
  app.get(
    '/api/consumers',
    withResource((s, r) => ({ message: link(s)(r), consumers: peers(s, consumersOf(s.catalog, r)) })),
  );
  app.get(
    '/api/sends',
    withResource((s, r) => ({ resource: link(s)(r), sends: peers(s, sendsOf(s.catalog, r)) })),
  );
  app.get(
    '/api/receives',
    withResource((s, r) => ({ resource: link(s)(r), receives: peers(s, receivesOf(s.catalog, r)) })),
  );
  app.get(
    '/api/owners',
    withResource((s, r) => {
      const o = ownersOf(s.catalog, r);
      return { resource: link(s)(r), teams: o.teams.map(link(s)), users: o.users.map(link(s)) };
    }),
  );
  app.get(
    '/api/owned',
    withResource((s, r) =>
      r.kind === 'team' || r.kind === 'user'
        ? { owner: link(s)(r), owns: ownedBy(s.catalog, r, { viaTeams: true }).map(link(s)) }
        : `${r.key} is not a team or a user.`,
    ),
  );
  app.get(
    '/api/flows',
    withResource((s, r) => ({
      resource: link(s)(r),
      flows: flowsOf(s.catalog, r).map((f) => ({ flow: link(s)(f.flow), steps: f.steps })),
    })),
  );
  app.get(
    '/api/neighbours',
    withResource((s, r, c) => {
      const depth = intParam(c, 'depth', 1, 1, 5);
      if (typeof depth === 'string') return depth;
      const direction = c.req.query('direction') ?? 'both';
      if (direction !== 'both' && direction !== 'in' && direction !== 'out')
        return `"direction" must be both, in or out, not "${direction}".`;
      const n = neighbours(s.catalog, r.key, depth, { direction });
      return {
        resource: link(s)(r),
        nodes: [...n.nodes].flatMap(([key, distance]) => {
          const node = s.catalog.byKey.get(key);
          return node ? [{ ...link(s)(node), distance }] : [];
        }),
        edges: n.edges.map((e) => ({ from: e.from, to: e.to, relation: e.relation })),
      };
    }),
  );
  app.get('/api/search', (c) => {
    const q = c.req.query('q')?.trim();
    if (!q) return jsonError(c, 400, 'Give a search with "q".');
    const kind = c.req.query('kind');
    if (kind && !isKind(kind))
      return jsonError(c, 400, `"${kind}" is not a kind; kinds are ${kinds.join(', ')}.`);
    const limit = intParam(c, 'limit', 20, 1, 200);
    if (typeof limit === 'string') return jsonError(c, 400, limit);
    const s = getState();
    const hits = s.search(q, { kind: kind as Kind | undefined, limit }).map((h) => {
      const r = s.catalog.byKey.get(h.key);
      return { ...h, url: r ? s.urlOf(r) : '' };
    });
    return c.json({ query: q, hits });
  });
  app.get(
    '/api/impact',
    withResource((s, r, c) => {
      const depth = intParam(c, 'depth', 3, 1, 10);
      return typeof depth === 'string' ? depth : impactOf(s.catalog, r, { depth });
    }),
  );

  // The static shapes, computed live: `/api/{kind plural}/{id...}/{version|latest}.json`.
  app.get('/api/:plural/*', (c, next) => {
    const kind = byPlural.get(c.req.param('plural'));
    if (!kind) return next();
    const rest = c.req.path.slice(`/api/${c.req.param('plural')}/`.length);
    const match = /^(.+)\/([^/]+)\.json$/.exec(rest);
    if (!match) return next();
    const [, id, version] = match as unknown as [string, string, string];
    const s = getState();
    const resource = (s.catalog.versions.get(`${kind}:${id}`) ?? []).find((r, i) =>
      version === 'latest' ? i === 0 : r.version === version,
    );
    if (!resource || !apiPathOf(resource) || isAttachment(resource))
      return jsonError(c, 404, `No ${kind} "${id}" at version "${version}".`);
    return c.json(buildResourceDoc(s.catalog, resource, s.urlOf));
  });
}
