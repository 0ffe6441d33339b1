import type { Diagnostic } from '@switchyard/model';

export type SchemaFormat = 'json-schema' | 'avro' | 'protobuf' | 'openapi' | 'asyncapi' | 'graphql';

/** Reads a catalog file as text, by a `/`-separated path relative to the catalog root; undefined if absent. */
export type ReadFile = (path: string) => string | undefined;

/** One field of a schema, with its children (properties of an object, fields of a record or message). */
export interface Field {
  name: string;
  /** Dotted path from the root; array items add `[]` (`items[].sku`), map values `{}`. */
  path: string;
  /** The type as its format writes it: `string`, `array<Item>`, `string | null`, `map<string, int32>`. */
  type: string;
  required: boolean;
  description?: string;
  /** Limits and annotations: format, pattern, minimum, logicalType, default, Protobuf tag, parameter `in`. */
  constraints: Record<string, string | number | boolean>;
  /** Allowed values, written as JSON for non-strings. */
  enum?: string[];
  /** Example values, written as JSON. */
  examples?: string[];
  deprecated?: boolean;
  /** The field's type is one of its ancestors: its children are not repeated. */
  recursive?: boolean;
  children: Field[];
}

/** A named type of a format that has them (Avro records and enums, Protobuf messages, GraphQL types). */
export interface NamedType {
  name: string;
  kind: string;
  description?: string;
  fields: Field[];
  enum?: string[];
}

export interface ApiParameter {
  name: string;
  /** path, query, header, cookie, or argument (GraphQL). */
  in: string;
  field: Field;
}

export interface ApiBody {
  contentType: string;
  /** The body's type (`object`, `array<Order>`) and its fields. */
  type: string;
  fields: Field[];
}

export interface ApiResponse {
  status: string;
  description?: string;
  bodies: ApiBody[];
}

export interface ApiOperation {
  /** operationId, or `METHOD path`, or the AsyncAPI operation key, or the GraphQL field name. */
  id: string;
  /** HTTP method in upper case, `SEND`/`RECEIVE` (AsyncAPI), or `QUERY`/`MUTATION`/`SUBSCRIPTION`. */
  method: string;
  /** HTTP path, AsyncAPI channel address, or the GraphQL return type. */
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  parameters: ApiParameter[];
  requestBodies: ApiBody[];
  responses: ApiResponse[];
  /** AsyncAPI: the channel key and the message names the operation carries. */
  channel?: string;
  messages: string[];
}

export interface ApiChannel {
  name: string;
  address?: string;
  description?: string;
  parameters: Field[];
  messages: string[];
}

export interface ApiMessage {
  name: string;
  title?: string;
  summary?: string;
  description?: string;
  contentType?: string;
  payload: Field[];
  /** The payload's own type when it is not an object (`string`, `array<Item>`). */
  payloadType: string;
  headers: Field[];
  examples: string[];
}

/** An OpenAPI, AsyncAPI or GraphQL document: what it offers, with every body as a field tree. */
export interface ApiSpec {
  /** `OpenAPI 3.1.0`, `Swagger 2.0`, `AsyncAPI 3.0.0`, `GraphQL`. */
  specVersion: string;
  title?: string;
  version?: string;
  description?: string;
  servers: { name: string; url: string; description?: string }[];
  operations: ApiOperation[];
  channels: ApiChannel[];
  messages: ApiMessage[];
  /** Tag descriptions, in document order (operations are grouped by these, then by any others). */
  tags: { name: string; description?: string }[];
}

/** What a schema or spec file holds, in one shape for every format. Parsing never throws: problems are diagnostics. */
export interface ParsedSchema {
  file: string;
  format: SchemaFormat;
  /** False when the file could not be read or parsed at all (see diagnostics); fields are then empty. */
  ok: boolean;
  title?: string;
  description?: string;
  /** The root's fields: a JSON Schema's properties, the top Avro record, the first Protobuf message. */
  fields: Field[];
  /** The root's own type (`object`, `record Order`, `array<Item>`). */
  rootType: string;
  types: NamedType[];
  api?: ApiSpec;
  diagnostics: Diagnostic[];
  /** Every file read to parse it (the file itself first, then referenced files), for cache checks. */
  files: string[];
}
