export { type CatalogSchemas, parseCatalogSchemas, type SchemaEntry, schemaSitesOf } from './catalog.js';
export { checkExample } from './check-example.js';
export * from './compat/index.js';
export { detectFormat } from './detect.js';
export { diffFields, diffText, type FieldChange, fieldCount } from './diff.js';
export { allFields, FieldIndex, type FieldUse } from './field-index.js';
export { resolveRelative } from './files.js';
export {
  httpMethods,
  isSwagger2,
  type OpenapiOperation,
  openapiOperations,
  requestSchema,
  successSchema,
} from './openapi-operations.js';
export { parseSchemaFile, parseSchemaText } from './parse.js';
export type * from './types.js';
