export { createCatalogIgnore } from './catalog-ignore.js';
export { classify, type Placement } from './classify.js';
export { configFiles, type LoadedConfig, loadConfig } from './config.js';
export * from './federation/index.js';
export { type ParsedFile, parseFrontmatter } from './frontmatter.js';
export {
  type CatalogPath,
  copyInside,
  createRootReader,
  type Inside,
  maxReadBytes,
  type Refusal,
  type RootPolicy,
  refusalText,
  resolveCatalogPath,
  resolveInside,
  rootPolicy,
  writableInside,
} from './inside-root.js';
export { type LoadedCatalog, loadCatalog } from './load-catalog.js';
export { readResource } from './read-resource.js';
export {
  type CatalogSnapshot,
  type ReadSnapshot,
  readSnapshot,
  restoreSnapshot,
  type SnapshotResource,
  snapshotOf,
  writeSnapshot,
} from './snapshot.js';
export { type WalkResult, walkCatalog, walkFolder } from './walk.js';
export { type CatalogWatcher, type WatchOptions, watchCatalog, watchDebounceMs } from './watch-catalog.js';
export * from './write/index.js';
