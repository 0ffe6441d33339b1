import { type OpenapiOperation, openapiOperations, requestSchema, successSchema } from '@switchyard/schemas';
import { kebab, titleCase } from '../scaffold/names.js';
import type { ReadSpec } from './read-spec.js';
import {
  declaredKind,
  firstParagraph,
  type ImportedMessage,
  type ImportedService,
  type ImportOptions,
  isObject,
  type Json,
  stringOr,
} from './spec-model.js';

/**
 * An OpenAPI document → a service. Each operation of its paths is a command (or a query, for GET/HEAD) the
 * service receives; each webhook (OpenAPI 3.1) an event it sends, with the payload it posts. Swagger 2.0
 * is read as it is (body parameters, response schemas), the file kept as written: the site's API pages
 * read it too.
 */
export function fromOpenApi(spec: ReadSpec, options: ImportOptions): ImportedService {
  const doc = spec.document;
  const version = String(doc.openapi ?? doc.swagger);
  const known = typeof doc.openapi === 'string' ? doc.openapi.startsWith('3.') : doc.swagger === '2.0';
  if (!known)
    throw new Error(`Only Swagger 2.0 and OpenAPI 3.x are imported; this document says "${version}".`);
  const info = isObject(doc.info) ? doc.info : {};
  const title = stringOr(info.title) ?? 'API';
  const description = stringOr(info.description);
  const messages = openapiOperations(doc).map((operation) =>
    operation.webhook ? webhookMessage(doc, operation) : operationMessage(doc, operation),
  );
  const summary = stringOr(info.summary) ?? firstParagraph(description);
  return {
    id: options.serviceId ?? kebab(title),
    name: title,
    version: stringOr(info.version) ?? '1.0.0',
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    spec: { type: 'openapi', fileName: `openapi${spec.extension}`, text: spec.text },
    messages,
    channels: [],
  };
}

/** What operations and webhooks share: id, name, summary, description, schema. */
function described(op: Json, fallback: string, schema: unknown) {
  const operationId = stringOr(op.operationId);
  const summary = firstParagraph(stringOr(op.description)) ?? stringOr(op.summary);
  const description = stringOr(op.description);
  return {
    id: kebab(operationId ?? fallback),
    name: stringOr(op.summary) ?? titleCase(operationId ?? fallback),
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    ...(schema !== undefined
      ? { schema: { file: 'schema.json', content: `${JSON.stringify(schema, null, 2)}\n` } }
      : {}),
  };
}

function operationMessage(doc: Json, operation: OpenapiOperation): ImportedMessage {
  const { op, method, path } = operation;
  const kind = declaredKind(op) ?? (method === 'get' || method === 'head' ? 'query' : 'command');
  const responses = isObject(op.responses) ? op.responses : {};
  const schema = requestSchema(doc, operation) ?? successSchema(doc, operation);
  return {
    kind,
    ...described(op, `${method} ${path}`, schema),
    direction: 'receives',
    operation: { method: method.toUpperCase(), path, statusCodes: Object.keys(responses) },
  };
}

/** A webhook is an event the API sends to its subscribers; its request body is the event's payload. */
function webhookMessage(doc: Json, operation: OpenapiOperation): ImportedMessage {
  const { op, path: name } = operation;
  return {
    kind: declaredKind(op) ?? 'event',
    ...described(op, name, requestSchema(doc, operation)),
    direction: 'sends',
  };
}
