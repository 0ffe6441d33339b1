/** One row of `api/schemas/index.json`: a schema or spec of the newest version of a resource. */
export interface SchemaRow {
  kind: string;
  /** The kind's plural (`events`), as in URLs and in the diff file's path. */
  plural: string;
  id: string;
  name: string;
  version: string;
  /** Every version of the resource that has a schema, newest first (for the From/To picker). */
  versions: string[];
  /** json-schema, avro, protobuf, openapi, asyncapi, graphql. */
  format: string;
  file: string;
  /** The schema page (`/schemas/...`) or, for a spec, its API page: a link as written in the site. */
  url: string;
  docs: string;
  domains: string[];
  owners: string[];
  /** Every field name the schema holds (searchable: which schemas carry `orderId`). */
  fields: string[];
  summary: string;
}

/** `api/schemas/diff/{plural}/{id}.json`: the comparison of every pair of versions, as HTML fragments. */
export interface SchemaDiffFile {
  versions: string[];
  /** `"{from}..{to}"` → the field-level changes and the text diff, rendered by the build. */
  pairs: Record<string, string>;
}
