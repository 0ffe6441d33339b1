import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Client as SdkClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, stdioClient, textOf } from './_process.test-helpers.js';

type Structured = Record<string, unknown>;
const keys = (list: unknown) => (list as { key: string }[]).map((x) => x.key);

describe('switchyard mcp over stdio, on examples/acme', () => {
  let client: Client;
  let stderr: () => string;
  beforeAll(async () => {
    ({ client, stderr } = await stdioClient());
  }, 60_000);
  afterAll(async () => {
    await client?.close();
  });
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    return { result, text: textOf(result), data: result.structuredContent as Structured };
  };

  it('lists its tools, each with a description and an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'diff_revisions',
      'explain_flow',
      'find_messages_by_field',
      'get_owners',
      'get_producers_and_consumers',
      'get_reactions',
      'get_resource',
      'get_schema',
      'get_service_messages',
      'impact_of_change',
      'search_catalog',
    ]);
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(60);
      expect(Object.keys(tool.inputSchema.properties ?? {}).length, tool.name).toBeGreaterThan(0);
    }
    expect(stderr()).toContain('serving');
  });

  it('searches the catalog', async () => {
    const { data, text } = await call('search_catalog', { query: 'order created' });
    expect(keys(data.results)[0]).toBe('event:order-created@1.1.0');
    expect(text).toContain('[Order Created](/docs/events/order-created/1.1.0)');
  });

  it('gets a resource with its Markdown page and relations', async () => {
    const { data, text } = await call('get_resource', { ref: 'event:order-created' });
    expect(text).toMatch(/^# Order Created\n/);
    expect(text).toContain('- Version: 1.1.0');
    expect(text).toContain('## Relations');
    expect(data.key).toBe('event:order-created@1.1.0');
    const older = await call('get_resource', { ref: 'event:order-created@1.0.0' });
    expect(older.data.version).toBe('1.0.0');
  });

  it('names the producers and consumers of order-created', async () => {
    const { data, text } = await call('get_producers_and_consumers', { ref: 'event:order-created' });
    expect(keys(data.producers)).toEqual(['service:order-service@1.0.0']);
    expect(keys(data.consumers).sort()).toEqual([
      'service:checkout-orchestrator@1.0.0',
      'service:fulfilment-service@1.0.0',
    ]);
    expect(text).toContain('via [Order Events]');
  });

  it('says what a service sends and receives', async () => {
    const { data } = await call('get_service_messages', { ref: 'service:inventory-service' });
    expect(keys(data.sends)).toContain('event:inventory-reserved@1.0.0');
    expect(keys(data.receives)).toContain('command:reserve-inventory@1.0.0');
  });

  it('explains Place an Order step by step', async () => {
    const { data, text } = await call('explain_flow', { ref: 'flow:place-an-order' });
    const steps = data.steps as { title: string; resource?: { key: string }; next: { id: string }[] }[];
    expect(steps[0]?.title).toBe('Shopper presses Place order');
    expect(steps[1]?.resource?.key).toBe('command:checkout-cart@1.0.0');
    expect(text).toContain('1. **Shopper presses Place order** — actor Shopper');
    expect(text).toContain('Next: Checkout Cart (Submit checkout)');
  });

  it('returns a schema as written', async () => {
    const { data, text } = await call('get_schema', { ref: 'command:reserve-inventory' });
    expect(data.format).toBe('proto');
    expect(text).toContain('```protobuf');
    expect(text).toContain('message ReserveInventory {');
  });

  it('names owners with their contacts', async () => {
    const { data, text } = await call('get_owners', { ref: 'event:order-created' });
    const teams = data.teams as { key: string; email?: string; members: { key: string }[] }[];
    expect(teams[0]?.key).toBe('team:ordering-platform');
    expect(teams[0]?.email).toBe('ordering-platform@acme.example.com');
    expect(keys(teams[0]?.members)).toContain('user:lena-fischer');
    expect(text).toContain('ordering-platform@acme.example.com');
  });

  it('reports the impact of changing reserve-inventory', async () => {
    const { data, text } = await call('impact_of_change', { ref: 'command:reserve-inventory' });
    const consumers = (data.consumers as { resource: { key: string }; distance: number }[]).filter(
      (c) => c.distance === 1,
    );
    expect(consumers.map((c) => c.resource.key)).toEqual(['service:inventory-service@1.0.0']);
    expect(keys(data.flows)).toEqual(
      expect.arrayContaining(['flow:place-an-order@1.0.0', 'flow:checkout-saga@1.0.0']),
    );
    expect(text).toContain('# Impact of changing [Reserve Inventory]');
    expect(text).toContain('## What it causes');
  });

  it("answers what a message causes and what causes an event, from the services' triggers", async () => {
    const causes = await call('get_reactions', { ref: 'command:reserve-inventory' });
    const sent = (list: unknown) => (list as { sent: { key: string } }[]).map((r) => r.sent.key);
    expect(sent(causes.data.causes)).toEqual(
      expect.arrayContaining(['event:inventory-reserved@1.0.0', 'event:inventory-reservation-failed@1.0.0']),
    );
    expect(causes.text).toMatch(
      /\[Inventory Service\]\([^)]*\) receives \[Reserve Inventory\].* and sends \[Inventory Reserved\]\([^)]*\) when every line fits within available stock/,
    );
    const causedBy = await call('get_reactions', { ref: 'event:inventory-reserved' });
    const received = (causedBy.data.causedBy as { received: { key: string }; depth: number }[])
      .filter((r) => r.depth === 1)
      .map((r) => r.received.key);
    expect(received).toEqual(['command:reserve-inventory@1.0.0']);
    expect(causedBy.text).toContain('## What causes it');
    const none = await call('get_reactions', { ref: 'team:ordering-platform' });
    expect(none.text).toContain('No service declares a trigger for it');
  });

  it('finds the messages carrying orderId, whatever the schema format', async () => {
    const { data, text } = await call('find_messages_by_field', { field: 'order_id' });
    const found = keys(data.messages);
    expect(found).toEqual(
      expect.arrayContaining([
        'event:order-created@1.1.0',
        'event:order-cancelled@1.0.0',
        'event:shipment-dispatched@1.0.0',
      ]),
    );
    expect(found).not.toContain('command:reserve-inventory@1.0.0');
    expect(text).toContain('`orderId` (string, required)');
    expect((await call('find_messages_by_field', { field: 'noSuchFieldAnywhere' })).text).toContain(
      'No message schema',
    );
  });

  it('diffs two git revisions, and refuses what is not one', async () => {
    const { result, data } = await call('diff_revisions', { base: 'HEAD' });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(data.format).toBe('switchyard-diff/1');
    const option = await call('diff_revisions', { base: '--output=/tmp/x' });
    expect(option.result.isError).toBe(true);
    const missing = await call('diff_revisions', { base: 'no-such-revision-anywhere' });
    expect(missing.result.isError).toBe(true);
    expect(missing.text).toContain('neither a folder nor a git revision');
  });

  it('answers bad arguments with a tool error and keeps serving', async () => {
    for (const [name, args, message] of [
      ['get_resource', {}, /ref/],
      ['search_catalog', { query: 'x', limit: 500 }, /limit/],
      ['get_resource', { ref: 'event:no-such-event' }, /No event has the id "no-such-event"/],
      ['get_resource', { ref: 'wizard:merlin' }, /"wizard" is not a kind/],
      ['get_producers_and_consumers', { ref: 'service:order-service' }, /not a message/],
      ['explain_flow', { ref: 'event:order-created' }, /not a flow/],
      ['get_schema', { ref: 'team:ordering-platform' }, /names no schema/],
    ] as const) {
      const { result, text } = await call(name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(text).toMatch(message);
    }
    expect((await call('search_catalog', { query: 'payment' })).result.isError).toBeFalsy();
  });

  it('offers every page as a Markdown resource, and a change-review prompt', async () => {
    const { resources } = await client.listResources();
    const uri = 'switchyard://page/event%3Aorder-created%401.1.0';
    expect(resources.map((r) => r.uri)).toContain(uri);
    const read = await client.readResource({ uri });
    expect((read.contents[0] as { text: string }).text).toMatch(/^# Order Created/);
    const prompt = await client.getPrompt({
      name: 'review_change',
      arguments: { ref: 'command:reserve-inventory' },
    });
    expect((prompt.messages[0]?.content as { text?: string } | undefined)?.text).toContain(
      'impact_of_change',
    );
  });
});

describe('switchyard mcp --scope domain:payments', () => {
  let client: Client;
  beforeAll(async () => {
    ({ client } = await stdioClient(['--scope', 'domain:payments']));
  }, 60_000);
  afterAll(async () => {
    await client?.close();
  });

  it('does not reveal resources outside the domain', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).not.toContain('diff_revisions');
    const fields = await client.callTool({
      name: 'find_messages_by_field',
      arguments: { field: 'checkoutId' },
    });
    const carriers = keys((fields.structuredContent as Structured).messages);
    expect(carriers).toContain('event:payment-authorized@1.0.0');
    expect(carriers).not.toContain('event:order-created@1.1.0');
    const hidden = await client.callTool({ name: 'get_resource', arguments: { ref: 'event:order-created' } });
    expect(hidden.isError).toBe(true);
    expect(textOf(hidden)).not.toContain('Order Created');
    const search = await client.callTool({
      name: 'search_catalog',
      arguments: { query: 'order', limit: 50 },
    });
    for (const key of keys((search.structuredContent as Structured).results))
      expect(key).not.toMatch(/order-service|order-created|checkout/);
    const { resources } = await client.listResources();
    const uris = resources.map((r) => decodeURIComponent(r.uri));
    expect(uris).toContain('switchyard://page/service:payment-service@1.0.0');
    expect(uris).toContain('switchyard://page/service:fraud-screening-service@1.0.0');
    expect(uris.some((u) => /order-service|inventory|cart-api/.test(u))).toBe(false);
    await expect(
      client.readResource({ uri: 'switchyard://page/service%3Aorder-service%401.0.0' }),
    ).rejects.toThrow();
  });

  it('still answers inside the domain, without naming outside peers', async () => {
    const result = await client.callTool({
      name: 'get_service_messages',
      arguments: { ref: 'service:payment-service' },
    });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as Structured;
    expect(keys(data.sends).length).toBeGreaterThan(0);
    const impact = await client.callTool({
      name: 'impact_of_change',
      arguments: { ref: 'service:payment-service' },
    });
    expect(textOf(impact)).not.toMatch(/checkout-orchestrator|order-service/);
  });
});

describe('switchyard mcp --http with a bearer token', () => {
  let url: string;
  let child: Awaited<ReturnType<typeof httpServer>>['child'];
  beforeAll(async () => {
    ({ url, child } = await httpServer(['--token', 'sesame']));
  }, 60_000);
  afterAll(() => {
    child?.kill();
  });

  it('refuses requests without the token', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    const wrong = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('serves the tools to the SDK client over Streamable HTTP', async () => {
    const client = new SdkClient({ name: 'switchyard-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: 'Bearer sesame' } },
    });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBe(11);
      const result = await client.callTool({
        name: 'get_producers_and_consumers',
        arguments: { ref: 'event:order-created' },
      });
      expect(keys((result.structuredContent as Structured).producers)).toEqual([
        'service:order-service@1.0.0',
      ]);
      const bad = await client.callTool({ name: 'explain_flow', arguments: { ref: 42 } });
      expect(bad.isError).toBe(true);
    } finally {
      await client.close();
    }
  });
});
