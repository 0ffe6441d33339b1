import { siteSections } from '../../sections/index.js';
import type { SectionContext } from '../../sections/section.js';
import { sectionContextFor } from '../section-context.js';
import { addStats } from '../writer.js';
import { type Build, sectionFailed } from './context.js';
import type { OwnThreads } from './prepare.js';

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
    if (ownThreads.has(section.name)) continue;
    try {
      await section.build(context);
      build.phase(`section:${section.name}`);
    } catch (error) {
      build.report(sectionFailed(section.name, (error as Error).message));
    }
  }
  for (const [name, running] of ownThreads) {
    const done = await running;
    addStats(build.stats, done.stats);
    if (done.links) build.ledger.merge(done.links, done.linkCount);
    for (const d of done.diagnostics) build.report(d);
    if (done.error !== undefined) build.report(sectionFailed(name, done.error));
    build.phases[`section:${name} (own thread)`] = done.ms;
    await siteSections.find((x) => x.name === name)?.afterOwnThread?.(context);
  }
  build.phase('waiting for threads');
}
