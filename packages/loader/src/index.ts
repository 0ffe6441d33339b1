export { classify, type Placement } from './classify.js';
export { configFiles, type LoadedConfig, loadConfig } from './config.js';
export * from './federation/index.js';
export { type ParsedFile, parseFrontmatter } from './frontmatter.js';
export { type LoadedCatalog, loadCatalog } from './load-catalog.js';
export { readResource } from './read-resource.js';
export { walkCatalog } from './walk.js';
export * from './write/index.js';
