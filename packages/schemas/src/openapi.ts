import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import type { Diagnostic } from '@switchyard/model';
import { locate, locatePointer } from './files.js';
import {
  fieldOfJsonSchema,
  fieldsOfJsonSchema,
  type JsonSchemaWalk,
  typeOfSchema,
} from './json-schema-fields.js';
import { openapiOperations } from './openapi-operations.js';
import { base, catalogResolver, resolveRefs } from './resolve-refs.js';
import { schemaProblem } from './result.js';
import type {
  ApiBody,
  ApiOperation,
  ApiParameter,
  ApiResponse,
  ApiSpec,
  ParsedSchema,
  ReadFile,
} from './types.js';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);

function parameterOf(p: Node, walk: JsonSchemaWalk): ApiParameter {
  const name = String(p.name ?? '');
  // OpenAPI 3 puts the type under `schema`; Swagger 2 writes it on the parameter itself.
  const schema = isNode(p.schema) ? p.schema : p;
  const field = fieldOfJsonSchema(name, schema, p.required === true, walk);
  const description = str(p.description);
  if (description) field.description = description;
  if (p.deprecated === true) field.deprecated = true;
  return { name, in: String(p.in ?? 'query'), field };
}

function bodiesOf(content: unknown, walk: JsonSchemaWalk): ApiBody[] {
  if (!isNode(content)) return [];
  return Object.entries(content).map(([contentType, media]) => {
    const schema = isNode(media) ? media.schema : undefined;
    return { contentType, type: typeOfSchema(schema, walk), fields: fieldsOfJsonSchema(schema, walk) };
  });
}

function operationOf(
  doc: Node,
  path: string,
  method: string,
  op: Node,
  shared: unknown[],
  walk: JsonSchemaWalk,
): ApiOperation {
  const swagger2 = typeof doc.swagger === 'string';
  const params = new Map<string, Node>();
  for (const p of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
    if (isNode(p)) params.set(`${p.in}:${p.name}`, p);
  }
  const parameters: ApiParameter[] = [];
  const requestBodies: ApiBody[] = [];
  const consumes = (
    Array.isArray(op.consumes)
      ? op.consumes
      : Array.isArray(doc.consumes)
        ? doc.consumes
        : ['application/json']
  ).map(String);
  const produces = (
    Array.isArray(op.produces)
      ? op.produces
      : Array.isArray(doc.produces)
        ? doc.produces
        : ['application/json']
  ).map(String);
  const form: Node[] = [];
  for (const p of params.values()) {
    if (swagger2 && p.in === 'body') {
      requestBodies.push({
        contentType: consumes[0] ?? 'application/json',
        type: typeOfSchema(p.schema, walk),
        fields: fieldsOfJsonSchema(p.schema, walk),
      });
    } else if (swagger2 && p.in === 'formData') form.push(p);
    else parameters.push(parameterOf(p, walk));
  }
  if (form.length > 0) {
    requestBodies.push({
      contentType: consumes.find((c) => c.includes('form')) ?? 'application/x-www-form-urlencoded',
      type: 'object',
      fields: form.map((p) => parameterOf(p, walk).field),
    });
  }
  if (isNode(op.requestBody)) requestBodies.push(...bodiesOf(op.requestBody.content, walk));
  const responses: ApiResponse[] = Object.entries(isNode(op.responses) ? op.responses : {}).map(
    ([status, r]) => {
      const response: ApiResponse = { status, bodies: [] };
      if (!isNode(r)) return response;
      const description = str(r.description);
      if (description) response.description = description;
      if (swagger2 && r.schema !== undefined) {
        response.bodies.push({
          contentType: produces[0] ?? 'application/json',
          type: typeOfSchema(r.schema, walk),
          fields: fieldsOfJsonSchema(r.schema, walk),
        });
      } else response.bodies.push(...bodiesOf(r.content, walk));
      return response;
    },
  );
  const operation: ApiOperation = {
    id: str(op.operationId) ?? `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
    deprecated: op.deprecated === true,
    parameters,
    requestBodies,
    responses,
    messages: [],
  };
  const summary = str(op.summary);
  const description = str(op.description);
  if (summary) operation.summary = summary;
  if (description) operation.description = description;
  return operation;
}

function specOf(doc: Node, walk: JsonSchemaWalk): ApiSpec {
  const info = isNode(doc.info) ? doc.info : {};
  const swagger2 = typeof doc.swagger === 'string';
  const spec: ApiSpec = {
    specVersion: swagger2 ? `Swagger ${doc.swagger}` : `OpenAPI ${doc.openapi}`,
    servers: [],
    operations: [],
    channels: [],
    messages: [],
    tags: (Array.isArray(doc.tags) ? doc.tags.filter(isNode) : []).map((t) => {
      const tag: ApiSpec['tags'][number] = { name: String(t.name) };
      const d = str(t.description);
      if (d) tag.description = d;
      return tag;
    }),
  };
  for (const [key, value] of [
    ['title', info.title],
    ['version', info.version],
    ['description', info.description],
  ] as const) {
    const v = str(value);
    if (v) spec[key] = v;
  }
  if (swagger2 && typeof doc.host === 'string') {
    const scheme = Array.isArray(doc.schemes) ? String(doc.schemes[0]) : 'https';
    spec.servers.push({ name: 'default', url: `${scheme}://${doc.host}${doc.basePath ?? ''}` });
  }
  for (const [i, s] of (Array.isArray(doc.servers) ? doc.servers.filter(isNode) : []).entries()) {
    const server: ApiSpec['servers'][number] = { name: String(i + 1), url: String(s.url ?? '') };
    const d = str(s.description);
    if (d) server.description = d;
    spec.servers.push(server);
  }
  for (const { path, method, op, shared, webhook } of openapiOperations(doc)) {
    spec.operations.push(operationOf(doc, `${webhook ? 'webhook ' : ''}${path}`, method, op, shared, walk));
  }
  return spec;
}

/** Validation problems of a bundled document (internal refs only), as warnings. */
async function validationProblems(file: string, text: string, bundled: unknown): Promise<Diagnostic[]> {
  try {
    // Loaded on first use: catalogs without OpenAPI specs do not pay for the validator.
    const { openapiProblems } = await import('./openapi-validate.js');
    const problems = await openapiProblems(bundled);
    const name = isNode(bundled) && bundled.swagger !== undefined ? 'Swagger' : 'OpenAPI';
    return problems
      .slice(0, 20)
      .map((p) =>
        schemaProblem(
          'schema-invalid',
          `${file} is not a valid ${name} document: ${p.message}.`,
          file,
          locatePointer(text, p.pointer),
        ),
      );
  } catch (error) {
    return [
      schemaProblem('schema-invalid', `${file} could not be validated: ${(error as Error).message}`, file, {
        line: 1,
        column: 1,
      }),
    ];
  }
}

/**
 * An OpenAPI 3.0/3.1 or Swagger 2 document (already read as data): `$ref`s resolved across catalog files,
 * validated (openapi-validate.ts), every operation with its parameters and bodies as field trees.
 */
export async function parseOpenapi(
  file: string,
  text: string,
  doc: Node,
  read: ReadFile,
): Promise<ParsedSchema> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const resolved = await resolveRefs(file, doc, read);
  for (const u of resolved.unresolved) {
    diagnostics.push(
      schemaProblem(
        'schema-unresolved-ref',
        `The $ref "${u.ref}" does not resolve: ${u.message}.`,
        file,
        locate(text, u.ref || undefined),
      ),
    );
  }
  // The validator reads one document: files it references are bundled in first (only when there are any).
  let bundled: unknown = doc;
  if (resolved.files.length > 0) {
    try {
      bundled = await new $RefParser().bundle(`${base}${file}`, structuredClone(doc), {
        resolve: { file: false, http: false, catalog: catalogResolver(read, files) } as never,
      });
    } catch {
      bundled = undefined; // Unresolvable references are reported above.
    }
  }
  if (bundled !== undefined && resolved.unresolved.length === 0)
    diagnostics.push(...(await validationProblems(file, text, bundled)));
  const walk = { refNames: resolved.refNames };
  const api = specOf(resolved.data as Node, walk);
  const result: ParsedSchema = {
    file,
    format: 'openapi',
    ok: true,
    fields: [],
    rootType: api.specVersion,
    types: [],
    api,
    diagnostics,
    files: [file, ...new Set(resolved.files)],
  };
  if (api.title) result.title = api.title;
  if (api.description) result.description = api.description;
  return result;
}
