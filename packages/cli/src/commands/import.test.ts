import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { consumersOf, latestOf, producersOf, type Resource, resourcesOf } from '@switchyard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from './_test-cli.js';

const acme = fileURLToPath(new URL('../../../../examples/acme/', import.meta.url));
const orderService = join(acme, 'domains/Ordering/systems/order-management-system/services/OrderService');
const cartApi = join(acme, 'domains/Shopping/systems/cart-system/services/CartAPI/openapi.yml');
const temp = mkdtempSync(join(tmpdir(), 'eco-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const emptyCatalog = (name: string) => {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const problems = (list: { severity: string }[]) => list.filter((d) => d.severity !== 'info');
const ids = (list: readonly Resource[]) => list.map((r) => r.id).sort();

describe('switchyard import openapi', () => {
  it("imports the example's Cart API: one message per operation, accepted by check", async () => {
    const dir = emptyCatalog('openapi');
    const run = await cli(temp, 'import', 'openapi', cartApi, '--dir', 'openapi', '--domain', 'Shopping');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const loaded = await loadCatalog(dir);
    expect(problems(loaded.diagnostics)).toEqual([]);
    expect((await cli(temp, 'check', 'openapi')).code).toBe(0);

    const spec = parse(readFileSync(cartApi, 'utf8'));
    const operations = Object.entries(
      spec.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => method !== 'parameters')
        .map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId })),
    );
    const service = latestOf(loaded.catalog, 'service', 'acme-cart-api');
    expect(service?.data.version).toBe(spec.info.version);
    const messages = [...resourcesOf(loaded.catalog, 'command'), ...resourcesOf(loaded.catalog, 'query')];
    expect(messages).toHaveLength(operations.length);
    for (const op of operations) {
      const message = messages.find(
        (m) =>
          (m.data as { operation?: { path?: string } }).operation?.path === op.path &&
          (m.data as { operation?: { method?: string } }).operation?.method === op.method,
      );
      expect(message, `${op.method} ${op.path}`).toBeDefined();
      expect(message?.kind).toBe(op.method === 'GET' ? 'query' : 'command');
      expect(consumersOf(loaded.catalog, message as Resource).map((p) => p.resource.id)).toEqual([
        'acme-cart-api',
      ]);
    }
    const addItem = latestOf(loaded.catalog, 'command', 'add-item');
    const schema = JSON.parse(readFileSync(join(dir, addItem?.source.dir ?? '', 'schema.json'), 'utf8'));
    expect(schema).toEqual(spec.components.schemas.NewItem);
    expect(latestOf(loaded.catalog, 'domain', 'shopping')?.data.services).toEqual([{ id: 'acme-cart-api' }]);
  });

  it('re-imports a changed spec: updates what the spec owns, keeps the prose, archives old versions', async () => {
    const dir = emptyCatalog('reimport');
    const specFile = join(temp, 'cart.yml');
    cpSync(cartApi, specFile);
    expect(
      (await cli(temp, 'import', 'openapi', specFile, '--dir', 'reimport', '--service-id', 'cart-api')).code,
    ).toBe(0);

    const serviceFile = join(dir, 'services/AcmeCartAPI/index.mdx');
    const messageFile = join(dir, 'services/AcmeCartAPI/commands/AddItem/index.mdx');
    const prose = '\nA paragraph a person wrote about carts; no import may change it.\n';
    writeFileSync(serviceFile, readFileSync(serviceFile, 'utf8').replace('owners', 'owners') + prose);
    writeFileSync(messageFile, `${readFileSync(messageFile, 'utf8')}${prose}`);
    const handEdited = readFileSync(messageFile, 'utf8').replace(
      'name: Add an item to a cart',
      'name: Add item # renamed by hand',
    );
    writeFileSync(messageFile, handEdited);

    const edited = readFileSync(cartApi, 'utf8')
      .replace('  version: 1.0.0', '  version: 1.1.0')
      .replace('          maximum: 20', '          maximum: 50')
      .replace(
        '  /carts/{cartId}/checkout:',
        `  /carts/{cartId}/notes:
    post:
      operationId: addNote
      summary: Add a note to a cart
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: { type: string }
      responses:
        '204':
          description: Noted.
  /carts/{cartId}/checkout:`,
      );
    writeFileSync(specFile, edited);

    const dry = await cli(
      temp,
      'import',
      'openapi',
      specFile,
      '--dir',
      'reimport',
      '--service-id',
      'cart-api',
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/nothing was written/);
    expect(dry.out).toMatch(
      /archive +services\/AcmeCartAPI\/index\.mdx +\(service cart-api 1\.0\.0 → versioned\/1\.0\.0\/\)/,
    );
    expect(dry.out).toMatch(/create +services\/AcmeCartAPI\/commands\/AddNote\/index\.mdx/);
    expect(existsSync(join(dir, 'services/AcmeCartAPI/versioned'))).toBe(false);

    const real = await cli(
      temp,
      'import',
      'openapi',
      specFile,
      '--dir',
      'reimport',
      '--service-id',
      'cart-api',
    );
    expect(real.code).toBe(0);
    const loaded = await loadCatalog(dir);
    expect(problems(loaded.diagnostics)).toEqual([]);

    expect(readFileSync(serviceFile, 'utf8').endsWith(prose)).toBe(true);
    const message = readFileSync(messageFile, 'utf8');
    expect(message.endsWith(prose)).toBe(true);
    expect(message).toContain('name: Add item # renamed by hand');
    expect(message).toContain('version: 1.1.0');
    expect(
      JSON.parse(readFileSync(join(dir, 'services/AcmeCartAPI/commands/AddItem/schema.json'), 'utf8'))
        .properties.quantity.maximum,
    ).toBe(50);
    expect(
      readFileSync(join(dir, 'services/AcmeCartAPI/commands/AddItem/versioned/1.0.0/schema.json'), 'utf8'),
    ).toContain('"maximum": 20');

    expect(loaded.catalog.versions.get('service:cart-api')?.map((r) => r.version)).toEqual([
      '1.1.0',
      '1.0.0',
    ]);
    const note = latestOf(loaded.catalog, 'command', 'add-note');
    expect(note && consumersOf(loaded.catalog, note).map((p) => p.resource.key)).toEqual([
      'service:cart-api@1.1.0',
    ]);

    const again = await cli(
      temp,
      'import',
      'openapi',
      specFile,
      '--dir',
      'reimport',
      '--service-id',
      'cart-api',
    );
    expect(again.out).toMatch(/^Nothing to change/);
  });
});

describe('switchyard import asyncapi', () => {
  it("imports the example's Order Service (AsyncAPI 3): messages, channels, sends and receives", async () => {
    const dir = emptyCatalog('asyncapi');
    const run = await cli(
      temp,
      'import',
      'asyncapi',
      join(orderService, 'asyncapi.yml'),
      '--dir',
      'asyncapi',
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const loaded = await loadCatalog(dir);
    expect(problems(loaded.diagnostics)).toEqual([]);
    expect((await cli(temp, 'check', 'asyncapi')).code).toBe(0);

    const spec = parse(readFileSync(join(orderService, 'asyncapi.yml'), 'utf8'));
    const names = Object.values(spec.components.messages as Record<string, { name: string }>).map(
      (m) => m.name,
    );
    expect(ids([...resourcesOf(loaded.catalog, 'event'), ...resourcesOf(loaded.catalog, 'command')])).toEqual(
      names.sort(),
    );
    expect(ids(resourcesOf(loaded.catalog, 'channel'))).toEqual(['checkout-commands', 'order-events']);
    const events = latestOf(loaded.catalog, 'channel', 'order-events');
    expect(events?.data).toMatchObject({ address: 'acme.{env}.orders.events', protocols: ['kafka'] });

    const created = latestOf(loaded.catalog, 'event', 'order-created');
    expect(created && producersOf(loaded.catalog, created).map((p) => p.resource.id)).toEqual([
      'order-service',
    ]);
    const cancel = latestOf(loaded.catalog, 'command', 'cancel-order');
    expect(cancel && consumersOf(loaded.catalog, cancel).map((p) => p.resource.id)).toEqual([
      'order-service',
    ]);
    // The Avro payload, referenced from another file, is extracted as schema.avsc.
    expect(created?.data.schemaPath).toBe('schema.avsc');
    const avro = JSON.parse(readFileSync(join(dir, created?.source.dir ?? '', 'schema.avsc'), 'utf8'));
    expect(avro.type).toBe('record');
  });

  it('imports AsyncAPI 2.x: subscribe is a send, publish a receive', async () => {
    const dir = emptyCatalog('asyncapi2');
    const spec = join(temp, 'users.yaml');
    writeFileSync(
      spec,
      `asyncapi: 2.6.0
info: { title: User Service, version: 2.0.0 }
servers:
  prod: { url: 'broker:9092', protocol: kafka }
channels:
  user/signedup:
    parameters: {}
    subscribe:
      message:
        $ref: '#/components/messages/UserSignedUp'
  user/delete:
    publish:
      message:
        name: deleteUser
        payload: { type: object, properties: { id: { type: string } } }
components:
  messages:
    UserSignedUp:
      payload: { type: object, properties: { email: { type: string, format: email } } }
`,
    );
    expect((await cli(temp, 'import', 'asyncapi', spec, '--dir', 'asyncapi2')).code).toBe(0);
    const loaded = await loadCatalog(dir);
    expect(problems(loaded.diagnostics)).toEqual([]);
    const signedUp = latestOf(loaded.catalog, 'event', 'user-signed-up');
    expect(signedUp && producersOf(loaded.catalog, signedUp).map((p) => p.resource.id)).toEqual([
      'user-service',
    ]);
    const del = latestOf(loaded.catalog, 'command', 'delete-user');
    expect(del && consumersOf(loaded.catalog, del).map((p) => p.resource.id)).toEqual(['user-service']);
    expect(latestOf(loaded.catalog, 'channel', 'user-signedup')?.data).toMatchObject({
      address: 'user/signedup',
      protocols: ['kafka'],
    });
  });
});

describe('importing a spec into the catalog that documents it', () => {
  it('reuses channels by address, keeps schema file names and never lowers a version', async () => {
    const root = join(temp, 'acme');
    cpSync(acme, root, { recursive: true, filter: (src) => !src.includes('/dist') });
    const service = 'domains/Ordering/systems/order-management-system/services/OrderService';
    const cart = 'domains/Shopping/systems/cart-system/services/CartAPI';
    const asyncRun = await cli(
      root,
      'import',
      'asyncapi',
      `${service}/asyncapi.yml`,
      '--service-id',
      'order-service',
    );
    expect(asyncRun.code).toBe(0);
    expect(asyncRun.out).toContain(
      "note    event order-created is at 1.1.0, newer than the spec's 1.0.0; left unchanged.",
    );
    const openRun = await cli(root, 'import', 'openapi', `${cart}/openapi.yml`, '--service-id', 'cart-api');
    expect(openRun.code).toBe(0);

    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ids(resourcesOf(loaded.catalog, 'channel'))).not.toContain('order-events');
    const orderService = latestOf(loaded.catalog, 'service', 'order-service');
    expect(orderService?.data.sends?.find((s) => s.id === 'order-created')?.version).toBe('1.1.0');
    const getCart = latestOf(loaded.catalog, 'query', 'get-cart');
    expect(getCart?.data.schemaPath).toBe('schema.yaml');
    const spec = parse(readFileSync(join(root, cart, 'openapi.yml'), 'utf8'));
    // The response schema, with its $refs resolved, written as YAML into the file the query already named.
    const written = parse(readFileSync(join(root, cart, 'queries/GetCart/schema.yaml'), 'utf8'));
    const cartSchema = spec.components.schemas.Cart;
    expect(written.required).toEqual(cartSchema.required);
    expect(written.properties.status).toEqual(cartSchema.properties.status);
    expect(written.properties.lines.items.properties.unitPrice).toEqual(spec.components.schemas.Money);
  });
});

describe('switchyard import openapi: webhooks and Swagger 2.0', () => {
  const write = (name: string, text: string) => {
    const file = join(temp, name);
    writeFileSync(file, text);
    return file;
  };

  it('imports an OpenAPI 3.1 webhook as an event the service sends, with its payload schema', async () => {
    const spec = write(
      'webhooks.yml',
      [
        'openapi: 3.1.0',
        'info: { title: Parcel Hooks, version: 2.1.0 }',
        'webhooks:',
        '  parcelScanned:',
        '    post:',
        '      operationId: parcelScanned',
        '      summary: Parcel scanned',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema:',
        '              type: object',
        '              required: [parcelId]',
        '              properties: { parcelId: { type: string }, depot: { type: string } }',
        '      responses: { "200": { description: Received } }',
        'paths:',
        '  /parcels/{id}:',
        '    get:',
        '      operationId: getParcel',
        '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
        '      responses: { "200": { description: The parcel } }',
      ].join('\n'),
    );
    const dir = emptyCatalog('webhooks');
    const run = await cli(temp, 'import', 'openapi', spec, '--dir', 'webhooks');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const loaded = await loadCatalog(dir);
    expect(problems(loaded.diagnostics)).toEqual([]);
    const event = latestOf(loaded.catalog, 'event', 'parcel-scanned');
    expect(event?.data.name).toBe('Parcel scanned');
    expect(producersOf(loaded.catalog, event as Resource).map((p) => p.resource.id)).toEqual([
      'parcel-hooks',
    ]);
    const schema = JSON.parse(readFileSync(join(dir, event?.source.dir ?? '', 'schema.json'), 'utf8'));
    expect(schema.required).toEqual(['parcelId']);
    expect(latestOf(loaded.catalog, 'query', 'get-parcel')).toBeDefined();
    // Importing again changes nothing.
    const again = await cli(
      temp,
      'import',
      'openapi',
      spec,
      '--dir',
      'webhooks',
      '--service-id',
      'parcel-hooks',
    );
    expect(again.code).toBe(0);
    expect(resourcesOf((await loadCatalog(dir)).catalog, 'event')).toHaveLength(1);
  });

  it('imports a Swagger 2.0 document: body parameters and response schemas, and re-imports like 3.x', async () => {
    const swagger = (withDelete: boolean) =>
      [
        'swagger: "2.0"',
        'info: { title: Legacy Billing, version: 1.4.0 }',
        'basePath: /v1',
        'paths:',
        '  /invoices:',
        '    post:',
        '      operationId: createInvoice',
        '      parameters:',
        '        - in: body',
        '          name: invoice',
        '          schema: { $ref: "#/definitions/Invoice" }',
        '      responses: { "201": { description: Created } }',
        '  /invoices/{id}:',
        '    get:',
        '      operationId: getInvoice',
        '      parameters: [{ name: id, in: path, required: true, type: string }]',
        '      responses:',
        '        "200": { description: The invoice, schema: { $ref: "#/definitions/Invoice" } }',
        ...(withDelete
          ? [
              '    delete:',
              '      operationId: voidInvoice',
              '      responses: { "204": { description: Voided } }',
            ]
          : []),
        'definitions:',
        '  Invoice:',
        '    type: object',
        '    required: [amount]',
        '    properties: { amount: { type: number }, currency: { type: string } }',
      ].join('\n');
    const spec = write('swagger.yml', swagger(false));
    const dir = emptyCatalog('swagger');
    const run = await cli(temp, 'import', 'openapi', spec, '--dir', 'swagger');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    let loaded = await loadCatalog(dir);
    expect(problems(loaded.diagnostics)).toEqual([]);
    expect((await cli(temp, 'check', 'swagger')).code).toBe(0);
    const create = latestOf(loaded.catalog, 'command', 'create-invoice');
    const get = latestOf(loaded.catalog, 'query', 'get-invoice');
    for (const message of [create, get]) {
      const schema = JSON.parse(readFileSync(join(dir, message?.source.dir ?? '', 'schema.json'), 'utf8'));
      expect(schema.required).toEqual(['amount']);
    }
    expect((get?.data as { operation?: unknown } | undefined)?.operation).toEqual({
      method: 'GET',
      path: '/invoices/{id}',
      statusCodes: ['200'],
    });
    // A new operation in the spec: re-import adds it and keeps the rest.
    writeFileSync(spec, swagger(true));
    expect(
      (await cli(temp, 'import', 'openapi', spec, '--dir', 'swagger', '--service-id', 'legacy-billing')).code,
    ).toBe(0);
    loaded = await loadCatalog(dir);
    expect(latestOf(loaded.catalog, 'command', 'void-invoice')).toBeDefined();
    expect(
      consumersOf(loaded.catalog, latestOf(loaded.catalog, 'command', 'void-invoice') as Resource),
    ).toHaveLength(1);
  });

  it('refuses a document that is neither Swagger 2.0 nor OpenAPI 3.x, saying which it is', async () => {
    const spec = write('old.yml', 'swagger: "1.2"\ninfo: { title: Old, version: 1.0.0 }\npaths: {}\n');
    emptyCatalog('old');
    const run = await cli(temp, 'import', 'openapi', spec, '--dir', 'old');
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('Only Swagger 2.0 and OpenAPI 3.x are imported; this document says "1.2"');
  });
});
