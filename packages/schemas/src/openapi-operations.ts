/**
 * How an OpenAPI document lists its operations, for every version Switchyard reads: Swagger 2.0 and
 * OpenAPI 3.0/3.1, paths and (3.1) webhooks. The spec viewer (`openapi.ts`) and the importer read
 * operations and their payload schemas through here, so both agree on what a document holds.
 */

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface OpenapiOperation {
  /** The path (`/carts/{id}`) or, for a webhook, its name (`newPet`). */
  path: string;
  method: HttpMethod;
  op: Node;
  /** Parameters the path item gives all its operations. */
  shared: unknown[];
  /** A 3.1 webhook: a request the API sends to its subscribers, not one it receives. */
  webhook: boolean;
}

/** `swagger: "2.0"` rather than `openapi: 3.x`. */
export const isSwagger2 = (doc: Node) => typeof doc.swagger === 'string';

/** Every operation of the document: its paths', then its webhooks'. */
export function openapiOperations(doc: Node): OpenapiOperation[] {
  const out: OpenapiOperation[] = [];
  const groups: [unknown, boolean][] = [
    [doc.paths, false],
    [doc.webhooks, true],
  ];
  for (const [paths, webhook] of groups) {
    if (!isNode(paths)) continue;
    for (const [path, item] of Object.entries(paths)) {
      if (!isNode(item)) continue;
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      for (const method of httpMethods) {
        const op = item[method];
        if (isNode(op)) out.push({ path, method, op, shared, webhook });
      }
    }
  }
  return out;
}

/** The JSON (or first) media type's schema of a 3.x request body or response. */
function contentSchema(holder: unknown): unknown {
  if (!isNode(holder) || !isNode(holder.content)) return undefined;
  const content = holder.content;
  const type = Object.keys(content).find((t) => /json/.test(t)) ?? Object.keys(content)[0];
  const media = type ? content[type] : undefined;
  return isNode(media) && media.schema !== undefined ? media.schema : undefined;
}

/** The schema of an operation's request body: 3.x `requestBody`, or Swagger 2.0's `in: body` parameter. */
export function requestSchema(doc: Node, operation: Pick<OpenapiOperation, 'op' | 'shared'>): unknown {
  if (!isSwagger2(doc)) return contentSchema(operation.op.requestBody);
  const params = [
    ...operation.shared,
    ...(Array.isArray(operation.op.parameters) ? operation.op.parameters : []),
  ];
  const body = params.find((p) => isNode(p) && p.in === 'body');
  return isNode(body) ? body.schema : undefined;
}

/** The schema of an operation's first successful (2xx) response that has one. */
export function successSchema(doc: Node, operation: Pick<OpenapiOperation, 'op'>): unknown {
  const responses = isNode(operation.op.responses) ? operation.op.responses : {};
  for (const [code, response] of Object.entries(responses)) {
    if (!/^2/.test(code)) continue;
    const schema = isSwagger2(doc)
      ? isNode(response)
        ? response.schema
        : undefined
      : contentSchema(response);
    if (schema !== undefined) return schema;
  }
  return undefined;
}
