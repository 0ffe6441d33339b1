import {
  buildASTSchema,
  type GraphQLArgument,
  GraphQLEnumType,
  GraphQLError,
  type GraphQLField,
  type GraphQLInputField,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  type GraphQLNamedType,
  GraphQLObjectType,
  GraphQLUnionType,
  getNamedType,
  isNonNullType,
  parse,
  validateSchema,
} from 'graphql';
import { locate } from './files.js';
import { failed, schemaProblem } from './result.js';
import type { ApiOperation, Field, NamedType, ParsedSchema } from './types.js';

/** How far a return type is expanded under an operation: GraphQL types refer to each other freely. */
const bodyDepth = 3;

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField | GraphQLArgument;

function fieldOf(f: AnyField, parent: string, depth: number, ancestors: Set<GraphQLNamedType>): Field {
  const path = parent ? `${parent}.${f.name}` : f.name;
  const field: Field = {
    name: f.name,
    path,
    type: String(f.type),
    required: isNonNullType(f.type),
    constraints: {},
    children: [],
  };
  if (f.description) field.description = f.description.trim();
  if (f.deprecationReason) {
    field.deprecated = true;
    field.constraints.deprecated = f.deprecationReason;
  }
  if ('defaultValue' in f && f.defaultValue !== undefined)
    field.constraints.default = JSON.stringify(f.defaultValue);
  if ('args' in f && f.args.length > 0)
    field.constraints.arguments = f.args.map((a) => `${a.name}: ${a.type}`).join(', ');
  const named = getNamedType(f.type);
  if (named instanceof GraphQLEnumType) field.enum = named.getValues().map((v) => v.name);
  if (ancestors.has(named)) field.recursive = true;
  else if (depth > 0) field.children = childrenOf(named, path, depth - 1, new Set(ancestors).add(named));
  return field;
}

function childrenOf(
  type: GraphQLNamedType,
  path: string,
  depth: number,
  ancestors: Set<GraphQLNamedType>,
): Field[] {
  if (
    type instanceof GraphQLObjectType ||
    type instanceof GraphQLInterfaceType ||
    type instanceof GraphQLInputObjectType
  ) {
    return Object.values(type.getFields()).map((f) => fieldOf(f, path, depth, ancestors));
  }
  return [];
}

const kindOf = (t: GraphQLNamedType) =>
  t instanceof GraphQLObjectType
    ? 'type'
    : t instanceof GraphQLInputObjectType
      ? 'input'
      : t instanceof GraphQLInterfaceType
        ? 'interface'
        : t instanceof GraphQLEnumType
          ? 'enum'
          : t instanceof GraphQLUnionType
            ? 'union'
            : 'scalar';

/** GraphQL SDL, read by graphql-js: every type with its fields, and Query/Mutation/Subscription as operations. */
export function parseGraphql(file: string, text: string): ParsedSchema {
  let schema: ReturnType<typeof buildASTSchema>;
  try {
    schema = buildASTSchema(parse(text));
  } catch (error) {
    const at = error instanceof GraphQLError ? error.locations?.[0] : undefined;
    const code =
      error instanceof GraphQLError && /^Syntax Error/.test(error.message)
        ? 'schema-syntax'
        : 'schema-invalid';
    return failed(file, 'graphql', [
      schemaProblem(
        code,
        `${file} is not valid GraphQL: ${(error as Error).message}`,
        file,
        at ?? locate(text, /"(\w+)"/.exec((error as Error).message)?.[1]),
      ),
    ]);
  }
  const diagnostics = validateSchema(schema).map((e) =>
    schemaProblem(
      'schema-invalid',
      `${file}: ${e.message}`,
      file,
      e.locations?.[0] ?? { line: 1, column: 1 },
    ),
  );
  const types: NamedType[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || (t.astNode === undefined && !t.extensionASTNodes.length)) continue;
    const type: NamedType = { name: t.name, kind: kindOf(t), fields: childrenOf(t, '', 0, new Set([t])) };
    if (t.description) type.description = t.description.trim();
    if (t instanceof GraphQLEnumType) type.enum = t.getValues().map((v) => v.name);
    if (t instanceof GraphQLUnionType) type.enum = t.getTypes().map((v) => v.name);
    types.push(type);
  }
  const operations: ApiOperation[] = [];
  for (const [method, root] of [
    ['QUERY', schema.getQueryType()],
    ['MUTATION', schema.getMutationType()],
    ['SUBSCRIPTION', schema.getSubscriptionType()],
  ] as const) {
    for (const f of Object.values(root?.getFields() ?? {})) {
      const named = getNamedType(f.type);
      const op: ApiOperation = {
        id: f.name,
        method,
        path: String(f.type),
        tags: [method.toLowerCase()],
        deprecated: Boolean(f.deprecationReason),
        parameters: f.args.map((a) => ({
          name: a.name,
          in: 'argument',
          field: fieldOf(a, '', 1, new Set()),
        })),
        requestBodies: [],
        responses: [
          {
            status: 'result',
            bodies: [
              {
                contentType: 'application/graphql-response+json',
                type: String(f.type),
                fields: childrenOf(named, '', bodyDepth, new Set([named])),
              },
            ],
          },
        ],
        messages: [],
      };
      if (f.description) op.description = f.description.trim();
      operations.push(op);
    }
  }
  return {
    file,
    format: 'graphql',
    ok: true,
    fields: [],
    rootType: 'schema',
    types,
    api: { specVersion: 'GraphQL', servers: [], operations, channels: [], messages: [], tags: [] },
    diagnostics,
    files: [file],
  };
}
