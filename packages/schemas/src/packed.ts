import { BoundedCache, stringBytes } from '@switchyard/model';
import type { ApiSpec, Field, NamedType, ParsedSchema } from './types.js';

/** The parts of a parsed schema that grow with it: its field tree, its named types, its API. */
interface Trees {
  fields: Field[];
  types: NamedType[];
  api?: ApiSpec;
}

/** Numbers JSON cannot write (YAML's `.inf`, `.nan`) are kept as their text, which is how pages show them. */
const finite = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;

/**
 * Trees read back lately, held strongly and bounded in bytes (their text's, which is about what the objects
 * take): the readers of one page get the same objects, and a loop over every schema holds a few at a time.
 * Not a `WeakRef`: V8 keeps a `WeakRef`'s target until the task that read it ends, so a synchronous loop
 * over the catalog's schemas (the search's field names, the explorer's index file) held every tree it read:
 * at bench L every tree read back at once is 36 MB.
 */
const readBack = new BoundedCache<{ trees: Trees; bytes: number }>(8 * 1024 * 1024, (read) => read.bytes);
/** The last trees read, even when larger than `readBack`'s bound: a big spec is not parsed once per getter. */
let lastRead: { key: string; trees: Trees } | undefined;
let packedCount = 0;

/**
 * The parsed schema with its trees kept as JSON text, read back when asked for (`fields`, `types` and
 * `api` are getters). Read trees are shared while they are among the last read (`readBack`), so the
 * readers of one page get the same objects. The summary (format, title, diagnostics, files) stays as it is.
 *
 * Why: the parse cache keeps every schema of the catalog for the next reload, and the site keeps them from
 * `prepare` to the last schema page, so their trees were what grew most with the catalog past the model.
 * Measured on the bench L catalog's 11,549 schemas: 65 MB as the parsers made them, 22 MB as text (36 MB
 * if every one is read back at once); writing all of them as text or reading all back takes 0.2 s.
 */
export function packSchema(parsed: ParsedSchema): ParsedSchema {
  const { fields, types, api, ...summary } = parsed;
  let text: string;
  try {
    text = JSON.stringify(api ? { fields, types, api } : { fields, types }, finite);
  } catch {
    // Trees JSON cannot write (a cycle, a BigInt) are kept as they are: packing never fails a parse.
    return parsed;
  }
  const key = String(packedCount++);
  const trees = (): Trees => {
    if (lastRead?.key === key) return lastRead.trees;
    let read = readBack.get(key)?.trees;
    if (!read) {
      read = JSON.parse(text) as Trees;
      readBack.set(key, { trees: read, bytes: stringBytes(text) });
    }
    lastRead = { key, trees: read };
    return read;
  };
  const packed = { ...summary } as ParsedSchema;
  Object.defineProperty(packed, 'fields', { get: () => trees().fields, enumerable: true });
  Object.defineProperty(packed, 'types', { get: () => trees().types, enumerable: true });
  if (api) Object.defineProperty(packed, 'api', { get: () => trees().api, enumerable: true });
  return packed;
}
