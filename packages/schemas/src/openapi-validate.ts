import type { Validator } from '@seriousme/openapi-schema-validator';

/**
 * OpenAPI validation (Swagger 2.0, OpenAPI 3.0 and 3.1), compiled once per process: the document against
 * its version's JSON Schema (@seriousme/openapi-schema-validator keeps one Ajv and compiles each version's
 * schema on first use: measured 190 ms once, then 1-3 ms a document, where a validator made per document
 * took 65-90 ms each), then the rules a JSON Schema cannot state (path parameters, unique operationIds).
 */

/** A problem at a JSON pointer into the document (`/paths/~1orders/get`). */
export interface OpenapiProblem {
  pointer: string;
  message: string;
}

/** Ajv errors past this many add noise, not news (a `oneOf` miss reports every branch). */
const maxSchemaErrors = 5;

let validator: Promise<Validator> | undefined;
/** How many validators this process made: one (a test holds the module to it). */
export const validatorStats = { made: 0 };

function sharedValidator(): Promise<Validator> {
  validator ??= import('@seriousme/openapi-schema-validator').then(({ Validator: Made }) => {
    validatorStats.made++;
    return new Made({ allErrors: false });
  });
  return validator;
}

/** Every problem of a bundled document (its `$ref`s internal only), schema first; empty when valid. */
export async function openapiProblems(doc: unknown): Promise<OpenapiProblem[]> {
  const checked = await (await sharedValidator()).validate(structuredClone(doc) as Record<string, unknown>);
  if (!checked.valid) {
    if (typeof checked.errors === 'string') return [{ pointer: '', message: checked.errors }];
    const seen = new Set<string>();
    const problems: OpenapiProblem[] = [];
    for (const e of checked.errors ?? []) {
      const message = `${e.instancePath || 'the document'} ${e.message ?? 'is invalid'}${detail(e.params)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      // A property that should not be there is located at itself, not at the object holding it.
      const extra = e.params?.additionalProperty;
      const pointer =
        typeof extra === 'string' ? `${e.instancePath}/${escapePointer(extra)}` : e.instancePath;
      problems.push({ pointer, message });
      if (problems.length === maxSchemaErrors) break;
    }
    return problems;
  }
  return specRules(doc as Doc);
}

/** What Ajv's parameters add to its message: the property it did not expect, the values it allows. */
function detail(params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  if (typeof params.additionalProperty === 'string') return ` (\`${params.additionalProperty}\`)`;
  if (Array.isArray(params.allowedValues)) return ` (${params.allowedValues.join(', ')})`;
  return '';
}

type Doc = Record<string, unknown>;
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** A local `$ref` (`#/components/parameters/Id`) followed, at most ten deep. */
function follow(doc: Doc, value: unknown): unknown {
  let at = value;
  for (let depth = 0; depth < 10 && isObject(at) && typeof at.$ref === 'string'; depth++) {
    const ref = at.$ref;
    if (!ref.startsWith('#/')) return at;
    at = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
  }
  return at;
}

/** Names of the path parameters a parameter list declares. */
function pathParameters(doc: Doc, list: unknown): Set<string> {
  const names = new Set<string>();
  for (const raw of Array.isArray(list) ? list : []) {
    const p = follow(doc, raw);
    if (isObject(p) && p.in === 'path' && typeof p.name === 'string') names.add(p.name);
  }
  return names;
}

/**
 * The rules of the specification that its JSON Schema cannot state: every `{name}` of a path is a path
 * parameter of each of its operations, every path parameter is in the path, and operationIds are unique.
 */
function specRules(doc: Doc): OpenapiProblem[] {
  const problems: OpenapiProblem[] = [];
  const operationIds = new Map<string, string>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = follow(doc, rawItem);
    if (!isObject(item)) continue;
    const templated = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string));
    const shared = pathParameters(doc, item.parameters);
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = `/paths/${escapePointer(path)}/${method}`;
      const where = `${method.toUpperCase()} ${path}`;
      const declared = new Set([...shared, ...pathParameters(doc, operation.parameters)]);
      const missing = [...templated].filter((name) => !declared.has(name));
      if (missing.length > 0)
        problems.push({
          pointer,
          message: `${where} does not declare the path parameter${missing.length > 1 ? 's' : ''} ${missing.map((n) => `\`${n}\``).join(', ')} (add it to the operation's or the path's parameters, with \`in: path\`)`,
        });
      for (const name of declared)
        if (!templated.has(name))
          problems.push({
            pointer,
            message: `${where} declares the path parameter \`${name}\`, which its path does not have`,
          });
      const id = operation.operationId;
      if (typeof id !== 'string') continue;
      const first = operationIds.get(id);
      if (first)
        problems.push({
          pointer,
          message: `${where} has the operationId \`${id}\` of ${first} (operationIds are unique)`,
        });
      else operationIds.set(id, where);
    }
  }
  return problems;
}
