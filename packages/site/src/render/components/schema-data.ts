import { kindDef, type Resource } from '@switchyard/model';
import { allFields, type ParsedSchema, type SchemaEntry } from '@switchyard/schemas';
import { versionSegment } from '../../urls.js';

/** An `examples/` payload of a message, with what is wrong with it against the message's schema. */
export interface SchemaExample {
  file: string;
  text: string;
  problems: string[];
}

/**
 * What the build parsed before any page rendered (parsing is async, rendering synchronous): every schema
 * and spec of the catalog. Pages read it from the render context (`schemas`), keyed by file or resource.
 * The parsed files are packed (`@switchyard/schemas` `packSchema`): their trees are read back when asked.
 */
export interface SiteSchemas {
  /** Parsed files, by path relative to the catalog root. */
  byFile: ReadonlyMap<string, ParsedSchema>;
  /** Each resource's schemas and specs, in frontmatter order, by resource key. */
  byResource: ReadonlyMap<string, readonly SchemaEntry[]>;
  examples: ReadonlyMap<string, readonly SchemaExample[]>;
  /** Keys of the resource versions that have a changelog page (a changelog file, or a schema diff). */
  changelogs: ReadonlySet<string>;
}

/**
 * The distinct field names of a resource's schemas and specs (for search), read from their trees when
 * asked: kept for every resource from `prepare` on, they were 2 MB at bench M and grew with the catalog.
 */
export function schemaFieldNames(schemas: SiteSchemas, key: string): string[] | undefined {
  const entries = schemas.byResource.get(key);
  return entries && distinctFieldNames(entries.map((e) => e.parsed));
}

/** The distinct names of every field of these parsed files, in the order they first occur. */
export function distinctFieldNames(parsed: readonly ParsedSchema[]): string[] {
  const names = new Set<string>();
  for (const p of parsed) for (const f of allFields(p)) names.add(f.name);
  return [...names];
}

/** The page segment of a spec, as EventCatalog names it: `spec` (OpenAPI), `asyncapi`, `graphql`. */
export function specSegment(parsed: ParsedSchema): string | undefined {
  if (parsed.format === 'openapi') return 'spec';
  if (parsed.format === 'asyncapi' || parsed.format === 'graphql') return parsed.format;
  return undefined;
}

/** A spec's file name without folder and extension (`openapi` for `specs/openapi.yml`). */
export function specName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
}

/** `/docs/services/{id}/{version}/spec/{file}` (or `/asyncapi/`, `/graphql/`) for a spec entry. */
export function specPath(resource: Resource, entry: SchemaEntry): string | undefined {
  const segment = specSegment(entry.parsed);
  if (!segment) return undefined;
  return `/docs/${kindDef(resource.kind).plural}/${resource.id}${versionSegment(resource)}/${segment}/${specName(entry.file)}`;
}

/** `/schemas/{kind plural}/{id}/{version}`: the schema page of a resource version. */
export function schemaPagePath(resource: Resource): string {
  return `/schemas/${kindDef(resource.kind).plural}/${resource.id}${versionSegment(resource)}`;
}

/** `/docs/{kind plural}/{id}/{version}/changelog`. */
export function changelogPath(resource: Resource): string {
  return `/docs/${kindDef(resource.kind).plural}/${resource.id}${versionSegment(resource)}/changelog`;
}

export const formatLabels: Record<string, string> = {
  'json-schema': 'JSON Schema',
  avro: 'Avro',
  protobuf: 'Protobuf',
  openapi: 'OpenAPI',
  asyncapi: 'AsyncAPI',
  graphql: 'GraphQL',
};
