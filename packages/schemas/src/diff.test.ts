import { describe, expect, it } from 'vitest';
import { readFixture } from './_test-helpers.js';
import { checkExample } from './check-example.js';
import { diffFields, diffText } from './diff.js';
import { FieldIndex } from './field-index.js';
import { parseSchemaText } from './parse.js';

const v1 = JSON.stringify({
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string' }, total: { type: 'number' }, note: { type: 'string' } },
});
const v2 = JSON.stringify({
  type: 'object',
  required: ['orderId', 'total'],
  properties: {
    orderId: { type: 'string' },
    total: { type: 'integer' },
    items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
  },
});

describe('diffFields', () => {
  it('lists fields added, removed, whose type changed and whose required-ness changed', async () => {
    const a = await parseSchemaText('a/schema.json', v1, readFixture);
    const b = await parseSchemaText('b/schema.json', v2, readFixture);
    expect(diffFields(a, b).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'type-changed total',
      'required-changed total',
      'removed note',
      'added items',
      'added items[].sku',
    ]);
    expect(diffFields(a, a)).toEqual([]);
  });

  it('writes a unified text diff', () => {
    const patch = diffText('0.1.0/schema.json', 'a\nb\n', '0.2.0/schema.json', 'a\nc\n');
    expect(patch).toContain('--- 0.1.0/schema.json');
    expect(patch).toContain('-b\n+c');
  });
});

describe('FieldIndex', () => {
  it('answers which schemas carry a field, ignoring case, "_" and "-"', async () => {
    const index = new FieldIndex();
    index.add('event:order-placed@1.0.0', await parseSchemaText('a/schema.json', v2, readFixture));
    index.add(
      'event:order-proto@1.0.0',
      await parseSchemaText('protobuf/order.proto', readFixture('protobuf/order.proto') ?? '', readFixture),
    );
    index.add(
      'event:customer@1.0.0',
      await parseSchemaText(
        'json-schema/customer.schema.yaml',
        readFixture('json-schema/customer.schema.yaml') ?? '',
        readFixture,
      ),
    );
    expect(index.ownersOf('orderId')).toEqual(['event:order-placed@1.0.0', 'event:order-proto@1.0.0']);
    expect(index.find('ORDER_ID').map((u) => `${u.owner} ${u.path}: ${u.type}`)).toEqual([
      'event:order-placed@1.0.0 orderId: string',
      'event:order-proto@1.0.0 order_id: string',
    ]);
    expect(index.ownersOf('sku')).toEqual(['event:order-placed@1.0.0', 'event:order-proto@1.0.0']);
    expect(index.names('event:customer@1.0.0')).toEqual(
      expect.arrayContaining(['customerId', 'email', 'optIn', 'channels', 'tier']),
    );
    expect(index.find('nothing')).toEqual([]);
  });
});

describe('checkExample', () => {
  it('finds missing required fields, wrong types and values outside an enum, at any depth', async () => {
    const schema = await parseSchemaText(
      'json-schema/external-ref.json',
      readFixture('json-schema/external-ref.json') ?? '',
      readFixture,
    );
    const good = {
      orderId: 'o-1',
      total: { amount: 1200, currency: 'EUR' },
      shipTo: { street: 'Main 1', country: 'NL' },
      note: null,
      extra: 'allowed',
    };
    expect(checkExample(schema.fields, good)).toEqual([]);
    const bad = { total: { amount: 'twelve', currency: 'EUR' }, shipTo: { street: 'Main 1', country: 'BE' } };
    expect(checkExample(schema.fields, bad)).toEqual([
      'orderId is required but missing',
      'total.amount should be integer but is string',
      'shipTo.country is "BE", not one of NL, DE, FR',
    ]);
    expect(checkExample(schema.fields, [1])).toEqual(['The example is not an object']);
  });
});
