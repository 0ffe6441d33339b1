import { describe, expect, it } from 'vitest';
import { lines, readFixture } from './_test-helpers.js';
import { parseSchemaFile } from './parse.js';

const problems = async (file: string) =>
  (await parseSchemaFile(file, readFixture)).diagnostics.map(
    (d) => `${d.code} ${d.severity} ${d.line}:${d.column} ${d.message}`,
  );

describe('files that do not parse give a diagnostic at their position, never a throw', () => {
  it.each([
    [
      'broken/trailing-comma.json',
      'schema-syntax error 1:64 broken/trailing-comma.json is not valid JSON or YAML: Expected double-quoted property name.',
    ],
    [
      'broken/bad-indent.yaml',
      'schema-syntax error 5:1 broken/bad-indent.yaml is not valid JSON or YAML: All mapping items must start at the same column.',
    ],
    [
      'broken/unknown-type.avsc',
      'schema-syntax error 6:31 broken/unknown-type.avsc is not a valid Avro schema: undefined type name: Timestamp.',
    ],
    [
      'broken/bad-field.proto',
      "schema-syntax error 4:1 broken/bad-field.proto is not valid Protobuf: illegal id ';'.",
    ],
    [
      'broken/syntax.graphql',
      'schema-syntax error 3:10 broken/syntax.graphql is not valid GraphQL: Syntax Error: Expected Name, found ":".',
    ],
    [
      'broken/unknown-type.graphql',
      'schema-invalid warning 2:19 broken/unknown-type.graphql is not valid GraphQL: Unknown type "Missing".',
    ],
    [
      'broken/asyncapi-no-operations-channel.yaml',
      'schema-invalid warning 7:5 broken/asyncapi-no-operations-channel.yaml is not a valid AsyncAPI 3 document: Invalid option: expected one of "send"|"receive" at operations.send.action.',
    ],
  ])('%s', async (file, expected) => {
    const result = await parseSchemaFile(file, readFixture);
    expect(result.ok).toBe(false);
    expect(result.fields).toEqual([]);
    expect(await problems(file)).toEqual([expected]);
  });

  it('reports each $ref that does not resolve, refuses to leave the root, and keeps the rest of the tree', async () => {
    const result = await parseSchemaFile('broken/missing-ref.json', readFixture);
    expect(result.ok).toBe(true);
    expect(lines(result.fields)).toEqual([
      'id: string',
      'address: address.json',
      'secret: passwd',
      'local: Nope',
    ]);
    expect(await problems('broken/missing-ref.json')).toEqual([
      'schema-unresolved-ref error 7:25 The $ref "#/$defs/Nope" does not resolve: Missing $ref pointer "#/$defs/Nope". Token "$defs" does not exist.',
      'schema-unresolved-ref error 5:27 The $ref "./nowhere/address.json" does not resolve: Error reading file "broken/nowhere/address.json".',
      'schema-unresolved-ref error 6:26 The $ref "../../../../etc/passwd" does not resolve: Error reading file "etc/passwd".',
    ]);
  });

  it('reports an OpenAPI document that breaks the specification as a warning, at the operation, and reads it', async () => {
    const result = await parseSchemaFile('broken/openapi-invalid.yaml', readFixture);
    expect(result.ok).toBe(true);
    expect(result.api?.operations.map((o) => o.id)).toEqual(['getOrder']);
    expect(await problems('broken/openapi-invalid.yaml')).toEqual([
      "schema-invalid warning 7:5 broken/openapi-invalid.yaml is not a valid OpenAPI document: GET /orders/{orderId} does not declare the path parameter `orderId` (add it to the operation's or the path's parameters, with `in: path`).",
    ]);
  });

  it('reports a Protobuf import that is not in the catalog and still reads the file', async () => {
    const result = await parseSchemaFile('broken/missing-import.proto', readFixture);
    expect(lines(result.fields)).toEqual(['id: string']);
    expect(await problems('broken/missing-import.proto')).toEqual([
      'schema-unresolved-ref error 3:1 The import "nowhere/missing.proto" is not a file of the catalog.',
    ]);
  });

  it('says so when a file named as a spec is not one', async () => {
    const r = await parseSchemaFile('json-schema/common/address.json', readFixture, { format: 'openapi' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.message).toMatch(/is not an OpenAPI document/);
  });
});
