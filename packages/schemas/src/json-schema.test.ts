import { describe, expect, it } from 'vitest';
import { fieldAt, lines, readFixture } from './_test-helpers.js';
import { parseSchemaFile } from './parse.js';

describe('JSON Schema', () => {
  it('resolves $refs to other files (relative to the schema) and to pointers inside them', async () => {
    const r = await parseSchemaFile('json-schema/external-ref.json', readFixture);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(r.files).toEqual([
      'json-schema/external-ref.json',
      'json-schema/common/money.json',
      'json-schema/common/address.json',
    ]);
    expect(r.title).toBe('OrderPlaced');
    expect(lines(r.fields)).toEqual([
      'orderId: string *',
      'total: Money *',
      'total.amount: integer *',
      'total.currency: string *',
      'shipTo: Address *',
      'shipTo.street: string *',
      'shipTo.postcode: string',
      'shipTo.country: string *',
      'billTo: Address',
      'billTo.street: string *',
      'billTo.postcode: string',
      'billTo.country: string *',
      'note: string | null',
    ]);
    expect(fieldAt(r.fields, 'orderId')).toMatchObject({
      constraints: { format: 'uuid' },
      examples: ['0b6f7a1e-3a44-4c52-9b3e-8d7d2d9f0e11'],
    });
    expect(fieldAt(r.fields, 'total.amount')).toMatchObject({
      description: 'In minor units (cents).',
      constraints: { minimum: 0 },
    });
    expect(fieldAt(r.fields, 'total.currency')).toMatchObject({
      constraints: { minLength: 3, maxLength: 3 },
      examples: ['EUR'],
    });
    expect(fieldAt(r.fields, 'shipTo.country')?.enum).toEqual(['NL', 'DE', 'FR']);
    expect(fieldAt(r.fields, 'shipTo.postcode')?.constraints).toEqual({ pattern: '^[0-9A-Z ]{3,10}$' });
    expect(fieldAt(r.fields, 'note')?.constraints).toEqual({ maxLength: 500, default: 'null' });
  });

  it('cuts a $ref cycle where a schema meets its ancestor, marking the field recursive', async () => {
    const r = await parseSchemaFile('json-schema/cycle.json', readFixture);
    expect(r.diagnostics).toEqual([]);
    expect(lines(r.fields)).toEqual([
      'name: string *',
      'parent: Category',
      'parent.name: string *',
      'parent.parent: Category ↻',
      'parent.children: array<Category>',
      'parent.children[].name: string *',
      'parent.children[].parent: Category ↻',
      'parent.children[].children: array<Category> ↻',
      'children: array<Category>',
      'children[].name: string *',
      'children[].parent: Category',
      'children[].parent.name: string *',
      'children[].parent.parent: Category ↻',
      'children[].parent.children: array<Category> ↻',
      'children[].children: array<Category> ↻',
    ]);
  });

  it('reads a JSON Schema written in YAML, with a multi-line description, enums on array items and oneOf', async () => {
    const r = await parseSchemaFile('json-schema/customer.schema.yaml', readFixture);
    expect(r.format).toBe('json-schema');
    expect(r.description).toBe('A customer registered.\nSent once per customer.');
    expect(lines(r.fields)).toEqual([
      'customerId: string *',
      'email: string *',
      'marketing: object',
      'marketing.optIn: boolean',
      'marketing.channels: array<string>',
      'tier: string | null',
    ]);
    expect(fieldAt(r.fields, 'email')?.constraints).toEqual({ format: 'email' });
    expect(fieldAt(r.fields, 'marketing.optIn')?.constraints).toEqual({ default: 'false' });
    expect(fieldAt(r.fields, 'marketing.channels')?.enum).toEqual(['email', 'sms']);
  });
});
