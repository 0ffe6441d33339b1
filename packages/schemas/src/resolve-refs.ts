import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { parseTextData } from './text-data.js';
import type { ReadFile } from './types.js';

export interface ResolvedRefs {
  /** The document with every `$ref` replaced by its target; cycles become object cycles. */
  data: unknown;
  /** Names of `$ref` targets by the object they resolved to: `#/$defs/Address` → `Address`. */
  refNames: WeakMap<object, string>;
  /** Files read for references, root-relative. */
  files: string[];
  /** References that could not be resolved: the `$ref` as written and why. */
  unresolved: { ref: string; message: string }[];
}

export const base = 'file:///';

/** A json-schema-ref-parser resolver that reads only catalog files, through `read`, noting each one. */
export function catalogResolver(read: ReadFile, files: string[]) {
  return {
    order: 1,
    canRead: true,
    read(info: { url: string }) {
      const path = decodeURIComponent(new URL(info.url).pathname).replace(/^\/+/, '');
      const text = read(path);
      if (text === undefined) throw new Error(`${path} is not a file of the catalog`);
      files.push(path);
      const parsed = parseTextData(text, path.endsWith('.json'));
      if (!parsed.ok) throw new Error(`${path} line ${parsed.line}: ${parsed.message}`);
      return JSON.stringify(parsed.data);
    },
  };
}

/** `#/$defs/Money` → `Money`; a whole file → its `title`, else its name without extension. */
function nameOfRef(ref: string, target: unknown): string {
  const [file = '', pointer = ''] = ref.split('#');
  const last = pointer.split('/').filter(Boolean).pop();
  if (last) return decodeURIComponent(last).replace(/~1/g, '/').replace(/~0/g, '~');
  const title = (target as { title?: unknown }).title;
  if (typeof title === 'string' && title.length > 0 && title.length <= 60) return title;
  return (file.split('/').pop() ?? file).replace(/\.(schema\.)?(json|ya?ml)$/i, '');
}

/**
 * Replaces every `$ref` of a parsed document (local `#/...` pointers and files relative to it) with what it
 * points to, reading files only through `read` (so only inside the catalog). Never throws: references that
 * do not resolve are listed and left as they were.
 */
export async function resolveRefs(file: string, data: unknown, read: ReadFile): Promise<ResolvedRefs> {
  const files: string[] = [];
  const refNames = new WeakMap<object, string>();
  const unresolved: ResolvedRefs['unresolved'] = [];
  if (typeof data !== 'object' || data === null) return { data, refNames, files, unresolved };
  const parser = new $RefParser();
  const catalogFiles = catalogResolver(read, files);
  try {
    const out = await parser.dereference(`${base}${file}`, structuredClone(data) as object, {
      resolve: { file: false, http: false, catalog: catalogFiles } as never,
      continueOnError: true,
      dereference: {
        circular: true,
        onDereference(path: string, value: unknown) {
          if (typeof value === 'object' && value !== null && !refNames.has(value))
            refNames.set(value, nameOfRef(path, value));
        },
      },
    });
    return { data: out, refNames, files, unresolved };
  } catch (error) {
    const errors = (error as { errors?: { message: string; path?: unknown[] }[] }).errors;
    const partial = (parser.schema as unknown) ?? structuredClone(data);
    for (const e of errors ?? [{ message: (error as Error).message }]) {
      const written = refAt(data, e.path ?? []);
      const quoted = /"([^"]+)"/.exec(e.message)?.[1] ?? '';
      unresolved.push({
        ref: written ?? quoted.replace(base, ''),
        message: e.message.replaceAll(base, '').replace(/\.+$/, ''),
      });
      // What could be resolved is kept; a failing reference stays as written, so it shows by its name.
      if (written && e.path?.length) setAt(partial, e.path, { $ref: written });
    }
    return { data: partial, refNames, files, unresolved };
  }
}

/** The `$ref` written at a path of the original document. */
function refAt(data: unknown, path: unknown[]): string | undefined {
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[String(key)];
  }
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' ? ref : undefined;
}

function setAt(data: unknown, path: unknown[], value: unknown): void {
  let node = data as Record<string, unknown> | undefined;
  for (const key of path.slice(0, -1)) {
    const next = node?.[String(key)];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  if (node) node[String(path[path.length - 1])] = value;
}
