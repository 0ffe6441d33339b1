import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import type { Resource } from '@switchyard/model';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildResourceDoc, staticApiFiles } from './build-json.js';
import { apiPathOf, type UrlOf } from './links.js';
import { apiJsonSchemas } from './shapes.js';

const acme = fileURLToPath(new URL('../../../examples/acme', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));
const urlOf: UrlOf = (r, o) => `/docs/${r.kind}/${r.id}${o?.latest ? '' : `/${r.version}`}`;

let files: Map<string, string>;
let catalog: Awaited<ReturnType<typeof loadCatalog>>['catalog'];

beforeAll(async () => {
  ({ catalog } = await loadCatalog(acme));
  files = new Map(staticApiFiles(catalog, urlOf, 'Acme'));
});

describe('static API files', () => {
  it('validate against the JSON Schemas that docs/api.md publishes', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const schemas = apiJsonSchemas();
    const validators = {
      index: ajv.compile(schemas['catalog.json']),
      graph: ajv.compile(schemas['graph.json']),
      resource: ajv.compile(schemas['{kind plural}/{id}/{version}.json']),
    };
    let checked = 0;
    for (const [path, text] of files) {
      const v =
        path === 'api/catalog.json'
          ? validators.index
          : path === 'api/graph.json'
            ? validators.graph
            : validators.resource;
      const ok = v(JSON.parse(text));
      expect(ok ? [] : v.errors, path).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(70);
  });

  it('docs/api.md carries each schema exactly as generated', () => {
    const text = readFileSync(docs, 'utf8');
    for (const [name, schema] of Object.entries(apiJsonSchemas())) {
      const block = text.split(`### \`${name}\``)[1]?.match(/```json\n([\s\S]*?)\n```/)?.[1];
      expect(block, name).toBeDefined();
      expect(JSON.parse(block as string), name).toEqual(schema);
    }
  });

  it('indexes every resource once, with its owners and the path of its JSON', () => {
    const index = JSON.parse(files.get('api/catalog.json') as string);
    const orderCreated = index.resources.find((r: { id: string }) => r.id === 'order-created');
    expect(orderCreated).toMatchObject({
      kind: 'event',
      version: '1.1.0',
      versions: ['1.1.0', '1.0.0'],
      owners: [{ kind: 'team', id: 'ordering-platform' }],
      api: '/api/events/order-created/1.1.0.json',
    });
    expect(index.resources.some((r: { kind: string }) => r.kind === 'changelog')).toBe(false);
    expect(files.has(orderCreated.api.slice(1))).toBe(true);
    expect(index.count).toBe(index.resources.length);
  });

  it('writes each version and the newest again as latest.json, with relations resolved', () => {
    const latest = JSON.parse(files.get('api/events/order-created/latest.json') as string);
    expect(latest).toEqual(JSON.parse(files.get('api/events/order-created/1.1.0.json') as string));
    expect(latest.producers.map((p: { resource: { id: string } }) => p.resource.id)).toEqual([
      'order-service',
    ]);
    expect(latest.consumers.map((p: { resource: { id: string } }) => p.resource.id).sort()).toEqual([
      'checkout-orchestrator',
      'fulfilment-service',
    ]);
    expect(latest.producers[0].channels[0].id).toBe('orders.events');
    expect(JSON.parse(files.get('api/events/order-created/1.0.0.json') as string).latest).toBe(false);
    const flow = JSON.parse(files.get('api/flows/place-an-order/latest.json') as string);
    expect(flow.steps[0]).toMatchObject({ title: 'Shopper presses Place order' });
    expect(
      flow.steps.find(
        (s: { resource?: { key: string } }) => s.resource?.key === 'command:checkout-cart@1.0.0',
      ),
    ).toBeDefined();
    expect(files.get('api/teams/ordering-platform/latest.json')).toBeDefined();
  });

  it('puts every resolved pointer in graph.json', () => {
    const graph = JSON.parse(files.get('api/graph.json') as string);
    expect(graph.edges).toHaveLength(catalog.edges.length);
    const keys = new Set(graph.nodes.map((n: { key: string }) => n.key));
    for (const e of graph.edges)
      expect(keys.has(e.from) && keys.has(e.to), `${e.from} -> ${e.to}`).toBe(true);
  });

  it('never makes a path outside api/ from an id', () => {
    const r = { kind: 'doc', id: 'guides/../../../etc', version: '' } as Resource;
    expect(apiPathOf(r)).toBeUndefined();
    expect(apiPathOf({ ...r, id: 'guides/setup' } as Resource)).toBe('api/docs/guides/setup/latest.json');
    expect(apiPathOf({ ...r, id: 'guides/.git' } as Resource)).toBeUndefined();
    expect(apiPathOf({ ...r, id: 'a\\..\\b' } as Resource)).toBeUndefined();
    expect(apiPathOf({ ...r, kind: 'event', id: 'café-ordered', version: '1.0.0' } as Resource)).toBe(
      'api/events/café-ordered/1.0.0.json',
    );
  });

  it('answers incoming relations with their inverse names', () => {
    const service = catalog.versions.get('service:order-service')?.[0] as Resource;
    const doc = buildResourceDoc(catalog, service, urlOf);
    expect(doc.incoming.some((x) => x.relation === 'containedIn')).toBe(true);
    expect(doc.sends?.some((p) => p.resource.id === 'order-created')).toBe(true);
  });
});
