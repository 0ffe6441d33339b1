import { parse as parseYaml } from 'yaml';
import { type CompatChange, change } from './rules.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a JSON Schema written as JSON or YAML. */
export function parseJsonSchemaText(text: string): Json {
  const value: unknown = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  if (!isObject(value)) throw new Error('A JSON Schema must be an object.');
  return value;
}

/** Follows `$ref`s that point inside the same document (`#/definitions/x`, `#/$defs/x`). */
function deref(root: Json, node: unknown, seen = 0): unknown {
  if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#') || seen > 32)
    return node;
  let target: unknown = root;
  for (const raw of node.$ref.slice(1).split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[part] : undefined;
  }
  return deref(root, target, seen + 1);
}

function typesOf(node: Json): Set<string> | undefined {
  if (typeof node.type === 'string') return new Set([node.type]);
  if (Array.isArray(node.type)) return new Set(node.type.filter((t): t is string => typeof t === 'string'));
  if (isObject(node.properties)) return new Set(['object']);
  return undefined;
}

/** Every type in `inner` is accepted by `outer` (integer is accepted by number; no type list accepts all). */
function covers(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

const closed = (node: Json) => node.additionalProperties === false;
const requiredOf = (node: Json) =>
  new Set(
    Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [],
  );

/** Limits where a bigger number accepts more (`max*`) or less (`min*`). */
const upperLimits = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const lowerLimits = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];

function compareLimits(before: Json, after: Json, path: string, out: CompatChange[]) {
  for (const key of [...upperLimits, ...lowerLimits]) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    const upper = upperLimits.includes(key);
    const aNum = typeof a === 'number' ? a : upper ? Infinity : -Infinity;
    const bNum = typeof b === 'number' ? b : upper ? Infinity : -Infinity;
    const tighter = upper ? bNum < aNum : bNum > aNum;
    const words = `${key} ${a ?? 'none'} → ${b ?? 'none'}`;
    out.push(change(tighter ? 'json-constraint-tightened' : 'json-constraint-loosened', path, words));
  }
  if (before.pattern !== after.pattern && after.pattern !== undefined) {
    out.push(
      change(
        'json-constraint-tightened',
        path,
        `pattern ${String(before.pattern ?? 'none')} → ${String(after.pattern)}`,
      ),
    );
  } else if (before.pattern !== after.pattern) {
    out.push(change('json-constraint-loosened', path, `pattern ${String(before.pattern)} removed`));
  }
}

function compareEnums(before: Json, after: Json, path: string, out: CompatChange[]) {
  if (!Array.isArray(before.enum) && !Array.isArray(after.enum)) return;
  const key = (v: unknown) => JSON.stringify(v);
  const a = new Set((Array.isArray(before.enum) ? before.enum : []).map(key));
  const b = new Set((Array.isArray(after.enum) ? after.enum : []).map(key));
  if (!Array.isArray(before.enum)) {
    out.push(change('json-type-narrowed', path, `now limited to ${[...b].join(', ')}`));
    return;
  }
  if (!Array.isArray(after.enum)) {
    out.push(change('json-type-widened', path, 'no longer limited to an enum'));
    return;
  }
  for (const v of b) if (!a.has(v)) out.push(change('json-enum-value-added', path, `enum value ${v} added`));
  for (const v of a)
    if (!b.has(v)) out.push(change('json-enum-value-removed', path, `enum value ${v} removed`));
}

function compareNode(
  root: [Json, Json],
  rawBefore: unknown,
  rawAfter: unknown,
  path: string,
  out: CompatChange[],
  depth: number,
) {
  const before = deref(root[0], rawBefore);
  const after = deref(root[1], rawAfter);
  if (!isObject(before) || !isObject(after) || depth > 64) return;
  const tb = typesOf(before);
  const ta = typesOf(after);
  const wider = covers(ta, tb);
  const narrower = covers(tb, ta);
  const show = (t: Set<string> | undefined) => (t ? [...t].join('|') : 'any');
  if (!(wider && narrower)) {
    const rule = wider ? 'json-type-widened' : narrower ? 'json-type-narrowed' : 'json-type-changed';
    out.push(change(rule, path, `type ${show(tb)} → ${show(ta)}`));
    if (rule === 'json-type-changed') return;
  }
  compareEnums(before, after, path, out);
  compareLimits(before, after, path, out);

  const propsBefore = isObject(before.properties) ? before.properties : {};
  const propsAfter = isObject(after.properties) ? after.properties : {};
  const reqBefore = requiredOf(before);
  const reqAfter = requiredOf(after);
  const at = (name: string) => (path ? `${path}.${name}` : name);
  if (closed(before) !== closed(after)) {
    out.push(
      change(
        closed(after) ? 'json-content-closed' : 'json-content-opened',
        path || '(root)',
        'additionalProperties',
      ),
    );
  }
  for (const name of Object.keys(propsAfter)) {
    if (name in propsBefore) continue;
    const required = reqAfter.has(name);
    const model = closed(before) ? ('closed' as const) : ('open' as const);
    out.push(
      change(
        `json-property-added-${required ? 'required' : 'optional'}-${model}` as const,
        at(name),
        `${required ? 'required' : 'optional'} property added`,
      ),
    );
  }
  for (const name of Object.keys(propsBefore)) {
    if (!(name in propsAfter)) {
      const required = reqBefore.has(name);
      const model = closed(after) ? ('closed' as const) : ('open' as const);
      out.push(
        change(
          `json-property-removed-${required ? 'required' : 'optional'}-${model}` as const,
          at(name),
          `${required ? 'required' : 'optional'} property removed`,
        ),
      );
      continue;
    }
    if (reqBefore.has(name) !== reqAfter.has(name)) {
      out.push(
        change(
          reqAfter.has(name) ? 'json-property-made-required' : 'json-property-made-optional',
          at(name),
          reqAfter.has(name) ? 'now required' : 'no longer required',
        ),
      );
    }
    compareNode(root, propsBefore[name], propsAfter[name], at(name), out, depth + 1);
  }
  if (before.items !== undefined || after.items !== undefined) {
    compareNode(root, before.items ?? {}, after.items ?? {}, `${path}[]`, out, depth + 1);
  }
}

/** The changes between two versions of a JSON Schema, classified by the rules in rules.ts. */
export function compareJsonSchemas(before: string, after: string): CompatChange[] {
  const a = parseJsonSchemaText(before);
  const b = parseJsonSchemaText(after);
  const out: CompatChange[] = [];
  compareNode([a, b], a, b, '', out, 0);
  return out;
}
