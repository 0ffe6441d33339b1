export {
  type FederatedCatalog,
  type FederateOptions,
  type FederationLock,
  federateCatalog,
  type LockedSource,
  lockFileName,
  writeFederationLock,
} from './federate.js';
export {
  type ConflictRule,
  type FederationConfig,
  type FederationSource,
  resolveFederationConfig,
} from './federation-config.js';
export { federationCache } from './fetch-source.js';
export { type WrittenFolder, writeFederatedFolder } from './write-federated.js';
