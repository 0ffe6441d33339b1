export { buildCatalogIndex, buildGraph, buildResourceDoc, staticApiFiles } from './build-json.js';
export { type ApiAppOptions, createApiApp } from './http/app.js';
export { createNodeServer, listenApp } from './http/listen.js';
export { createSiteApp, type SiteAppOptions } from './http/site-app.js';
export {
  contentTypeOf,
  createSiteFiles,
  findSiteFile,
  parseSitePath,
  type SiteFilesOptions,
  type SitePath,
} from './http/static-files.js';
export { apiPathOf, isAttachment, linkOf, type UrlOf } from './links.js';
export { type Resolved, resolveRef } from './refs.js';
export { buildSearch, type Search, type SearchHit, type SearchOptions } from './search.js';
export {
  apiJsonSchemas,
  apiShapes,
  type CatalogIndex,
  catalogIndexSchema,
  type Graph,
  graphSchema,
  type Link,
  linkSchema,
  type ResourceDoc,
  resourceDocSchema,
} from './shapes.js';
export {
  type CatalogState,
  createCatalogState,
  type FieldLookup,
  type FieldUse,
  type StateInput,
  schemaPathOf,
} from './state.js';
