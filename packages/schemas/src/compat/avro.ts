import avro from 'avsc';
import { type CompatChange, change } from './rules.js';

type Schema = string | Schema[] | { [key: string]: unknown };

const promotions: Record<string, string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

/** Named types are declared once and then referred to by name; this keeps the declarations. */
function collectNamed(schema: unknown, into: Map<string, Record<string, unknown>>, ns = '') {
  if (Array.isArray(schema)) {
    for (const s of schema) collectNamed(s, into, ns);
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as Record<string, unknown>;
  const space = typeof s.namespace === 'string' ? s.namespace : ns;
  if (typeof s.name === 'string' && ['record', 'enum', 'fixed', 'error'].includes(String(s.type))) {
    into.set(s.name.includes('.') ? s.name : space ? `${space}.${s.name}` : s.name, s);
    into.set(s.name.split('.').pop() as string, s);
  }
  if (Array.isArray(s.fields))
    for (const f of s.fields) collectNamed((f as { type?: unknown }).type, into, space);
  collectNamed(s.items, into, space);
  collectNamed(s.values, into, space);
  if (typeof s.type === 'object') collectNamed(s.type, into, space);
}

interface Side {
  named: Map<string, Record<string, unknown>>;
}

function resolve(side: Side, schema: unknown): unknown {
  if (typeof schema === 'string' && side.named.has(schema)) return side.named.get(schema);
  if (typeof schema === 'object' && schema !== null && !Array.isArray(schema)) {
    const t = (schema as { type?: unknown }).type;
    if (typeof t === 'string' && !['record', 'enum', 'fixed', 'error', 'array', 'map'].includes(t)) return t;
  }
  return schema;
}

function kindOf(schema: unknown): string {
  if (typeof schema === 'string') return schema;
  if (Array.isArray(schema)) return 'union';
  return String((schema as { type?: unknown }).type);
}

function label(schema: unknown): string {
  if (typeof schema === 'string') return schema;
  if (Array.isArray(schema)) return `[${schema.map(label).join(', ')}]`;
  const s = schema as { type?: unknown; name?: unknown };
  return typeof s.name === 'string' ? s.name : String(s.type);
}

function compare(
  sides: [Side, Side],
  a0: unknown,
  b0: unknown,
  path: string,
  out: CompatChange[],
  seen: Set<string>,
) {
  const a = resolve(sides[0], a0);
  const b = resolve(sides[1], b0);
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'union' || kb === 'union') {
    const la = (Array.isArray(a) ? a : [a]).map(label);
    const lb = (Array.isArray(b) ? b : [b]).map(label);
    for (const x of lb)
      if (!la.includes(x)) out.push(change('avro-union-branch-added', path, `${x} added to the union`));
    for (const x of la)
      if (!lb.includes(x)) out.push(change('avro-union-branch-removed', path, `${x} removed from the union`));
    return;
  }
  if (ka !== kb) {
    const promoted = promotions[ka]?.includes(kb) ?? false;
    out.push(change(promoted ? 'avro-type-promoted' : 'avro-type-changed', path, `${ka} → ${kb}`));
    return;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  if (ka === 'record' || ka === 'error') {
    const key = `${String(ra.name)}>${String(rb.name)}@${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    type Field = { name: string; type: unknown; default?: unknown; aliases?: string[] };
    const fa = (ra.fields ?? []) as Field[];
    const fb = (rb.fields ?? []) as Field[];
    const at = (n: string) => (path ? `${path}.${n}` : n);
    for (const f of fb) {
      const old = fa.find((x) => x.name === f.name || f.aliases?.includes(x.name));
      if (!old) {
        const rule = 'default' in f ? 'avro-field-added-with-default' : 'avro-field-added-without-default';
        out.push(
          change(
            rule,
            at(f.name),
            'default' in f ? 'field added with a default' : 'field added without a default',
          ),
        );
      } else compare(sides, old.type, f.type, at(f.name), out, seen);
    }
    for (const f of fa) {
      if (fb.some((x) => x.name === f.name || x.aliases?.includes(f.name))) continue;
      const rule = 'default' in f ? 'avro-field-removed-with-default' : 'avro-field-removed-without-default';
      out.push(change(rule, at(f.name), 'field removed'));
    }
  } else if (ka === 'enum') {
    const sa = (ra.symbols ?? []) as string[];
    const sb = (rb.symbols ?? []) as string[];
    // An old reader whose enum has a default reads an unknown symbol as that default.
    const readerDefault = typeof ra.default === 'string';
    for (const s of sb) {
      if (sa.includes(s)) continue;
      out.push({ ...change('avro-enum-symbol-added', path, `symbol ${s} added`), forward: readerDefault });
    }
    for (const s of sa)
      if (!sb.includes(s)) out.push(change('avro-enum-symbol-removed', path, `symbol ${s} removed`));
  } else if (ka === 'array') {
    compare(sides, ra.items, rb.items, `${path}[]`, out, seen);
  } else if (ka === 'map') {
    compare(sides, ra.values, rb.values, `${path}{}`, out, seen);
  } else if (ka === 'fixed' && ra.size !== rb.size) {
    out.push(change('avro-type-changed', path, `fixed size ${String(ra.size)} → ${String(rb.size)}`));
  }
}

/** Whether a reader of `reader` can resolve data written with `writer`, by avsc's schema resolution. */
function resolves(reader: avro.Type, writer: avro.Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The changes between two Avro schemas. The list comes from walking both; avsc's resolver (the Avro
 * specification's resolution rules) has the last word: a direction it rejects that no listed change
 * explains is reported as `avro-unresolvable`.
 */
export function compareAvroSchemas(before: string, after: string): CompatChange[] {
  const a = JSON.parse(before) as Schema;
  const b = JSON.parse(after) as Schema;
  const typeA = avro.Type.forSchema(a as avro.Schema);
  const typeB = avro.Type.forSchema(b as avro.Schema);
  const sides: [Side, Side] = [{ named: new Map() }, { named: new Map() }];
  collectNamed(a, sides[0].named);
  collectNamed(b, sides[1].named);
  const out: CompatChange[] = [];
  compare(sides, a, b, '', out, new Set());
  const backwardError = resolves(typeB, typeA);
  const forwardError = resolves(typeA, typeB);
  if (backwardError && out.every((c) => c.backward)) {
    out.push({
      ...change('avro-unresolvable', '(root)', backwardError),
      forward: forwardError === undefined,
    });
  }
  if (forwardError && out.every((c) => c.forward)) {
    out.push({
      ...change('avro-unresolvable', '(root)', forwardError),
      backward: backwardError === undefined,
    });
  }
  return out;
}
