import type { Resource } from '@switchyard/model';
import { useRender } from '../context.js';
import { scorecardAnchor } from '../pages/scorecards.js';

/**
 * Where a team's or domain's page shows its score: hidden until the browser fills it in from
 * `api/scorecards.json` (`client/score.ts`), linking to its card on `/scorecards`.
 */
export function ScoreLine({ resource }: { resource: Resource }) {
  const { urls } = useRender();
  if (resource.kind !== 'team' && resource.kind !== 'domain') return null;
  const anchor = scorecardAnchor({ kind: resource.kind, id: resource.id });
  return (
    <p class="sy-scoreline" data-sy-score={`${resource.kind}:${resource.id}`} hidden>
      <strong>Scorecard</strong>
      <span data-sy-score-value />
      <span class="sy-muted" data-sy-score-note />
      <a href={`${urls.page('/scorecards')}#${encodeURIComponent(anchor)}`}>See the checks</a>
    </p>
  );
}
