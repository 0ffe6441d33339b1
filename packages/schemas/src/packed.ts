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
 * The parsed schema with its trees kept as JSON text, read back when asked for (`fields`, `types` and
 * `api` are getters). Read trees are shared while anything holds them, so the readers of one page get the
 * same objects, and collected after. The summary (format, title, diagnostics, files) stays as it is.
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
  let held: WeakRef<Trees> | undefined;
  const trees = (): Trees => {
    const known = held?.deref();
    if (known) return known;
    const read = JSON.parse(text) as Trees;
    held = new WeakRef(read);
    return read;
  };
  const packed = { ...summary } as ParsedSchema;
  Object.defineProperty(packed, 'fields', { get: () => trees().fields, enumerable: true });
  Object.defineProperty(packed, 'types', { get: () => trees().types, enumerable: true });
  if (api) Object.defineProperty(packed, 'api', { get: () => trees().api, enumerable: true });
  return packed;
}
