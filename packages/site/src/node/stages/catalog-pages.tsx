import { type Kind, kindDef, resourcesOf } from '@switchyard/model';
import { buildDiscover } from '../../data/discover.js';
import { orderedDocs } from '../../data/nav.js';
import { DiscoverPage, discoverKinds, SettingsPage } from '../../render/pages/discover.js';
import { HomePage } from '../../render/pages/home.js';
import { DirectoryPage, directoryPageCount, directoryPath } from '../../render/pages/people.js';
import { redirectPage, redirectScriptPath } from '../../render/redirect.js';
import { renderHtml } from '../render-page.js';
import type { Build } from './context.js';

/** The render stage for catalog-wide pages: home, `/docs`, the people directories, Discover, settings. */
export async function renderCatalogPages(build: Build): Promise<void> {
  const { base, urls, loaded, writePage, write } = build;
  const layouts = build.output.layouts;
  const firstDoc = orderedDocs(loaded.catalog)[0] ?? resourcesOf(loaded.catalog, 'domain')[0];
  await writePage('/', await renderHtml(base, () => <HomePage />, layouts));
  // Every page links /docs: with nothing to show, it leads home.
  await writePage(
    '/docs',
    redirectPage(firstDoc ? urls.resource(firstDoc) : urls.page('/'), 'Docs', urls.asset(redirectScriptPath)),
  );
  for (const kind of ['team', 'user'] as const) {
    for (let page = 1; page <= directoryPageCount(loaded.catalog, kind); page++) {
      await writePage(
        directoryPath(kind, page),
        await renderHtml(base, () => <DirectoryPage kind={kind} page={page} />, layouts),
      );
    }
  }
  for (const kind of discoverKinds) {
    await writePage(
      `/discover/${kindDef(kind).plural}`,
      await renderHtml(base, () => <DiscoverPage kind={kind} />, layouts),
    );
    await write(
      `api/discover/${kindDef(kind).plural}.json`,
      JSON.stringify(buildDiscover(loaded.catalog, urls, kind as Kind)),
    );
  }
  await writePage('/settings', await renderHtml(base, () => <SettingsPage />, layouts));
  build.phase('catalog pages');
}
