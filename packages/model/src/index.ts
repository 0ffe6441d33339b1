export { BoundedCache, stringBytes } from './bounded-cache.js';
export { buildResource, type ResourceFields, resourceFromFrontmatter } from './build-resource.js';
export {
  type BuildOptions,
  type BuiltCatalog,
  buildCatalog,
  type Catalog,
  type Edge,
  resolvePointer,
} from './catalog.js';
export { checkGraph } from './checks/graph.js';
export {
  type CatalogConfig,
  configSchema,
  defineConfig,
  type ResolvedConfig,
  resolveConfig,
  unknownConfigFields,
} from './config.js';
export {
  type Diagnostic,
  type DiagnosticCode,
  diagnostic,
  diagnosticCatalogue,
  type Location,
  type Severity,
  sortDiagnostics,
} from './diagnostics.js';
export * from './diff/catalog-diff.js';
export * from './kinds/adr.js';
export * from './kinds/agent.js';
export * from './kinds/changelog.js';
export * from './kinds/channel.js';
export * from './kinds/container.js';
export * from './kinds/data-product.js';
export * from './kinds/diagram.js';
export * from './kinds/doc.js';
export * from './kinds/domain.js';
export * from './kinds/entity.js';
export * from './kinds/flow.js';
export * from './kinds/kind.js';
export * from './kinds/message.js';
export * from './kinds/registry.js';
export * from './kinds/service.js';
export * from './kinds/system.js';
export * from './kinds/team.js';
export * from './kinds/ubiquitous-language.js';
export * from './kinds/user.js';
export { formatPath, pathKey } from './path.js';
export * from './queries/edges.js';
export * from './queries/flows.js';
export * from './queries/impact.js';
export * from './queries/lookup.js';
export * from './queries/membership.js';
export * from './queries/messages.js';
export * from './queries/neighbours.js';
export * from './queries/ownership.js';
export * from './queries/scorecards.js';
export { formatRef, type NodeKey, type NodeRef, parseRef } from './ref.js';
export { type BodyReference, scanReferences } from './references.js';
export { kindsForReferenceType, resolveBodyReference } from './resolve-body.js';
export { type DataOf, isHidden, locate, nameOf, type Resource, type Source, summaryOf } from './resource.js';
export { article, type FieldIssue, suggest, type Validated, validateFrontmatter } from './validate.js';
export {
  compareVersions,
  isOrderableVersion,
  latestOf as latestVersion,
  parseVersionSpec,
  resolveVersion,
  type VersionSpec,
} from './version.js';
