import type { Catalog, Resource } from '@switchyard/model';
import type { UrlOf } from './links.js';
import { buildSearch, type Search } from './search.js';

/** Where a schema field name occurs (the shape of `@switchyard/schemas`' FieldIndex answers). */
export interface FieldUse {
  /** The key of the resource whose schema holds the field. */
  owner: string;
  file: string;
  path: string;
  type: string;
  required: boolean;
}

export interface FieldLookup {
  find(name: string): FieldUse[];
}

/** What the HTTP API and the MCP server answer from: one loaded catalog, replaced whole on reload. */
export interface CatalogState {
  catalog: Catalog;
  title: string;
  urlOf: UrlOf;
  /** A catalog file as text, relative to the root; undefined when absent or outside the root. */
  readFile(path: string): string | undefined;
  /** The search index, built on first use. */
  readonly search: Search;
  /** Schema field names of a resource, for search (empty when the schema package is not there). */
  fieldsOf(resource: Resource): string;
  /** The index of schema fields, once every schema is parsed; undefined when there is none. */
  fields(): Promise<FieldLookup | undefined>;
}

export interface StateInput {
  catalog: Catalog;
  title: string;
  urlOf: UrlOf;
  readFile(path: string): string | undefined;
  fieldsOf?: (resource: Resource) => string;
  fields?: () => Promise<FieldLookup | undefined>;
}

export function createCatalogState(input: StateInput): CatalogState {
  let search: Search | undefined;
  const fieldsOf = input.fieldsOf ?? (() => '');
  return {
    catalog: input.catalog,
    title: input.title,
    urlOf: input.urlOf,
    readFile: input.readFile,
    fieldsOf,
    fields: input.fields ?? (async () => undefined),
    get search() {
      search ??= buildSearch(input.catalog, fieldsOf);
      return search;
    },
  };
}

/** The path of a resource's schema file relative to the catalog root, if it names one. */
export function schemaPathOf(resource: Resource): string | undefined {
  const path = (resource.data as { schemaPath?: unknown }).schemaPath;
  if (typeof path !== 'string' || !path) return undefined;
  return resource.source.dir ? `${resource.source.dir}/${path}` : path;
}
