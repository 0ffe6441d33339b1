import { trimScorecards } from '@switchyard/model';
import { scorecardsOf } from '../data/scorecards.js';
import { ScorecardsPage } from '../render/pages/scorecards.js';
import type { SiteSection } from './section.js';

/**
 * Scorecards: `/scorecards` (a card per team and per domain, each failure linked to its resource) and
 * `api/scorecards.json`, from the schemas the build prepared. Catalog-wide: written by a full build and
 * by a dev server when one of its paths is asked for.
 */
/** Failures listed per check of each card in `api/scorecards.json` (`failed` counts them all). */
const failuresListed = 20;

export const scorecardsSection: SiteSection = {
  name: 'scorecards',
  async build(ctx) {
    if (!ctx.wide) return;
    const cards = trimScorecards(scorecardsOf(ctx.loaded, ctx.base.schemas), failuresListed);
    await ctx.write('api/scorecards.json', JSON.stringify(cards));
    await ctx.writePage('/scorecards', await ctx.render(() => <ScorecardsPage cards={cards} />));
  },
};
