import { describe, expect, it } from 'vitest';
import { formatPath } from '../path.js';
import { validateFrontmatter } from '../validate.js';
import type { Kind } from './kind.js';
import { kindDef, kindDefs } from './registry.js';

const base = { id: 'x', name: 'X', version: '1.0.0', summary: 'A thing.', owners: ['team-a'] };
const pointer = [{ id: 'y', version: '^1.0.0' }];

/** One valid resource per kind, using the fields that kind is known for. */
const valid: Record<Kind, Record<string, unknown>> = {
  domain: {
    ...base,
    services: pointer,
    systems: pointer,
    domains: [{ id: 'sub' }],
    entities: pointer,
    flows: pointer,
  },
  system: {
    ...base,
    scope: 'external',
    services: [{ id: 's' }],
    relationships: [{ id: 'other', label: 'calls' }],
    actors: [{ id: 'shopper', name: 'Shopper', direction: 'inbound' }],
  },
  service: {
    ...base,
    sends: [{ id: 'e', version: '1.0.0', to: [{ id: 'c', delivery_mode: 'push' }] }],
    receives: [{ id: 'cmd', from: [{ id: 'c' }], triggers: [{ id: 'e2', condition: 'when valid' }] }],
    writesTo: pointer,
    readsFrom: pointer,
    repository: { language: 'Go', url: 'https://example.test/repo' },
    specifications: [{ type: 'openapi', path: 'openapi.yml', name: 'API' }],
  },
  event: {
    ...base,
    schemaPath: 'schema.json',
    badges: [{ content: 'New', backgroundColor: 'blue', textColor: 'blue' }],
  },
  command: { ...base, operation: { method: 'POST', path: '/orders', statusCodes: [200, '201'] } },
  query: { ...base, schemas: [{ path: 'request.json', name: 'Request' }], draft: { message: 'WIP' } },
  channel: {
    ...base,
    address: 'orders.{env}',
    protocols: ['kafka'],
    parameters: { env: { enum: ['prod'], description: 'Env' } },
  },
  container: { ...base, container_type: 'database', technology: 'postgres@16', authoritative: true },
  flow: {
    ...base,
    steps: [
      { id: 'a', title: 'A', actor: { name: 'Shopper' }, next_step: { id: 'b', label: 'go' } },
      { id: 'b', title: 'B', message: { id: 'm' }, next_steps: ['c', { id: 'd', label: 'fails' }] },
      { id: 'c', title: 'C', custom: { title: 'Done', color: 'green', properties: { k: 'v' } } },
      { id: 'd', title: 'D', externalSystem: { name: 'Stripe' } },
    ],
  },
  entity: {
    ...base,
    aggregateRoot: true,
    identifier: 'xId',
    properties: [
      {
        name: 'lines',
        type: 'array',
        items: { type: 'object', properties: [{ name: 'sku', type: 'string' }] },
      },
    ],
  },
  agent: { ...base, sends: pointer },
  adr: {
    ...base,
    status: 'accepted',
    date: '2026-01-01',
    decisionMakers: ['team-a'],
    appliesTo: [{ type: 'service', id: 's' }],
  },
  'data-product': { ...base, inputs: pointer, outputs: [{ id: 'z' }] },
  diagram: { ...base },
  team: { id: 't', name: 'T', members: ['u'], email: 't@example.test' },
  user: { id: 'u', name: 'U', role: 'Engineer', associatedTeams: ['t'] },
  doc: { title: 'Guide', summary: 'How to.', sidebar: { label: 'Guide', order: 1 }, owners: ['t'] },
  changelog: { createdAt: '2026-01-01' },
  'ubiquitous-language': { dictionary: [{ id: 'order', name: 'Order', summary: 'A purchase.' }] },
};

/** Starting from the valid resource, one changed field and the diagnostic it must give. */
const broken: [Kind, string, (d: Record<string, unknown>) => void, string, string][] = [
  [
    'domain',
    'a subdomain pointer without id',
    (d) => {
      d.domains = [{ version: '1.0.0' }];
    },
    'missing-required-field',
    'domains[0]',
  ],
  [
    'system',
    'an unknown scope',
    (d) => {
      d.scope = 'partner';
    },
    'invalid-frontmatter',
    'scope',
  ],
  [
    'service',
    'a channel pointer with a typo',
    (d) => {
      d.sends = [{ id: 'e', to: [{ idd: 'c' }] }];
    },
    'unknown-field',
    'sends[0].to[0].idd',
  ],
  [
    'event',
    'a number as name',
    (d) => {
      d.name = 42;
    },
    'invalid-frontmatter',
    'name',
  ],
  [
    'command',
    'an unquoted decimal version',
    (d) => {
      d.version = 1.2;
    },
    'invalid-version',
    'version',
  ],
  [
    'query',
    'a version that cannot be ordered',
    (d) => {
      d.version = 'banana';
    },
    'invalid-version',
    'version',
  ],
  [
    'channel',
    'protocols as a string',
    (d) => {
      d.protocols = 'kafka';
    },
    'invalid-frontmatter',
    'protocols',
  ],
  [
    'container',
    'an unknown container type',
    (d) => {
      d.container_type = 'mainframe';
    },
    'invalid-frontmatter',
    'container_type',
  ],
  [
    'flow',
    'a next step that does not exist',
    (d) => {
      const [first] = d.steps as { next_step?: unknown }[];
      if (first) first.next_step = 'zz';
    },
    'flow-step-unknown-next',
    'steps[0].next_step',
  ],
  [
    'entity',
    'a property without type',
    (d) => {
      d.properties = [{ name: 'a' }];
    },
    'missing-required-field',
    'properties[0]',
  ],
  [
    'agent',
    'a missing name',
    (d) => {
      delete d.name;
    },
    'missing-required-field',
    '',
  ],
  [
    'adr',
    'an unknown status',
    (d) => {
      d.status = 'maybe';
    },
    'invalid-frontmatter',
    'status',
  ],
  [
    'data-product',
    'outputs as a mapping',
    (d) => {
      d.outputs = { id: 'z' };
    },
    'invalid-frontmatter',
    'outputs',
  ],
  [
    'diagram',
    'an unknown field',
    (d) => {
      d.colour = 'red';
    },
    'unknown-field',
    'colour',
  ],
  [
    'team',
    'members as a string',
    (d) => {
      d.members = 'u';
    },
    'invalid-frontmatter',
    'members',
  ],
  [
    'user',
    'a missing id',
    (d) => {
      delete d.id;
    },
    'missing-id',
    '',
  ],
  [
    'doc',
    'a missing summary',
    (d) => {
      delete d.summary;
    },
    'missing-required-field',
    '',
  ],
  [
    'changelog',
    'badges as a string',
    (d) => {
      d.badges = 'new';
    },
    'invalid-frontmatter',
    'badges',
  ],
  [
    'ubiquitous-language',
    'a term without name',
    (d) => {
      d.dictionary = [{ id: 'a' }];
    },
    'missing-required-field',
    'dictionary[0]',
  ],
];

describe('kind schemas', () => {
  it('cover every kind', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(kindDefs).sort());
    expect(new Set(broken.map(([k]) => k)).size).toBe(Object.keys(kindDefs).length);
  });

  it.each(Object.entries(valid))('a valid %s passes with no issues and keeps x- fields', (kind, data) => {
    const result = validateFrontmatter(kindDef(kind as Kind), { ...data, 'x-cost-centre': 'CC-1' });
    expect(result.issues).toEqual([]);
    expect(result.data).toBeDefined();
    expect(result.custom).toEqual({ 'x-cost-centre': 'CC-1' });
  });

  it.each(broken)('%s with %s gives %s at %s', (kind, _what, change, code, path) => {
    const data = structuredClone(valid[kind]);
    change(data);
    const result = validateFrontmatter(kindDef(kind), data);
    expect(result.issues.map((i) => [i.code, formatPath(i.path)])).toContainEqual([code, path]);
  });

  it('keeps a resource whose optional field is wrong, without that field', () => {
    const result = validateFrontmatter(kindDef('service'), { ...valid.service, badges: 'oops' });
    expect(result.data).toMatchObject({ id: 'x', name: 'X' });
    expect((result.data as { badges?: unknown }).badges).toBeUndefined();
  });

  it('drops a resource whose required field is wrong', () => {
    expect(validateFrontmatter(kindDef('event'), { ...valid.event, id: ['a'] }).data).toBeUndefined();
  });

  it('suggests the field meant by a typo', () => {
    const [issue] = validateFrontmatter(kindDef('service'), { ...valid.service, recieves: [] }).issues;
    expect(issue?.hint).toContain('"receives"');
  });

  it('refuses frontmatter that is not a mapping', () => {
    expect(validateFrontmatter(kindDef('event'), ['a']).issues[0]?.message).toMatch(/mapping/);
  });
});
