import type { Diagnostic } from '@switchyard/model';
import protobuf from 'protobufjs';
import { resolveRelative } from './files.js';
import { failed, schemaProblem } from './result.js';
import type { Field, NamedType, ParsedSchema, ReadFile } from './types.js';

const options = { keepCase: true, alternateCommentMode: true };
const maxDepth = 10;

/** Reads a proto file and, through `import`, the files it imports (relative to it, then to the root). */
function loadInto(
  root: protobuf.Root,
  file: string,
  text: string,
  read: ReadFile,
  seen: Set<string>,
  diagnostics: Diagnostic[],
): boolean {
  seen.add(file);
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, root, options);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    diagnostics.push(
      schemaProblem(
        'schema-syntax',
        `${file} is not valid Protobuf: ${message.replace(/\s*\(line \d+\)/, '')}.`,
        file,
        { line, column: 1 },
      ),
    );
    return false;
  }
  for (const name of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
    if (name.startsWith('google/protobuf/')) {
      // Well-known types ship with protobufjs.
      const known = protobuf.common.get(name);
      if (known?.nested && !seen.has(name)) root.addJSON(known.nested);
      seen.add(name);
      continue;
    }
    const candidates = [resolveRelative(file, name), resolveRelative('', name)].filter(
      (c) => c !== undefined,
    );
    const found = candidates.find((c) => read(c) !== undefined);
    if (!found) {
      const at = text.indexOf(name);
      const line = at === -1 ? 1 : text.slice(0, at).split('\n').length;
      diagnostics.push(
        schemaProblem('schema-unresolved-ref', `The import "${name}" is not a file of the catalog.`, file, {
          line,
          column: 1,
        }),
      );
      continue;
    }
    if (!seen.has(found)) loadInto(root, found, read(found) as string, read, seen, diagnostics);
  }
  return true;
}

function typeName(field: protobuf.Field): string {
  const base = field.resolvedType ? field.resolvedType.name : field.type;
  if (field instanceof protobuf.MapField) return `map<${field.keyType}, ${base}>`;
  return field.repeated ? `repeated ${base}` : base;
}

function fieldsOf(
  type: protobuf.Type,
  parent: string,
  ancestors: Set<protobuf.Type>,
  syntax3: boolean,
): Field[] {
  return type.fieldsArray.map((f) => {
    const path = parent ? `${parent}.${f.name}` : f.name;
    const field: Field = {
      name: f.name,
      path,
      type: typeName(f),
      // Only proto2 can say `required`; in proto3 every field may be absent.
      required: !syntax3 && f.required,
      constraints: { tag: f.id },
      children: [],
    };
    if (f.comment) field.description = f.comment.trim();
    if (f.partOf) field.constraints.oneof = f.partOf.name;
    if (f.options?.deprecated) field.deprecated = true;
    if (f.options?.default !== undefined) field.constraints.default = String(f.options.default);
    const target = f.resolvedType;
    if (target instanceof protobuf.Enum) field.enum = Object.keys(target.values);
    if (target instanceof protobuf.Type) {
      const suffix = f instanceof protobuf.MapField ? '{}' : f.repeated ? '[]' : '';
      if (ancestors.has(target)) field.recursive = true;
      else if (ancestors.size < maxDepth)
        field.children = fieldsOf(target, `${path}${suffix}`, new Set(ancestors).add(target), syntax3);
    }
    return field;
  });
}

function collect(ns: protobuf.NamespaceBase, files: Set<string>, out: protobuf.ReflectionObject[]): void {
  for (const nested of ns.nestedArray) {
    if (
      (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) &&
      (!nested.filename || files.has(nested.filename))
    )
      out.push(nested);
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) collect(nested, files, out);
  }
}

/** A `.proto` file and its imports, read by protobufjs: messages, nested messages, enums, oneofs, maps. */
export function parseProtobuf(file: string, text: string, read: ReadFile): ParsedSchema {
  const diagnostics: Diagnostic[] = [];
  const root = new protobuf.Root();
  const seen = new Set<string>();
  if (!loadInto(root, file, text, read, seen, diagnostics)) return failed(file, 'protobuf', diagnostics);
  try {
    root.resolveAll();
  } catch (error) {
    const message = (error as Error).message;
    const name = /no such type: (\S+)/.exec(message)?.[1];
    const at = name ? text.indexOf(name) : -1;
    diagnostics.push(
      schemaProblem('schema-invalid', `${file} names a type that is not defined: ${message}.`, file, {
        line: at === -1 ? 1 : text.slice(0, at).split('\n').length,
        column: 1,
      }),
    );
    return failed(file, 'protobuf', diagnostics);
  }
  const syntax3 = !/syntax\s*=\s*["']proto2["']/.test(text);
  const own: protobuf.ReflectionObject[] = [];
  // protobufjs records the file only when loading from disk; parsed text has none, so files are told apart by order.
  collect(root, new Set([file]), own);
  const ownNames = new Set(ownTypeNames(text));
  const declared = own.filter((o) => ownNames.has(o.name));
  const types: NamedType[] = declared.map((o) => {
    const t: NamedType = {
      name: o.fullName.replace(/^\./, ''),
      kind: o instanceof protobuf.Type ? 'message' : 'enum',
      fields: [],
    };
    if (o.comment) t.description = o.comment.trim();
    if (o instanceof protobuf.Type) t.fields = fieldsOf(o, '', new Set([o]), syntax3);
    if (o instanceof protobuf.Enum) t.enum = Object.keys(o.values);
    return t;
  });
  const firstMessage = /\bmessage\s+([A-Za-z_]\w*)/.exec(text.replace(/\/\/.*$/gm, ''))?.[1];
  const main = declared.find(
    (o): o is protobuf.Type =>
      o instanceof protobuf.Type && o.name === firstMessage && !(o.parent instanceof protobuf.Type),
  );
  const result: ParsedSchema = {
    file,
    format: 'protobuf',
    ok: true,
    fields: main ? fieldsOf(main, '', new Set([main]), syntax3) : [],
    rootType: main ? `message ${main.name}` : 'proto',
    types,
    diagnostics,
    files: [...seen].filter((f) => !f.startsWith('google/protobuf/')),
  };
  if (main) result.title = main.name;
  if (main?.comment) result.description = main.comment.trim();
  return result;
}

/** Names of the messages and enums declared in this file's text (not in its imports). */
function ownTypeNames(text: string): string[] {
  const clean = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...clean.matchAll(/\b(?:message|enum)\s+([A-Za-z_]\w*)/g)].map((m) => m[1] as string);
}
