import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogState, createCatalogState } from '../state.js';
import { createApiApp } from './app.js';
import { listenApp } from './listen.js';

const acme = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const secret = 'TOP-SECRET-OUTSIDE-THE-SITE';
let state: CatalogState;
let work: string;
let app: ReturnType<typeof createApiApp>;

beforeAll(async () => {
  const { catalog } = await loadCatalog(acme);
  state = createCatalogState({
    catalog,
    title: 'Acme',
    urlOf: (r) => `/docs/${r.kind}/${r.id}`,
    readFile: () => undefined,
  });
  // A built site, with a file beside it that no request may reach.
  work = mkdtempSync(join(tmpdir(), 'api-app-'));
  mkdirSync(join(work, 'site', 'docs', 'a'), { recursive: true });
  writeFileSync(
    join(work, 'site', 'index.html'),
    `<!doctype html><title>Home</title>${'<p>hello</p>'.repeat(200)}`,
  );
  writeFileSync(join(work, 'site', 'docs', 'a', 'index.html'), '<p>page a</p>');
  writeFileSync(join(work, 'secret.txt'), secret);
  app = createApiApp({ getState: () => state, siteRoot: () => join(work, 'site') });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const json = async (path: string, init?: RequestInit) => {
  const res = await app.request(path, init);
  return { res, body: (await res.json()) as Record<string, unknown> };
};

describe('the HTTP API, without a port', () => {
  it('answers with an ETag and 304 when the client already has it', async () => {
    const first = await app.request('/api/resource?ref=event:order-created');
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/);
    const again = await app.request('/api/resource?ref=event:order-created', {
      headers: { 'If-None-Match': tag as string },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await app.request('/api/resource?ref=event:order-cancelled', {
      headers: { 'If-None-Match': tag as string },
    });
    expect(other.status).toBe(200);
  });

  it('answers a repeated read from its cache until the catalog reloads', async () => {
    let current = state;
    const cached = createApiApp({ getState: () => current });
    const path = '/api/resources?kind=event';
    const first = await cached.request(path);
    const again = await cached.request(path);
    expect(await again.text()).toBe(await first.text());
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    // A reload is a new state: the answer is computed from it, not from the cache.
    current = createCatalogState({
      catalog: state.catalog,
      title: 'Acme',
      urlOf: (r) => `/moved/${r.kind}/${r.id}`,
      readFile: () => undefined,
    });
    const reloaded = await cached.request(path);
    expect(reloaded.status).toBe(200);
    expect(reloaded.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('gzips for clients that accept it', async () => {
    const res = await app.request('/api/graph.json', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const graph = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(graph.edges.length).toBe(state.catalog.edges.length);
  });

  it('answers an unknown resource with 404 and a JSON error, a bad reference with 400', async () => {
    const missing = await json('/api/resource?ref=event:no-such-event');
    expect(missing.res.status).toBe(404);
    expect(missing.body).toEqual({ error: { status: 404, message: 'No event has the id "no-such-event".' } });
    expect((await json('/api/resource?ref=wizard:x')).res.status).toBe(400);
    expect((await json('/api/resource')).res.status).toBe(400);
    expect((await json('/api/events/no-such-event/latest.json')).res.status).toBe(404);
    expect((await json('/api/neighbours?ref=event:order-created&depth=99')).res.status).toBe(400);
    expect((await json('/api/resources?kind=wizard')).res.status).toBe(400);
  });

  it('is read-only', async () => {
    const { res } = await json('/api/resource?ref=event:order-created', { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers producers, consumers, owners, flows and neighbours from the model', async () => {
    const producers = (await json('/api/producers?ref=event:order-created')).body as {
      producers: { resource: { id: string } }[];
    };
    expect(producers.producers.map((p) => p.resource.id)).toEqual(['order-service']);
    const consumers = (await json('/api/consumers?ref=event:order-created')).body as {
      consumers: { resource: { id: string } }[];
    };
    expect(consumers.consumers.map((p) => p.resource.id).sort()).toEqual([
      'checkout-orchestrator',
      'fulfilment-service',
    ]);
    const owners = (await json('/api/owners?ref=event:order-created')).body as { teams: { id: string }[] };
    expect(owners.teams.map((t) => t.id)).toEqual(['ordering-platform']);
    const flows = (await json('/api/flows?ref=command:reserve-inventory')).body as {
      flows: { flow: { id: string } }[];
    };
    expect(flows.flows.map((f) => f.flow.id)).toEqual(['checkout-saga']);
    const near = (await json('/api/neighbours?ref=event:order-created&depth=1')).body as {
      nodes: { id: string; distance: number }[];
    };
    expect(near.nodes.find((n) => n.id === 'order-service')?.distance).toBe(1);
  });

  it('lists and filters resources, and searches', async () => {
    const events = (await json('/api/resources?kind=event&owner=ordering-platform')).body as {
      resources: { kind: string; id: string }[];
    };
    expect(events.resources.length).toBeGreaterThan(0);
    expect(events.resources.every((r) => r.kind === 'event')).toBe(true);
    expect(events.resources.map((r) => r.id)).toContain('order-created');
    const payments = (await json('/api/resources?domain=payments&kind=service')).body as {
      resources: { id: string }[];
    };
    expect(payments.resources.map((r) => r.id)).toContain('payment-service');
    expect(payments.resources.map((r) => r.id)).not.toContain('order-service');
    const search = (await json('/api/search?q=order%20created')).body as { hits: { key: string }[] };
    expect(search.hits[0]?.key).toBe('event:order-created@1.1.0');
  });

  it('answers impact through impactOf', async () => {
    const { res, body } = await json('/api/impact?ref=command:reserve-inventory');
    expect(res.status).toBe(200);
    const consumers = (body.consumers as { resource: { id: string } }[]).map((c) => c.resource.id);
    expect(consumers).toContain('inventory-service');
  });

  it('serves the built site beside the API', async () => {
    const res = await app.request('/docs/a/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>page a</p>');
    expect((await app.request('/nowhere')).status).toBe(404);
  });

  it('serves the site under its base path', async () => {
    const based = createApiApp({
      getState: () => state,
      siteRoot: () => join(work, 'site'),
      base: () => '/catalog/',
    });
    expect(await (await based.request('/catalog/docs/a/')).text()).toBe('<p>page a</p>');
    expect((await based.request('/docs/a/')).status).toBe(404);
    expect((await based.request('/api/resource?ref=event:order-created')).status).toBe(200);
    const headed = createApiApp({ getState: () => state, headers: { 'x-content-type-options': 'nosniff' } });
    const res = await headed.request('/api/resource?ref=event:no-such');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers path traversal with 400, never reading outside the site', async () => {
    // Dot segments the URL parser resolves (inside the site) before any server sees them: nothing there.
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/docs/%2e%2e/%2e%2e/secret.txt',
      '/docs/..\\..\\secret.txt',
      '/api/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const res = await app.request(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain(secret);
    }
    // What reaches the static file server's rule (the same for preview and dev): a bad request.
    for (const path of [
      '/%2E%2E%2Fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/docs/..%2f..%2fsecret.txt',
      '/index.html%00.txt',
    ]) {
      const res = await app.request(`http://localhost${path}`);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).not.toContain(secret);
    }
  });

  it('answers malformed percent-encoding with 400', async () => {
    expect((await app.request('http://localhost/%E0%A4%A')).status).toBe(400);
    expect((await app.request('http://localhost/api/%zz')).status).toBe(400);
  });
});

describe('the HTTP API over a real port', () => {
  it('serves on 127.0.0.1, with ETags, and refuses a raw traversal', async () => {
    const { url, server } = await listenApp(app, 0);
    try {
      const first = await fetch(`${url}/api/catalog.json`);
      expect(first.status).toBe(200);
      expect(((await first.json()) as { count: number }).count).toBeGreaterThan(70);
      const again = await fetch(`${url}/api/catalog.json`, {
        headers: { 'If-None-Match': first.headers.get('etag') as string },
      });
      expect(again.status).toBe(304);
      // fetch would normalise "..": send the raw request line instead.
      const port = Number(new URL(url).port);
      const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/../../secret.txt' }, (res) => {
          let body = '';
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(raw.status).toBe(400);
      expect(raw.body).not.toContain(secret);
    } finally {
      server.close();
    }
  });
});
