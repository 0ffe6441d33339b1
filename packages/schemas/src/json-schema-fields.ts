import type { Field } from './types.js';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

const constraintKeys = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
] as const;

/** How deep a tree goes before it stops expanding (specs with very deep or wide schemas stay bounded). */
const maxDepth = 12;

export interface JsonSchemaWalk {
  /** Names of the `$ref` targets, by the dereferenced object (`#/$defs/Address` → `Address`). */
  refNames?: WeakMap<object, string>;
}

const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The variants of a oneOf/anyOf, and the parts of an allOf merged into one schema. */
function merged(node: Node): Node {
  if (!Array.isArray(node.allOf)) return node;
  const out: Node = { ...node, properties: { ...(isNode(node.properties) ? node.properties : {}) } };
  const required = new Set<string>(Array.isArray(node.required) ? (node.required as string[]) : []);
  for (const part of node.allOf) {
    if (!isNode(part)) continue;
    const p = merged(part);
    if (isNode(p.properties)) Object.assign(out.properties as Node, p.properties);
    if (Array.isArray(p.required)) for (const r of p.required) required.add(String(r));
    for (const key of ['type', 'description', 'items', 'enum', 'format'] as const) {
      if (out[key] === undefined && p[key] !== undefined) out[key] = p[key];
    }
  }
  out.required = [...required];
  delete out.allOf;
  return out;
}

const variantsOf = (node: Node): Node[] =>
  [node.oneOf, node.anyOf].flatMap((list) => (Array.isArray(list) ? list.filter(isNode) : []));

/** The type of a schema as written: `string`, `string | null`, `array<Address>`, `Order`. */
export function typeOfSchema(raw: unknown, walk: JsonSchemaWalk = {}, depth = 0): string {
  if (raw === true) return 'any';
  if (!isNode(raw)) return 'unknown';
  // A reference is shown by its name when it names a structure or a set of values, not a bare primitive.
  const named = walk.refNames?.get(raw);
  if (
    named &&
    (isNode(raw.properties) ||
      raw.type === 'object' ||
      raw.type === 'array' ||
      raw.enum ||
      raw.allOf ||
      raw.oneOf ||
      raw.anyOf)
  )
    return named;
  if (typeof raw.$ref === 'string') return raw.$ref.split('/').pop() ?? raw.$ref;
  const node = merged(raw);
  const variants = variantsOf(node);
  if (variants.length > 0 && depth < 4) {
    return [...new Set(variants.map((v) => typeOfSchema(v, walk, depth + 1)))].join(' | ');
  }
  const types = Array.isArray(node.type) ? node.type.map(String) : node.type ? [String(node.type)] : [];
  if (types.length === 0) {
    if (isNode(node.properties)) types.push('object');
    else if (node.items) types.push('array');
    else if (node.const !== undefined) types.push(typeof node.const);
    else if (Array.isArray(node.enum)) types.push(typeof node.enum[0]);
  }
  if (node.nullable === true && !types.includes('null')) types.push('null');
  const written = types.map((t) => {
    if (t === 'array') {
      const items = Array.isArray(node.items) ? node.items[0] : node.items;
      return `array<${items === undefined ? 'any' : typeOfSchema(items, walk, depth + 1)}>`;
    }
    if (t === 'object' && isNode(node.additionalProperties) && !isNode(node.properties)) {
      return `map<string, ${typeOfSchema(node.additionalProperties, walk, depth + 1)}>`;
    }
    return t;
  });
  return written.length > 0 ? written.join(' | ') : 'any';
}

/** The schema whose properties describe this one's children: itself, its array items, or its map values. */
function container(node: Node): { schema: Node; suffix: string } | undefined {
  const m = merged(node);
  if (isNode(m.properties) || variantsOf(m).length > 0) return { schema: m, suffix: '' };
  const items = Array.isArray(m.items) ? m.items[0] : m.items;
  if (isNode(items)) return { schema: merged(items), suffix: '[]' };
  if (isNode(m.additionalProperties)) return { schema: merged(m.additionalProperties), suffix: '{}' };
  return undefined;
}

function propertiesOf(node: Node): { props: Node; required: Set<string> } {
  const props: Node = { ...(isNode(node.properties) ? node.properties : {}) };
  const required = new Set<string>(Array.isArray(node.required) ? node.required.map(String) : []);
  const variants = variantsOf(node).map(merged);
  if (variants.length > 0) {
    // Properties of any variant are offered; a property is required only if every variant requires it.
    const requiredSets = variants.map(
      (v) => new Set(Array.isArray(v.required) ? v.required.map(String) : []),
    );
    const requiredByAll = [...(requiredSets[0] ?? [])].filter((name) =>
      requiredSets.every((r) => r.has(name)),
    );
    for (const v of variants) {
      if (isNode(v.properties)) for (const [k, s] of Object.entries(v.properties)) props[k] ??= s;
    }
    for (const r of requiredByAll) required.add(r);
  }
  return { props, required };
}

function fieldOf(
  name: string,
  path: string,
  raw: unknown,
  required: boolean,
  walk: JsonSchemaWalk,
  ancestors: Set<object>,
): Field {
  const node = isNode(raw) ? merged(raw) : {};
  const field: Field = {
    name,
    path,
    type: typeOfSchema(raw, walk),
    required,
    constraints: {},
    children: [],
  };
  if (typeof node.description === 'string') field.description = node.description.trim();
  for (const key of constraintKeys) {
    const v = node[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') field.constraints[key] = v;
  }
  if (node.default !== undefined) field.constraints.default = json(node.default);
  const items = isNode(node.items) ? node.items : undefined;
  const allowed = node.enum ?? (node.const !== undefined ? [node.const] : items?.enum);
  if (Array.isArray(allowed)) field.enum = allowed.map(json);
  const examples = Array.isArray(node.examples)
    ? node.examples
    : node.example !== undefined
      ? [node.example]
      : [];
  if (examples.length > 0) field.examples = examples.map(json);
  if (node.deprecated === true) field.deprecated = true;
  if (isNode(raw) && ancestors.has(raw)) {
    field.recursive = true;
    return field;
  }
  if (ancestors.size >= maxDepth) return field;
  const inner = isNode(raw) ? container(raw) : undefined;
  if (inner) {
    const next = new Set(ancestors);
    if (isNode(raw)) next.add(raw);
    field.children = childFields(inner.schema, `${path}${inner.suffix}`, walk, next);
  }
  return field;
}

function childFields(node: Node, path: string, walk: JsonSchemaWalk, ancestors: Set<object>): Field[] {
  const { props, required } = propertiesOf(node);
  return Object.entries(props).map(([name, schema]) =>
    fieldOf(name, path ? `${path}.${name}` : name, schema, required.has(name), walk, ancestors),
  );
}

/**
 * The field tree of a (dereferenced) JSON Schema: its properties, or its array items' properties. Cycles
 * left by dereferencing are cut where a schema meets one of its ancestors (the field is marked recursive).
 */
export function fieldsOfJsonSchema(schema: unknown, walk: JsonSchemaWalk = {}): Field[] {
  if (!isNode(schema)) return [];
  const inner = container(schema);
  if (!inner) return [];
  return childFields(inner.schema, inner.suffix, walk, new Set([schema]));
}

/** A single JSON Schema as one field (a parameter, a header): its type, constraints and children. */
export function fieldOfJsonSchema(
  name: string,
  schema: unknown,
  required: boolean,
  walk: JsonSchemaWalk = {},
): Field {
  return fieldOf(name, name, schema, required, walk, new Set());
}
