import { describe, expect, it } from 'vitest';
import { locatePointer } from './files.js';
import { openapiProblems, validatorStats } from './openapi-validate.js';

const responses = { '200': { description: 'ok' } };
const v30 = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: '3.0.3',
  info: { title: 'Shipments', version: '1.0.0' },
  paths,
  ...extra,
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

describe('OpenAPI validation', () => {
  it('accepts valid Swagger 2.0, OpenAPI 3.0 and 3.1 documents, with one validator for the process', async () => {
    const docs = [
      { swagger: '2.0', info: { title: 'Old', version: '1' }, paths: { '/a': { get: { responses } } } },
      v30({ '/shipments/{id}': { get: { parameters: [idParam], responses } } }),
      {
        openapi: '3.1.0',
        info: { title: 'New', version: '1' },
        webhooks: { shipped: { post: { responses } } },
      },
    ];
    for (let i = 0; i < 3; i++) for (const doc of docs) expect(await openapiProblems(doc)).toEqual([]);
    expect(validatorStats.made).toBe(1);
  });

  it('reports what the schema refuses, at its pointer', async () => {
    const problems = await openapiProblems(v30({ '/a': { get: { responses } } }, { info: { version: '1' } }));
    expect(problems[0]?.pointer).toBe('/info');
    expect(problems[0]?.message).toContain('title');
  });

  it('reports path parameters missing from an operation or from the path, found through $refs', async () => {
    const doc = v30(
      {
        '/shipments/{id}/{leg}': {
          parameters: [{ $ref: '#/components/parameters/Id' }],
          get: { responses },
          put: {
            parameters: [{ name: 'leg', in: 'path', required: true, schema: { type: 'string' } }],
            responses,
          },
        },
        '/depots': { get: { parameters: [idParam], responses } },
      },
      { components: { parameters: { Id: idParam } } },
    );
    expect((await openapiProblems(doc)).map((p) => `${p.pointer} ${p.message}`)).toEqual([
      "/paths/~1shipments~1{id}~1{leg}/get GET /shipments/{id}/{leg} does not declare the path parameter `leg` (add it to the operation's or the path's parameters, with `in: path`)",
      '/paths/~1depots/get GET /depots declares the path parameter `id`, which its path does not have',
    ]);
  });

  it('reports an operationId used twice', async () => {
    const doc = v30({
      '/a': { get: { operationId: 'list', responses } },
      '/b': { get: { operationId: 'list', responses } },
    });
    expect((await openapiProblems(doc)).map((p) => p.message)).toEqual([
      'GET /b has the operationId `list` of GET /a (operationIds are unique)',
    ]);
  });
});

describe('locatePointer', () => {
  it('finds a segment where it is written as a key, not where the word first appears', () => {
    const yaml = "paths:\n  /a:\n    $ref: '#/definitions/A'\ndefinitions:\n  A:\n    type: object\n";
    expect(locatePointer(yaml, '/definitions')).toEqual({ line: 4, column: 1 });
  });
});
