export { type BuildOptions, type BuildResult, buildSite } from './node/build.js';
export { checkLinks, type LinkReport } from './node/check-links.js';
export { createUrls, type Urls } from './urls.js';
