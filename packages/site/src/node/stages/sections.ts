import { siteSections } from '../../sections/index.js';
import type { SectionContext } from '../../sections/section.js';
import { sectionContextFor } from '../section-context.js';
import { addStats } from '../writer.js';
import { type Build, sectionFailed } from './context.js';
import type { OwnThreads } from './prepare.js';
import { renderResourcePages } from './resource-pages.js';

/**
 * The render stage for sections (schemas, visualiser, API, ...): each builds its pages and files through
 * the build's writer; those started on their own thread are waited for, their writes counted and their
 * links added to the ledger. `onDemand` (a dev server): the pages of these resources, and the catalog-wide
 * ones only when `wide`.
 */
export async function buildSections(
  build: Build,
  ownThreads: OwnThreads,
  onDemand?: { only: ReadonlySet<string>; wide: boolean },
): Promise<void> {
  const only = onDemand?.only ?? (build.output.incremental ? build.options.only : undefined);
  const context: SectionContext = sectionContextFor(
    build.loaded,
    build.base,
    build.output.layouts,
    { write: build.write, writePage: build.writePage },
    only,
    build.bodyLinks,
    onDemand?.wide ?? true,
  );
  for (const section of siteSections) {
    if (ownThreads.has(`section:${section.name}`)) continue;
    try {
      await section.build(context);
      build.phase(`section:${section.name}`);
    } catch (error) {
      build.report(sectionFailed(section.name, (error as Error).message));
    }
  }
  for (const [name, thread] of ownThreads) {
    const done = await thread.done;
    // A page thread that failed (a bug) costs its pages nothing: they render here, and count from here.
    const redo = thread.pages !== undefined && done.error !== undefined;
    if (!redo) addStats(build.stats, done.stats);
    if (done.links) build.ledger.merge(done.links);
    if (done.bodyLinks) build.bodyLinks.merge(done.bodyLinks);
    for (const d of done.diagnostics) build.report(d);
    build.phases[`${name} (own thread)`] = done.ms;
    const section = name.startsWith('section:') ? name.slice('section:'.length) : undefined;
    if (redo && thread.pages) {
      build.toRender = thread.pages;
      await renderResourcePages(build);
    } else if (done.error !== undefined) build.report(sectionFailed(section ?? name, done.error));
    await siteSections.find((x) => x.name === section)?.afterOwnThread?.(context);
  }
  build.phase('waiting for threads');
}
