import { mapScoreChecks, type Scorecards, trimScorecards } from '@switchyard/model';
import { scorecardsOf } from '../data/scorecards.js';
import { ScorecardsPage } from '../render/pages/scorecards.js';
import type { SectionContext, SiteSection } from './section.js';

/** Failures listed per check of each card in `api/scorecards.json` (`failed` counts them all). */
const failuresListed = 20;

/** Each failure with the URL of its resource's page, for the browser to link (`client/score.ts`). */
function withUrls(cards: Scorecards, ctx: SectionContext): Scorecards {
  return mapScoreChecks(cards, (c) => ({
    ...c,
    failures: c.failures.map((f) => {
      const resource = ctx.catalog.byKey.get(f.resource.key);
      return resource ? { ...f, url: ctx.urls.resource(resource) } : f;
    }),
  }));
}

/**
 * Scorecards: `/scorecards` (a card per team and per domain; an opened check lists its failing resources
 * from the JSON) and `api/scorecards.json`, from the schemas the build prepared. Catalog-wide: written by
 * a full build and by a dev server when one of its paths is asked for.
 */
export const scorecardsSection: SiteSection = {
  name: 'scorecards',
  async build(ctx) {
    if (!ctx.wide) return;
    const cards = trimScorecards(scorecardsOf(ctx.loaded, ctx.base.schemas), failuresListed);
    await ctx.write('api/scorecards.json', JSON.stringify(withUrls(cards, ctx)));
    await ctx.writePage('/scorecards', await ctx.render(() => <ScorecardsPage cards={cards} />));
  },
};
