import type { LoadedCatalog } from '@switchyard/loader';
import { copyAssets } from './stages/assets.js';
import { writeCatalogData } from './stages/catalog-data.js';
import { renderCatalogPages } from './stages/catalog-pages.js';
import { createBuild, resultOf } from './stages/context.js';
import { closeOutput, openOutput } from './stages/output.js';
import { prepareSections, startOwnThreads } from './stages/prepare.js';
import { renderResourcePages, startCompiling } from './stages/resource-pages.js';
import { buildSections } from './stages/sections.js';
import type { BuildOptions, BuildResult } from './stages/types.js';

export { checkUpToDate, UnsafeOutputError, type UpToDate } from './stages/output.js';
export type { BuildOptions, BuildResult } from './stages/types.js';

/**
 * Builds the static site from a loaded (and checked) catalog: every page, the raw Markdown beside each, the
 * JSON the browser fetches once (navigation, search, discover tables), llms.txt, and assets. Writes into a
 * fresh folder and swaps it in only when everything succeeded, so a failed build leaves the previous site
 * whole. Each stage is a module of `stages/`; this is their order.
 */
export async function buildSite(loaded: LoadedCatalog, options: BuildOptions = {}): Promise<BuildResult> {
  const opened = performance.now();
  const output = await openOutput(loaded, options);
  if (output.upToDate) return output.upToDate;
  const build = createBuild(loaded, options, output);
  build.phases.open = Math.round(performance.now() - opened);
  const ownThreads = startOwnThreads(build);
  startCompiling(build);
  await prepareSections(build);
  await renderResourcePages(build);
  await renderCatalogPages(build);
  await buildSections(build, ownThreads);
  await writeCatalogData(build);
  await copyAssets(build);
  await build.bodyLinks.finish(output.work, build.ledger, build.report);
  build.phase('links');
  const result = resultOf(build);
  const closing = performance.now();
  await closeOutput(output, loaded, result, options.deleteOldInBackground);
  // Swapping the new site in deletes the old one: on a busy disk, as long as writing it.
  build.phases.close = Math.round(performance.now() - closing);
  return result;
}
