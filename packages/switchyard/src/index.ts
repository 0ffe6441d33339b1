/**
 * The Switchyard SDK. Everything a script needs to work with a catalog:
 * - read: `loadCatalog(dir)` gives the catalog, its config and every diagnostic;
 * - query: the same functions the site, API and MCP server use (`producersOf`, `consumersOf`, `ownersOf`,
 *   `domainsOf`, `latestOf`, ...);
 * - write: `createMessage`, `addToSends`, `addToReceives`, `bumpVersion`, `editResource`, each an atomic
 *   write that keeps the frontmatter's comments and key order and never touches the body.
 */
export * from '@switchyard/loader';
export * from '@switchyard/model';
