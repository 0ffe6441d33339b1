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

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** An OpenAPI 3.x document → a service that receives one command (or query, for GET/HEAD) per operation. */
export function fromOpenApi(spec: ReadSpec, options: ImportOptions): ImportedService {
  const doc = spec.document;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new Error(
      `Only OpenAPI 3.x is imported; this document says "${String(doc.openapi ?? doc.swagger)}".`,
    );
  }
  const info = isObject(doc.info) ? doc.info : {};
  const title = stringOr(info.title) ?? 'API';
  const description = stringOr(info.description);
  const messages: ImportedMessage[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const op = item[method];
      if (!isObject(op)) continue;
      messages.push(operationMessage(path, method, op));
    }
  }
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

function operationMessage(path: string, method: (typeof methods)[number], op: Json): ImportedMessage {
  const operationId = stringOr(op.operationId);
  const id = kebab(operationId ?? `${method} ${path}`);
  const kind = declaredKind(op) ?? (method === 'get' || method === 'head' ? 'query' : 'command');
  const responses = isObject(op.responses) ? op.responses : {};
  const schema = contentSchema(op.requestBody) ?? successSchema(responses);
  const summary = firstParagraph(stringOr(op.description)) ?? stringOr(op.summary);
  const description = stringOr(op.description);
  return {
    kind,
    id,
    name: stringOr(op.summary) ?? titleCase(operationId ?? `${method} ${path}`),
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    direction: 'receives',
    ...(schema ? { schema: { file: 'schema.json', content: `${JSON.stringify(schema, null, 2)}\n` } } : {}),
    operation: { method: method.toUpperCase(), path, statusCodes: Object.keys(responses) },
  };
}

/** The JSON (or first) media type's schema of a request body or response. */
function contentSchema(holder: unknown): unknown {
  if (!isObject(holder) || !isObject(holder.content)) return undefined;
  const content = holder.content;
  const type = Object.keys(content).find((t) => /json/.test(t)) ?? Object.keys(content)[0];
  const media = type ? content[type] : undefined;
  return isObject(media) && media.schema !== undefined ? media.schema : undefined;
}

function successSchema(responses: Json): unknown {
  for (const [code, response] of Object.entries(responses)) {
    if (/^2/.test(code)) {
      const schema = contentSchema(response);
      if (schema !== undefined) return schema;
    }
  }
  return undefined;
}
