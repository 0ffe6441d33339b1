import avro from 'avsc';
import { locate } from './files.js';
import { failed, schemaProblem } from './result.js';
import { parseTextData } from './text-data.js';
import type { Field, NamedType, ParsedSchema } from './types.js';

type Raw = string | Raw[] | { [key: string]: unknown };
type Named = { type: string; name: string; namespace?: string; [key: string]: unknown };

const primitives = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Walks the schema as written (avsc has already accepted it), keeping docs, defaults and logical types. */
class AvroWalker {
  readonly named = new Map<string, Named>();
  readonly types: NamedType[] = [];

  /** Registers a named type under its full and short names; later references find it. */
  private define(node: Named, namespace: string | undefined): string | undefined {
    const ns = node.name.includes('.') ? undefined : (node.namespace ?? namespace);
    const full = ns ? `${ns}.${node.name}` : node.name;
    if (this.named.has(full)) return ns;
    this.named.set(full, node);
    this.named.set(node.name.split('.').pop() as string, node);
    const type: NamedType = { name: node.name, kind: node.type, fields: [] };
    if (typeof node.doc === 'string') type.description = node.doc.trim();
    if (Array.isArray(node.symbols)) type.enum = node.symbols.map(String);
    this.types.push(type);
    if (node.type === 'record' || node.type === 'error') type.fields = this.fields(node, '', ns, new Set());
    return ns;
  }

  private resolve(raw: Raw, namespace: string | undefined): Raw {
    if (typeof raw === 'string' && !primitives.has(raw)) {
      return this.named.get(namespace ? `${namespace}.${raw}` : raw) ?? this.named.get(raw) ?? raw;
    }
    return raw;
  }

  typeName(raw: Raw, namespace: string | undefined): string {
    if (typeof raw === 'string') return raw;
    if (Array.isArray(raw)) return raw.map((r) => this.typeName(r, namespace)).join(' | ');
    const t = String(raw.type);
    if (t === 'array') return `array<${this.typeName(raw.items as Raw, namespace)}>`;
    if (t === 'map') return `map<string, ${this.typeName(raw.values as Raw, namespace)}>`;
    if (t === 'fixed') return `fixed(${raw.size})`;
    if (typeof raw.name === 'string') return raw.name;
    return t;
  }

  /** The record/enum definitions a type leads to (through unions, arrays and maps), for children. */
  fields(record: Named, path: string, namespace: string | undefined, ancestors: Set<Named>): Field[] {
    const list = Array.isArray(record.fields) ? (record.fields as Record<string, unknown>[]) : [];
    const inner = new Set(ancestors).add(record);
    return list.map((f) => this.field(f, path, namespace, inner));
  }

  private field(
    f: Record<string, unknown>,
    parent: string,
    namespace: string | undefined,
    ancestors: Set<Named>,
  ): Field {
    const name = String(f.name);
    const path = parent ? `${parent}.${name}` : name;
    const raw = f.type as Raw;
    this.defineWithin(raw, namespace);
    const branches = Array.isArray(raw) ? raw : [raw];
    const nullable = branches.some(
      (b) => b === 'null' || (typeof b === 'object' && !Array.isArray(b) && b.type === 'null'),
    );
    const field: Field = {
      name,
      path,
      type: this.typeName(raw, namespace),
      required: !nullable && f.default === undefined,
      constraints: {},
      children: [],
    };
    if (typeof f.doc === 'string') field.description = f.doc.trim();
    if (f.default !== undefined) field.constraints.default = json(f.default);
    if (Array.isArray(f.aliases)) field.constraints.aliases = f.aliases.join(', ');
    for (const b of branches) {
      const node = this.resolve(b, namespace);
      if (typeof node !== 'object' || Array.isArray(node)) continue;
      if (typeof node.logicalType === 'string') field.constraints.logicalType = node.logicalType;
      for (const key of ['precision', 'scale', 'size'] as const) {
        if (typeof node[key] === 'number') field.constraints[key] = node[key];
      }
      const { target, suffix } = this.container(node, namespace);
      if (!target) continue;
      if (target.type === 'enum' && Array.isArray(target.symbols)) field.enum = target.symbols.map(String);
      if (target.type !== 'record' && target.type !== 'error') continue;
      if (ancestors.has(target)) field.recursive = true;
      else field.children.push(...this.fields(target, `${path}${suffix}`, namespace, ancestors));
    }
    return field;
  }

  /** Arrays and maps of records lead to the record (with `[]`/`{}` in the path); a record to itself. */
  private container(
    node: Record<string, unknown>,
    namespace: string | undefined,
  ): { target?: Named; suffix: string } {
    let suffix = '';
    let current: Raw = node as Raw;
    for (let i = 0; i < 8 && typeof current === 'object' && !Array.isArray(current); i++) {
      if (current.type === 'array') {
        suffix += '[]';
        current = this.resolve(current.items as Raw, namespace);
      } else if (current.type === 'map') {
        suffix += '{}';
        current = this.resolve(current.values as Raw, namespace);
      } else break;
    }
    if (Array.isArray(current)) {
      const named = current
        .map((c) => this.resolve(c, namespace))
        .find((c) => typeof c === 'object' && !Array.isArray(c));
      current = named ?? current;
    }
    if (typeof current === 'object' && !Array.isArray(current) && typeof current.name === 'string')
      return { target: current as Named, suffix };
    return { suffix };
  }

  /** Registers named types declared inline anywhere inside a type, in document order. */
  defineWithin(raw: Raw, namespace: string | undefined): void {
    if (Array.isArray(raw)) {
      for (const r of raw) this.defineWithin(r, namespace);
      return;
    }
    if (typeof raw !== 'object') return;
    if (raw.type === 'array') this.defineWithin(raw.items as Raw, namespace);
    else if (raw.type === 'map') this.defineWithin(raw.values as Raw, namespace);
    else if (typeof raw.name === 'string' && typeof raw.type === 'string')
      this.define(raw as Named, namespace);
  }
}

/** An Avro schema (`.avsc`, JSON), checked by avsc: records, nested records, arrays, maps, unions, enums. */
export function parseAvro(file: string, text: string): ParsedSchema {
  const parsed = parseTextData(text, true);
  if (!parsed.ok) {
    return failed(file, 'avro', [
      schemaProblem('schema-syntax', `${file} is not valid JSON: ${parsed.message}.`, file, parsed),
    ]);
  }
  try {
    avro.Type.forSchema(parsed.data as avro.Schema, { registry: {} });
  } catch (error) {
    const message = (error as Error).message;
    const name = /: (\S+)$/.exec(message)?.[1];
    return failed(file, 'avro', [
      schemaProblem(
        'schema-syntax',
        `${file} is not a valid Avro schema: ${message}.`,
        file,
        locate(text, name ? `"${name}"` : undefined),
      ),
    ]);
  }
  const walker = new AvroWalker();
  const root = parsed.data as Raw;
  walker.defineWithin(root, undefined);
  const top = Array.isArray(root) ? root[root.length - 1] : root;
  const record = typeof top === 'object' && !Array.isArray(top) ? (top as Named) : undefined;
  const result: ParsedSchema = {
    file,
    format: 'avro',
    ok: true,
    fields: record?.type === 'record' ? walker.fields(record, '', record.namespace, new Set()) : [],
    rootType: walker.typeName(root, undefined),
    types: walker.types,
    diagnostics: [],
    files: [file],
  };
  if (record?.name) result.title = String(record.name);
  if (typeof record?.doc === 'string') result.description = record.doc.trim();
  return result;
}
