export { affectedResources } from './node/affected.js';
export { type BuildOptions, type BuildResult, buildSite, UnsafeOutputError } from './node/build.js';
export { checkLinks, type LinkReport } from './node/check-links.js';
export { createUrls, type Urls } from './urls.js';
