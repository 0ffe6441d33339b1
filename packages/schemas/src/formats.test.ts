import { describe, expect, it } from 'vitest';
import { fieldAt, lines, readFixture } from './_test-helpers.js';
import { parseSchemaFile } from './parse.js';

describe('Avro', () => {
  it('reads nested arrays of records, maps, unions, enums, logical types, defaults and multi-line docs', async () => {
    const r = await parseSchemaFile('avro/order-placed.avsc', readFixture);
    expect(r.format).toBe('avro');
    expect(r.diagnostics).toEqual([]);
    expect(r.description).toBe('An order was placed.\nSent once, when the customer confirms checkout.');
    expect(lines(r.fields)).toEqual([
      'orderId: string *',
      'lines: array<OrderLine> *',
      'lines[].sku: string *',
      'lines[].quantity: int',
      'lines[].discounts: array<Discount>',
      'lines[].discounts[].code: string *',
      'lines[].discounts[].amount: bytes *',
      'status: Status',
      'attributes: map<string, string>',
      'coupon: null | string',
      'placedAt: long *',
      'previous: null | OrderLine',
      'previous.sku: string *',
      'previous.quantity: int',
      'previous.discounts: array<Discount>',
      'previous.discounts[].code: string *',
      'previous.discounts[].amount: bytes *',
    ]);
    expect(fieldAt(r.fields, 'lines')?.description).toBe('What was ordered,\none line per product.');
    expect(fieldAt(r.fields, 'orderId')?.constraints).toEqual({ logicalType: 'uuid' });
    expect(fieldAt(r.fields, 'placedAt')?.constraints).toEqual({ logicalType: 'timestamp-millis' });
    expect(fieldAt(r.fields, 'lines[].discounts[].amount')?.constraints).toEqual({
      logicalType: 'decimal',
      precision: 10,
      scale: 2,
    });
    expect(fieldAt(r.fields, 'lines[].quantity')?.constraints).toEqual({ default: '1' });
    expect(fieldAt(r.fields, 'status')).toMatchObject({
      enum: ['NEW', 'PAID', 'SHIPPED'],
      constraints: { default: 'NEW' },
    });
    expect(r.types.map((t) => `${t.kind} ${t.name}`)).toEqual([
      'record OrderPlaced',
      'record OrderLine',
      'record Discount',
      'enum Status',
    ]);
  });
});

describe('Protobuf', () => {
  it('reads messages, nested messages, enums, oneofs and maps, with types from an imported file and a well-known type', async () => {
    const r = await parseSchemaFile('protobuf/order.proto', readFixture);
    expect(r.diagnostics).toEqual([]);
    expect(r.files).toEqual(['protobuf/order.proto', 'protobuf/common/money.proto']);
    expect(r.title).toBe('OrderPlaced');
    expect(r.description).toBe('An order was placed.');
    expect(lines(r.fields)).toEqual([
      'order_id: string',
      'lines: repeated Line',
      'lines[].sku: string',
      'lines[].quantity: int32',
      'lines[].unit_price: Money',
      'lines[].unit_price.currency_code: string',
      'lines[].unit_price.units: int64',
      'lines[].unit_price.nanos: int32',
      'total: Money',
      'total.currency_code: string',
      'total.units: int64',
      'total.nanos: int32',
      'status: Status',
      'labels: map<string, string>',
      'card_token: string',
      'iban: string',
      'placed_at: Timestamp',
      'placed_at.seconds: int64',
      'placed_at.nanos: int32',
    ]);
    expect(fieldAt(r.fields, 'order_id')).toMatchObject({
      description: "The order's id.",
      constraints: { tag: 1 },
    });
    expect(fieldAt(r.fields, 'total.currency_code')?.description).toBe('ISO 4217 code.');
    expect(fieldAt(r.fields, 'status')?.enum).toEqual(['STATUS_UNSPECIFIED', 'STATUS_PLACED', 'STATUS_PAID']);
    expect(fieldAt(r.fields, 'iban')?.constraints).toEqual({ tag: 7, oneof: 'payment' });
    // The file's own types, not the imported ones.
    expect(r.types.map((t) => `${t.kind} ${t.name}`)).toEqual([
      'message acme.orders.OrderPlaced',
      'message acme.orders.OrderPlaced.Line',
      'enum acme.orders.OrderPlaced.Status',
    ]);
  });
});

describe('GraphQL', () => {
  it('reads types, and Query and Mutation fields as operations with arguments and result fields', async () => {
    const r = await parseSchemaFile('graphql/shop.graphql', readFixture);
    expect(r.diagnostics).toEqual([]);
    expect(r.types.map((t) => `${t.kind} ${t.name}`)).toEqual([
      'type Query',
      'type Mutation',
      'type Order',
      'type OrderLine',
      'type Customer',
      'enum OrderStatus',
    ]);
    const ops = r.api?.operations ?? [];
    expect(ops.map((o) => `${o.method} ${o.id}: ${o.path}`)).toEqual([
      'QUERY order: Order',
      'QUERY orders: [Order!]!',
      'MUTATION cancelOrder: Order',
    ]);
    const orders = ops[1];
    expect(orders?.parameters.map((p) => `${p.name}: ${p.field.type}`)).toEqual([
      'first: Int',
      'status: OrderStatus',
    ]);
    expect(orders?.parameters[0]?.field.constraints).toEqual({ default: '10' });
    expect(ops[0]?.description).toBe('One order by id.');
    expect(lines(ops[0]?.responses[0]?.bodies[0]?.fields ?? []).slice(0, 6)).toEqual([
      'id: ID! *',
      'status: OrderStatus! *',
      'lines: [OrderLine!]! *',
      'lines.sku: String! *',
      'lines.quantity: Int! *',
      'lines.order: Order ↻',
    ]);
    const customer = r.types.find((t) => t.name === 'Customer');
    expect(customer?.fields.find((f) => f.name === 'email')).toMatchObject({
      deprecated: true,
      constraints: { deprecated: 'Use contact.email' },
    });
  });
});

describe('OpenAPI', () => {
  it('reads an OpenAPI 3.1 document with $refs to another file: operations, parameters and bodies', async () => {
    const r = await parseSchemaFile('openapi/orders-3.1.yaml', readFixture);
    expect(r.format).toBe('openapi');
    expect(r.diagnostics).toEqual([]);
    expect(r.files).toEqual(['openapi/orders-3.1.yaml', 'openapi/components/order.yaml']);
    const api = r.api;
    expect(api).toMatchObject({ specVersion: 'OpenAPI 3.1.0', title: 'Orders API', version: '2.0.0' });
    expect(api?.servers).toEqual([{ name: '1', url: 'https://api.acme.test/v2', description: 'Production' }]);
    expect(api?.tags).toEqual([{ name: 'orders', description: 'Orders and their lines.' }]);
    const [get, post] = api?.operations ?? [];
    expect(get).toMatchObject({
      id: 'getOrder',
      method: 'GET',
      path: '/orders/{orderId}',
      summary: 'Read one order',
    });
    expect(
      get?.parameters.map((p) => `${p.in} ${p.name}: ${p.field.type}${p.field.required ? ' *' : ''}`),
    ).toEqual(['path orderId: string *', 'query expand: array<string>']);
    expect(get?.parameters[0]?.field.description).toBe("The order's id.");
    expect(get?.responses.map((x) => x.status)).toEqual(['200', '404']);
    const ok = get?.responses[0]?.bodies[0];
    expect(ok?.contentType).toBe('application/json');
    expect(ok?.type).toBe('Order');
    expect(lines(ok?.fields ?? [])).toEqual([
      'id: string *',
      'status: Status *',
      'lines: array<OrderLine>',
      'lines[].sku: string *',
      'lines[].quantity: integer',
    ]);
    expect(fieldAt(ok?.fields ?? [], 'status')?.enum).toEqual(['placed', 'paid', 'shipped']);
    expect(post?.requestBodies[0]?.type).toBe('NewOrder');
    expect(lines(post?.requestBodies[0]?.fields ?? [])).toEqual([
      'lines: array<OrderLine> *',
      'lines[].sku: string *',
      'lines[].quantity: integer',
      'coupon: string | null',
    ]);
  });

  it('reads Swagger 2: body parameters become request bodies, response schemas bodies', async () => {
    const r = await parseSchemaFile('openapi/petstore-swagger-2.json', readFixture);
    expect(r.diagnostics).toEqual([]);
    expect(r.api?.specVersion).toBe('Swagger 2.0');
    expect(r.api?.servers[0]?.url).toBe('https://pets.acme.test/v1');
    const op = r.api?.operations[0];
    expect(op?.parameters.map((p) => `${p.in} ${p.name}`)).toEqual(['header X-Request-Id']);
    expect(lines(op?.requestBodies[0]?.fields ?? [])).toEqual(['name: string *', 'tag: string']);
    expect(op?.responses[0]?.bodies[0]?.type).toBe('Pet');
  });
});

describe('AsyncAPI', () => {
  it('reads AsyncAPI 2: channels with parameters, publish/subscribe as receive/send, payloads from other files', async () => {
    const r = await parseSchemaFile('asyncapi/orders-v2.yaml', readFixture);
    expect(r.diagnostics).toEqual([]);
    const api = r.api;
    expect(api?.specVersion).toBe('AsyncAPI 2.6.0');
    expect(api?.servers).toEqual([{ name: 'production', url: 'kafka://broker.acme.test:9092' }]);
    expect(api?.channels.map((c) => `${c.name}: ${c.messages.join(', ')}`)).toEqual([
      'orders.{region}.placed: OrderPlaced',
      'orders.cancel: CancelOrder',
    ]);
    expect(api?.channels[0]?.parameters[0]).toMatchObject({
      name: 'region',
      enum: ['eu', 'us'],
      description: 'The sales region.',
    });
    expect(api?.operations.map((o) => `${o.method} ${o.id} ${o.channel} [${o.messages}] ${o.tags}`)).toEqual([
      'SEND onOrderPlaced orders.{region}.placed [OrderPlaced] orders',
      'RECEIVE cancelOrder orders.cancel [CancelOrder] ',
    ]);
    const placed = api?.messages.find((m) => m.name === 'OrderPlaced');
    expect(placed).toMatchObject({
      title: 'Order placed',
      contentType: 'application/json',
      payloadType: 'OrderPlaced',
    });
    expect(placed?.payload.map((f) => f.path)).toEqual(['orderId', 'total', 'shipTo', 'billTo', 'note']);
    expect(JSON.parse(placed?.examples[0] ?? '')).toEqual({
      orderId: '0b6f7a1e-3a44-4c52-9b3e-8d7d2d9f0e11',
    });
  });

  it('reads AsyncAPI 3: operations point at channels and their messages by $ref', async () => {
    const r = await parseSchemaFile('asyncapi/orders-v3.yaml', readFixture);
    expect(r.diagnostics).toEqual([]);
    const api = r.api;
    expect(api?.channels).toEqual([
      {
        name: 'orderEvents',
        address: 'orders.events',
        description: 'Every order event.',
        parameters: [],
        messages: ['OrderPlaced', 'OrderCancelled'],
      },
    ]);
    expect(api?.operations.map((o) => `${o.method} ${o.id} ${o.channel} ${o.path} [${o.messages}]`)).toEqual([
      'SEND publishOrderPlaced orderEvents orders.events [OrderPlaced]',
      'RECEIVE receiveCancellations orderEvents orders.events [OrderCancelled]',
    ]);
    expect(lines(api?.messages[0]?.payload ?? [])).toEqual([
      'street: string *',
      'postcode: string',
      'country: string *',
    ]);
    expect(lines(api?.messages[1]?.payload ?? [])).toEqual(['orderId: string', 'reason: string']);
  });
});
