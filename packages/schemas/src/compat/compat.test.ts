import { readFileSync } from 'node:fs';
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import {
  type CompatRule,
  compareSchemaVersions,
  compatibilityModes,
  compatRules,
  isBreaking,
} from './index.js';

const obj = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'object', properties: props, ...extra });
const closed = { additionalProperties: false };
const str = { type: 'string' };

const record = (fields: unknown[]) => JSON.stringify({ type: 'record', name: 'Order', fields });
const id = { name: 'id', type: 'string' };

const proto = (body: string, syntax = 'proto3') => `syntax = "${syntax}";\npackage acme;\n${body}`;

/** One real schema pair per rule: the comparer must find exactly that rule. */
const examples: Record<CompatRule, [string, string]> = {
  'json-property-added-optional-open': [obj({ a: str }), obj({ a: str, b: str })],
  'json-property-added-optional-closed': [obj({ a: str }, closed), obj({ a: str, b: str }, closed)],
  'json-property-added-required-open': [obj({ a: str }), obj({ a: str, b: str }, { required: ['b'] })],
  'json-property-added-required-closed': [
    obj({ a: str }, closed),
    obj({ a: str, b: str }, { ...closed, required: ['b'] }),
  ],
  'json-property-removed-optional-open': [obj({ a: str, b: str }), obj({ a: str })],
  'json-property-removed-optional-closed': [obj({ a: str, b: str }, closed), obj({ a: str }, closed)],
  'json-property-removed-required-open': [obj({ a: str, b: str }, { required: ['b'] }), obj({ a: str })],
  'json-property-removed-required-closed': [
    obj({ a: str, b: str }, { ...closed, required: ['b'] }),
    obj({ a: str }, closed),
  ],
  'json-property-made-required': [obj({ a: str }), obj({ a: str }, { required: ['a'] })],
  'json-property-made-optional': [obj({ a: str }, { required: ['a'] }), obj({ a: str })],
  'json-type-widened': [obj({ a: { type: 'integer' } }), obj({ a: { type: 'number' } })],
  'json-type-narrowed': [obj({ a: { type: ['string', 'null'] } }), obj({ a: str })],
  'json-type-changed': [obj({ a: str }), obj({ a: { type: 'integer' } })],
  'json-enum-value-added': [
    obj({ a: { type: 'string', enum: ['x'] } }),
    obj({ a: { type: 'string', enum: ['x', 'y'] } }),
  ],
  'json-enum-value-removed': [
    obj({ a: { type: 'string', enum: ['x', 'y'] } }),
    obj({ a: { type: 'string', enum: ['x'] } }),
  ],
  'json-content-closed': [obj({ a: str }), obj({ a: str }, closed)],
  'json-content-opened': [obj({ a: str }, closed), obj({ a: str })],
  'json-constraint-tightened': [
    obj({ a: { type: 'string', maxLength: 20 } }),
    obj({ a: { type: 'string', maxLength: 10 } }),
  ],
  'json-constraint-loosened': [obj({ a: { type: 'string', maxLength: 10 } }), obj({ a: str })],
  'avro-field-added-with-default': [
    record([id]),
    record([id, { name: 'note', type: 'string', default: '' }]),
  ],
  'avro-field-added-without-default': [record([id]), record([id, { name: 'note', type: 'string' }])],
  'avro-field-removed-with-default': [
    record([id, { name: 'note', type: 'string', default: '' }]),
    record([id]),
  ],
  'avro-field-removed-without-default': [record([id, { name: 'note', type: 'string' }]), record([id])],
  'avro-type-promoted': [record([{ name: 'n', type: 'int' }]), record([{ name: 'n', type: 'long' }])],
  'avro-type-changed': [record([{ name: 'n', type: 'int' }]), record([{ name: 'n', type: 'string' }])],
  'avro-enum-symbol-added': [
    record([{ name: 's', type: { type: 'enum', name: 'S', symbols: ['A'] } }]),
    record([{ name: 's', type: { type: 'enum', name: 'S', symbols: ['A', 'B'] } }]),
  ],
  'avro-enum-symbol-removed': [
    record([{ name: 's', type: { type: 'enum', name: 'S', symbols: ['A', 'B'] } }]),
    record([{ name: 's', type: { type: 'enum', name: 'S', symbols: ['A'] } }]),
  ],
  'avro-union-branch-added': [
    record([{ name: 'n', type: ['null', 'string'] }]),
    record([{ name: 'n', type: ['null', 'string', 'int'] }]),
  ],
  'avro-union-branch-removed': [
    record([{ name: 'n', type: ['null', 'string', 'int'] }]),
    record([{ name: 'n', type: ['null', 'string'] }]),
  ],
  'avro-unresolvable': [
    JSON.stringify({ type: 'record', name: 'Order', fields: [id] }),
    JSON.stringify({ type: 'record', name: 'Invoice', fields: [id] }),
  ],
  'protobuf-field-added': [
    proto('message A { string a = 1; }'),
    proto('message A { string a = 1; int32 b = 2; }'),
  ],
  'protobuf-field-removed': [
    proto('message A { string a = 1; int32 b = 2; }'),
    proto('message A { string a = 1; }'),
  ],
  'protobuf-field-renamed': [proto('message A { string a = 1; }'), proto('message A { string title = 1; }')],
  'protobuf-field-number-changed': [
    proto('message A { string a = 1; }'),
    proto('message A { string a = 2; }'),
  ],
  'protobuf-field-type-compatible': [
    proto('message A { int32 n = 1; }'),
    proto('message A { int64 n = 1; }'),
  ],
  'protobuf-field-type-changed': [proto('message A { string n = 1; }'), proto('message A { int32 n = 1; }')],
  'protobuf-field-label-changed': [
    proto('message A { string n = 1; }'),
    proto('message A { repeated string n = 1; }'),
  ],
  'protobuf-required-field-added': [
    proto('message A { optional string a = 1; }', 'proto2'),
    proto('message A { optional string a = 1; required int32 b = 2; }', 'proto2'),
  ],
  'protobuf-required-field-removed': [
    proto('message A { optional string a = 1; required int32 b = 2; }', 'proto2'),
    proto('message A { optional string a = 1; }', 'proto2'),
  ],
  'protobuf-message-added': [
    proto('message A { string a = 1; }'),
    proto('message A { string a = 1; }\nmessage B { string b = 1; }'),
  ],
  'protobuf-message-removed': [
    proto('message A { string a = 1; }\nmessage B { string b = 1; }'),
    proto('message A { string a = 1; }'),
  ],
  'protobuf-enum-value-added': [proto('enum E { E_A = 0; }'), proto('enum E { E_A = 0; E_B = 1; }')],
  'protobuf-enum-value-removed': [proto('enum E { E_A = 0; E_B = 1; }'), proto('enum E { E_A = 0; }')],
};

const formatOf = (rule: string) =>
  rule.startsWith('avro') ? 'avro' : rule.startsWith('protobuf') ? 'protobuf' : 'json-schema';

describe('schema change rules', () => {
  for (const [rule, [before, after]] of Object.entries(examples) as [CompatRule, [string, string]][]) {
    it(`${rule}: found, with its verdict in every mode`, () => {
      const changes = compareSchemaVersions(formatOf(rule), before, after);
      const row = compatRules[rule];
      // The type change of a union member also shows up as a narrowed list; only the rule's change counts here.
      expect(changes.map((c) => c.rule)).toEqual([rule]);
      const found = changes[0];
      if (!found) throw new Error('no change');
      expect([found.backward, found.forward]).toEqual([row.backward, row.forward]);
      for (const mode of compatibilityModes) {
        const expected =
          mode === 'NONE'
            ? false
            : mode.startsWith('BACKWARD')
              ? !row.backward
              : mode.startsWith('FORWARD')
                ? !row.forward
                : !row.backward || !row.forward;
        expect(isBreaking(found, mode), mode).toBe(expected);
      }
      if (formatOf(rule) === 'avro') {
        // avsc resolves data exactly as the verdict says.
        const a = avro.Type.forSchema(JSON.parse(before));
        const b = avro.Type.forSchema(JSON.parse(after));
        const ok = (reader: avro.Type, writer: avro.Type) => {
          try {
            reader.createResolver(writer);
            return true;
          } catch {
            return false;
          }
        };
        expect([ok(b, a), ok(a, b)]).toEqual([row.backward, row.forward]);
      }
    });
  }

  it('finds nothing between equal schemas, nested changes with their path, and follows local $refs', () => {
    const nested = (city: unknown) =>
      JSON.stringify({
        type: 'object',
        properties: { address: { $ref: '#/$defs/Address' } },
        $defs: { Address: { type: 'object', properties: { city } } },
      });
    expect(compareSchemaVersions('json-schema', nested(str), nested(str))).toEqual([]);
    const changes = compareSchemaVersions('json-schema', nested(str), nested({ type: 'integer' }));
    expect(changes.map((c) => [c.rule, c.path])).toEqual([['json-type-changed', 'address.city']]);
  });

  it('reads an enum default as making an added Avro symbol forward compatible', () => {
    const e = (symbols: string[]) =>
      record([{ name: 's', type: { type: 'enum', name: 'S', symbols, default: 'A' } }]);
    const [c] = compareSchemaVersions('avro', e(['A']), e(['A', 'B']));
    expect(c?.forward).toBe(true);
  });

  it('is documented: docs/compatibility.md has a row per rule with the same verdicts', () => {
    const doc = readFileSync(new URL('../../../../docs/compatibility.md', import.meta.url), 'utf8');
    for (const [rule, row] of Object.entries(compatRules)) {
      const line = doc.split('\n').find((l) => l.includes(`\`${rule}\``));
      expect(line, rule).toBeDefined();
      const cells = (line as string).split('|').map((c) => c.trim());
      const mark = (ok: boolean) => (ok ? 'ok' : 'breaking');
      const full = row.backward && row.forward;
      expect(cells.slice(3, 7), rule).toEqual([mark(row.backward), mark(row.forward), mark(full), 'ok']);
    }
  });
});
