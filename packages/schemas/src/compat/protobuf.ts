import protobuf from 'protobufjs';
import { type CompatChange, change } from './rules.js';

/** Scalar types that share a wire encoding: changing between them keeps old and new readers working. */
const wireGroups = [
  ['int32', 'uint32', 'int64', 'uint64', 'bool'],
  ['sint32', 'sint64'],
  ['fixed32', 'sfixed32'],
  ['fixed64', 'sfixed64'],
  ['string', 'bytes'],
];

function wireCompatible(a: string, b: string): boolean {
  return wireGroups.some((g) => g.includes(a) && g.includes(b));
}

function collect(
  ns: protobuf.NamespaceBase,
  types: Map<string, protobuf.Type>,
  enums: Map<string, protobuf.Enum>,
) {
  for (const nested of ns.nestedArray) {
    const name = nested.fullName.replace(/^\./, '');
    if (nested instanceof protobuf.Type) types.set(name, nested);
    else if (nested instanceof protobuf.Enum) enums.set(name, nested);
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type)
      collect(nested, types, enums);
  }
}

function parse(text: string) {
  const { root } = protobuf.parse(text, { keepCase: true });
  const types = new Map<string, protobuf.Type>();
  const enums = new Map<string, protobuf.Enum>();
  collect(root, types, enums);
  return { types, enums };
}

/** The field's type with its package stripped, so `.acme.Money` and `Money` compare equal. */
const typeName = (f: protobuf.Field) => f.type.replace(/^\./, '').split('.').pop() as string;

function compareFields(name: string, a: protobuf.Type, b: protobuf.Type, out: CompatChange[]) {
  const at = (field: string) => `${name}.${field}`;
  for (const fb of b.fieldsArray) {
    const byNumber = a.fieldsArray.find((f) => f.id === fb.id);
    const byName = a.fieldsArray.find((f) => f.name === fb.name);
    if (!byNumber) {
      if (byName) {
        out.push(change('protobuf-field-number-changed', at(fb.name), `number ${byName.id} → ${fb.id}`));
      } else if (fb.rule === 'required') {
        out.push(change('protobuf-required-field-added', at(fb.name), `required field ${fb.id} added`));
      } else {
        out.push(change('protobuf-field-added', at(fb.name), `field ${fb.id} added`));
      }
      continue;
    }
    const fa = byNumber;
    if (fa.name !== fb.name) out.push(change('protobuf-field-renamed', at(fb.name), `was ${fa.name}`));
    if (typeName(fa) !== typeName(fb)) {
      const rule = wireCompatible(fa.type, fb.type)
        ? 'protobuf-field-type-compatible'
        : 'protobuf-field-type-changed';
      out.push(change(rule, at(fb.name), `${fa.type} → ${fb.type}`));
    }
    if (Boolean(fa.repeated) !== Boolean(fb.repeated) || Boolean(fa.map) !== Boolean(fb.map)) {
      out.push(
        change(
          'protobuf-field-label-changed',
          at(fb.name),
          fb.repeated ? 'now repeated' : 'no longer repeated',
        ),
      );
    }
  }
  for (const fa of a.fieldsArray) {
    if (b.fieldsArray.some((f) => f.id === fa.id || f.name === fa.name)) continue;
    const rule = fa.rule === 'required' ? 'protobuf-required-field-removed' : 'protobuf-field-removed';
    out.push(change(rule, at(fa.name), `field ${fa.id} removed`));
  }
}

/** The changes between two .proto files, message by message (by full name) and field by field (by number). */
export function compareProtobufSchemas(before: string, after: string): CompatChange[] {
  const a = parse(before);
  const b = parse(after);
  const out: CompatChange[] = [];
  for (const [name, tb] of b.types) {
    const ta = a.types.get(name);
    if (ta) compareFields(name, ta, tb, out);
    else out.push(change('protobuf-message-added', name, 'message added'));
  }
  for (const name of a.types.keys()) {
    if (!b.types.has(name)) out.push(change('protobuf-message-removed', name, 'message removed'));
  }
  for (const [name, eb] of b.enums) {
    const ea = a.enums.get(name);
    if (!ea) continue;
    for (const [v, n] of Object.entries(eb.values)) {
      if (!(v in ea.values))
        out.push(change('protobuf-enum-value-added', `${name}.${v}`, `value ${n} added`));
    }
    for (const [v, n] of Object.entries(ea.values)) {
      if (!(v in eb.values))
        out.push(change('protobuf-enum-value-removed', `${name}.${v}`, `value ${n} removed`));
    }
  }
  return out;
}
