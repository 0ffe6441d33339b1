export { renderMarkdown } from './data/llms.js';
export { type ClusteredMap, clusterMap, clusterThreshold } from './diagram/clusters.js';
export { layoutDiagram } from './diagram/layout.js';
export { renderDiagramSvg } from './diagram/render-svg.js';
export type { DiagramInput } from './diagram/types.js';
export { affectedResources } from './node/affected.js';
export {
  type BuildOptions,
  type BuildResult,
  buildSite,
  checkUpToDate,
  UnsafeOutputError,
  type UpToDate,
} from './node/build.js';
export { checkLinks, type LinkReport } from './node/check-links.js';
export { type DevSite, type DevUpdate, openDevSite } from './node/dev-site.js';
export { fingerprintInTurns, fingerprintOf } from './node/fingerprint.js';
export { heapGrowingPercent, keepHeapNearLive } from './node/heap.js';
export { scoreLoadedCatalog } from './node/scorecards.js';
export { isBuildOutput } from './node/stages/output.js';
export { themeScript } from './render/layout.js';
export { isSafeUrl, safeUrl } from './shared/url-policy.js';
export { createUrls, type Urls } from './urls.js';
