/**
 * The schema change rules: every kind of change the comparers recognise, and whether data still flows
 * after it. `backward`: a consumer on the new schema reads data written with the old one. `forward`: a
 * consumer still on the old schema reads data written with the new one. docs/compatibility.md prints
 * this table; compat tests exercise each row on a real schema pair.
 */
export const compatRules = {
  'json-property-added-optional-open': {
    format: 'json-schema',
    change: 'optional property added, open content model',
    backward: false,
    forward: true,
  },
  'json-property-added-optional-closed': {
    format: 'json-schema',
    change: 'optional property added, closed content model',
    backward: true,
    forward: false,
  },
  'json-property-added-required-open': {
    format: 'json-schema',
    change: 'required property added, open content model',
    backward: false,
    forward: true,
  },
  'json-property-added-required-closed': {
    format: 'json-schema',
    change: 'required property added, closed content model',
    backward: false,
    forward: false,
  },
  'json-property-removed-optional-open': {
    format: 'json-schema',
    change: 'optional property removed, open content model',
    backward: true,
    forward: false,
  },
  'json-property-removed-optional-closed': {
    format: 'json-schema',
    change: 'optional property removed, closed content model',
    backward: false,
    forward: true,
  },
  'json-property-removed-required-open': {
    format: 'json-schema',
    change: 'required property removed, open content model',
    backward: true,
    forward: false,
  },
  'json-property-removed-required-closed': {
    format: 'json-schema',
    change: 'required property removed, closed content model',
    backward: false,
    forward: false,
  },
  'json-property-made-required': {
    format: 'json-schema',
    change: 'optional property made required',
    backward: false,
    forward: true,
  },
  'json-property-made-optional': {
    format: 'json-schema',
    change: 'required property made optional',
    backward: true,
    forward: false,
  },
  'json-type-widened': {
    format: 'json-schema',
    change: 'type widened (integer to number, a type added to the list)',
    backward: true,
    forward: false,
  },
  'json-type-narrowed': {
    format: 'json-schema',
    change: 'type narrowed (number to integer, a type removed from the list)',
    backward: false,
    forward: true,
  },
  'json-type-changed': {
    format: 'json-schema',
    change: 'type changed to an unrelated type',
    backward: false,
    forward: false,
  },
  'json-enum-value-added': {
    format: 'json-schema',
    change: 'enum value added',
    backward: true,
    forward: false,
  },
  'json-enum-value-removed': {
    format: 'json-schema',
    change: 'enum value removed',
    backward: false,
    forward: true,
  },
  'json-content-closed': {
    format: 'json-schema',
    change: 'content model closed (additionalProperties: false)',
    backward: false,
    forward: true,
  },
  'json-content-opened': {
    format: 'json-schema',
    change: 'content model opened (additionalProperties no longer false)',
    backward: true,
    forward: false,
  },
  'json-constraint-tightened': {
    format: 'json-schema',
    change: 'limit tightened (maxLength, minimum, maxItems...)',
    backward: false,
    forward: true,
  },
  'json-constraint-loosened': {
    format: 'json-schema',
    change: 'limit loosened or removed',
    backward: true,
    forward: false,
  },
  'avro-field-added-with-default': {
    format: 'avro',
    change: 'field added with a default',
    backward: true,
    forward: true,
  },
  'avro-field-added-without-default': {
    format: 'avro',
    change: 'field added without a default',
    backward: false,
    forward: true,
  },
  'avro-field-removed-with-default': {
    format: 'avro',
    change: 'field with a default removed',
    backward: true,
    forward: true,
  },
  'avro-field-removed-without-default': {
    format: 'avro',
    change: 'field without a default removed',
    backward: true,
    forward: false,
  },
  'avro-type-promoted': {
    format: 'avro',
    change:
      'type promoted (int to long, float or double; long to float or double; float to double; string and bytes)',
    backward: true,
    forward: false,
  },
  'avro-type-changed': { format: 'avro', change: 'type changed', backward: false, forward: false },
  'avro-enum-symbol-added': { format: 'avro', change: 'enum symbol added', backward: true, forward: false },
  'avro-enum-symbol-removed': {
    format: 'avro',
    change: 'enum symbol removed',
    backward: false,
    forward: true,
  },
  'avro-union-branch-added': { format: 'avro', change: 'union branch added', backward: true, forward: false },
  'avro-union-branch-removed': {
    format: 'avro',
    change: 'union branch removed',
    backward: false,
    forward: true,
  },
  'avro-unresolvable': {
    format: 'avro',
    change: 'any other change Avro schema resolution rejects',
    backward: false,
    forward: false,
  },
  'protobuf-field-added': { format: 'protobuf', change: 'field added', backward: true, forward: true },
  'protobuf-field-removed': {
    format: 'protobuf',
    change: 'field removed (reserve its number)',
    backward: true,
    forward: true,
  },
  'protobuf-field-renamed': {
    format: 'protobuf',
    change: 'field renamed, same number (binary wire format)',
    backward: true,
    forward: true,
  },
  'protobuf-field-number-changed': {
    format: 'protobuf',
    change: 'field number changed',
    backward: false,
    forward: false,
  },
  'protobuf-field-type-compatible': {
    format: 'protobuf',
    change:
      'field type changed within a wire-compatible group (int32/uint32/int64/uint64/bool, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string/bytes)',
    backward: true,
    forward: true,
  },
  'protobuf-field-type-changed': {
    format: 'protobuf',
    change: 'field type changed otherwise',
    backward: false,
    forward: false,
  },
  'protobuf-field-label-changed': {
    format: 'protobuf',
    change: 'field changed between singular and repeated',
    backward: false,
    forward: false,
  },
  'protobuf-required-field-added': {
    format: 'protobuf',
    change: 'required field added (proto2)',
    backward: false,
    forward: true,
  },
  'protobuf-required-field-removed': {
    format: 'protobuf',
    change: 'required field removed (proto2)',
    backward: true,
    forward: false,
  },
  'protobuf-message-added': {
    format: 'protobuf',
    change: 'message type added',
    backward: true,
    forward: true,
  },
  'protobuf-message-removed': {
    format: 'protobuf',
    change: 'message type removed',
    backward: false,
    forward: false,
  },
  'protobuf-enum-value-added': {
    format: 'protobuf',
    change: 'enum value added',
    backward: true,
    forward: true,
  },
  'protobuf-enum-value-removed': {
    format: 'protobuf',
    change: 'enum value removed',
    backward: false,
    forward: true,
  },
} as const satisfies Record<
  string,
  { format: CompatFormat; change: string; backward: boolean; forward: boolean }
>;

export type CompatFormat = 'json-schema' | 'avro' | 'protobuf';
export type CompatRule = keyof typeof compatRules;

/** One change between two versions of a schema. */
export interface CompatChange {
  rule: CompatRule;
  /** Where in the schema: `customer.address.city`, `Order.lines[]`. */
  path: string;
  /** What happened, in words. */
  detail: string;
  backward: boolean;
  forward: boolean;
}

export function change(rule: CompatRule, path: string, detail: string): CompatChange {
  const { backward, forward } = compatRules[rule];
  return { rule, path, detail, backward, forward };
}
