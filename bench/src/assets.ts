import { kebab } from './build.js';
import type { Container, Message, Service } from './model.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const fieldSchemas: Record<string, Json> = {
  status: {
    type: 'string',
    enum: ['PENDING', 'ACTIVE', 'COMPLETED', 'CANCELLED'],
    description: 'Lifecycle status.',
  },
  amount: { type: 'integer', minimum: 0, description: 'Amount in minor units (cents).' },
  currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code.' },
  quantity: { type: 'integer', minimum: 1 },
  reason: { type: 'string', maxLength: 500, description: 'Free-text reason, shown to support staff.' },
  customerId: { type: 'string', format: 'uuid' },
  correlationId: { type: 'string', description: 'Carried from the request that started the journey.' },
  salesChannel: { type: 'string', enum: ['WEB', 'APP', 'STORE', 'PARTNER'], default: 'WEB' },
  region: { type: 'string', enum: ['eu-west-1', 'us-east-1', 'ap-southeast-2'] },
  notes: { type: ['string', 'null'], default: null },
  tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  expiresAt: { type: 'string', format: 'date-time' },
  priority: { type: 'string', enum: ['LOW', 'NORMAL', 'HIGH'], default: 'NORMAL' },
  source: { type: 'string', description: 'The system that caused the change.' },
  lineItems: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['sku', 'quantity'],
      properties: {
        sku: { type: 'string' },
        quantity: { type: 'integer', minimum: 1 },
        unitPrice: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
  },
  address: {
    type: 'object',
    required: ['line1', 'city', 'country'],
    properties: {
      line1: { type: 'string' },
      line2: { type: 'string' },
      city: { type: 'string' },
      postcode: { type: 'string' },
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
    },
    additionalProperties: false,
  },
  email: { type: 'string', format: 'email' },
  reference: { type: 'string', description: 'Human-readable reference quoted to customers.' },
  attempt: { type: 'integer', minimum: 1, description: 'Delivery attempt, starting at 1.' },
  discount: { type: 'integer', minimum: 0 },
  sku: { type: 'string' },
  warehouseId: { type: 'string' },
  carrier: { type: 'string', enum: ['DHL', 'UPS', 'DPD', 'ROYAL_MAIL', 'POSTNL'] },
  trackingNumber: { type: 'string' },
  tenantId: { type: 'string' },
  metadata: { type: 'object', additionalProperties: { type: 'string' } },
};

const examples: Record<string, Json> = {
  status: 'ACTIVE',
  amount: 12999,
  currency: 'EUR',
  quantity: 2,
  reason: 'Customer changed their mind',
  customerId: '3f6c1d2a-8b1e-4c55-9d0e-2a7b9c4e1f30',
  correlationId: 'req-7d1e9a',
  salesChannel: 'WEB',
  region: 'eu-west-1',
  notes: null,
  tags: ['gift', 'express'],
  expiresAt: '2025-11-30T23:59:59Z',
  priority: 'NORMAL',
  source: 'web-storefront',
  lineItems: [{ sku: 'SKU-1042', quantity: 2, unitPrice: 4999 }],
  address: {
    line1: '12 Market Street',
    line2: 'Floor 3',
    city: 'Rotterdam',
    postcode: '3011 AB',
    country: 'NL',
  },
  email: 'jane.doe@example.com',
  reference: 'ACM-2025-004211',
  attempt: 1,
  discount: 500,
  sku: 'SKU-1042',
  warehouseId: 'WH-AMS-2',
  carrier: 'DPD',
  trackingNumber: '05212345678901',
  tenantId: 'acme-nl',
  metadata: { campaign: 'spring-sale' },
};

export function fieldSchema(field: string): Json {
  if (field in fieldSchemas) return fieldSchemas[field] as Json;
  if (field.endsWith('At')) return { type: 'string', format: 'date-time' };
  return { type: 'string', format: 'uuid', description: `Identifier of the ${field.slice(0, -2)}.` };
}

/** Other values for the second example of a message. */
const variants: Record<string, Json> = {
  status: 'COMPLETED',
  amount: 4500,
  currency: 'GBP',
  quantity: 1,
  salesChannel: 'APP',
  priority: 'HIGH',
  carrier: 'UPS',
  tags: [],
  attempt: 3,
};

export function example(field: string, variant = 0): Json {
  if (variant > 0 && field in variants) return variants[field] as Json;
  if (field in examples) return examples[field] as Json;
  if (field.endsWith('At')) return '2025-06-01T09:30:00Z';
  return 'b1c2d3e4-0000-4a5b-8c9d-0e1f2a3b4c5d';
}

/** A JSON Schema (2020-12) for one version of a message. */
export function messageSchema(m: Message, version: string, fields: readonly string[]): string {
  const properties: Record<string, Json> = {};
  for (const f of fields) properties[f] = fieldSchema(f);
  const schema: Json = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schemas.acme.example.com/${m.kind}s/${m.id}/${version}.json`,
    title: m.name,
    description: `Payload of ${m.name} ${version}, published by ${m.service.name}.`,
    type: 'object',
    required: fields.slice(0, 2),
    properties,
    additionalProperties: false,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** An example payload for a message, for the body's code block. */
export function examplePayload(fields: readonly string[], variant = 0, dropNulls = false): string {
  const payload: Record<string, Json> = {};
  for (const f of fields) {
    const value = example(f, variant);
    if (value !== null || !dropNulls) payload[f] = value;
  }
  return JSON.stringify(payload, null, 2);
}

/** A small OpenAPI 3 document for a service's HTTP API. */
export function openapi(s: Service): string {
  const resource = kebab(s.entity);
  const queries = s.messages.filter((m) => m.kind === 'query');
  const lines = [
    'openapi: 3.0.3',
    'info:',
    `  title: ${s.name}`,
    `  version: ${s.version}`,
    `  description: HTTP API of the ${s.name}.`,
    'servers:',
    `  - url: https://api.acme.example.com/${resource}`,
    'paths:',
    `  /${resource}s/{id}:`,
    '    get:',
    `      operationId: read-one-${resource}`,
    `      summary: Read one ${s.entity}`,
    '      parameters:',
    '        - name: id',
    '          in: path',
    '          required: true',
    '          schema:',
    '            type: string',
    '      responses:',
    "        '200':",
    `          description: The ${s.entity}`,
    "        '404':",
    '          description: Not found',
  ];
  for (const q of queries) {
    lines.push(
      `  /${resource}s/${q.id}:`,
      '    get:',
      `      operationId: query-${q.id}`,
      `      summary: ${q.name}`,
      '      responses:',
      "        '200':",
      '          description: OK',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** DDL for a database data store. */
export function schemaSql(c: Container): string {
  const table = c.id.replace(/-/g, '_');
  return [
    `-- ${c.name} (${c.technology})`,
    `CREATE TABLE ${table} (`,
    '  id UUID PRIMARY KEY,',
    "  status TEXT NOT NULL DEFAULT 'PENDING',",
    '  payload JSONB NOT NULL,',
    '  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),',
    '  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()',
    ');',
    '',
    'CREATE TABLE outbox (',
    '  id BIGSERIAL PRIMARY KEY,',
    '  topic TEXT NOT NULL,',
    '  key TEXT NOT NULL,',
    '  payload JSONB NOT NULL,',
    '  published_at TIMESTAMPTZ',
    ');',
    '',
    `CREATE INDEX ${table}_status_idx ON ${table} (status);`,
    '',
  ].join('\n');
}
