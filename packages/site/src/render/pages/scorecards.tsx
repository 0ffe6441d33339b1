import type { GroupScore, ScoreCheckResult, Scorecards } from '@switchyard/model';
import { ResourceRef } from '../components/ref.js';
import { useRender } from '../context.js';
import { Layout } from '../layout.js';

/** The anchor of a group's card on `/scorecards` (`team-ordering-platform`). */
export const scorecardAnchor = (group: Pick<GroupScore, 'kind' | 'id'>) => `${group.kind}-${group.id}`;

/** good (80 and up), fair (50 and up) or poor: the colour of a score. */
export function scoreBand(score: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null) return 'none';
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

function Score({ score, large }: { score: number | null; large?: boolean }) {
  return (
    <span class={`sy-score sy-score--${scoreBand(score)}${large ? ' sy-score--large' : ''}`}>
      {score === null ? '–' : score}
      {score !== null && <span class="sy-score__of">/100</span>}
    </span>
  );
}

function Meter({ score }: { score: number | null }) {
  return (
    <span class="sy-meter" aria-hidden="true">
      <span class={`sy-meter__bar sy-meter__bar--${scoreBand(score)}`} style={`width:${score ?? 0}%`} />
    </span>
  );
}

/**
 * A failing check of a card: its count, and the resources that fail it, listed by the browser from
 * `api/scorecards.json` when opened (`client/score.ts`). The page carries no list itself: it has a card per
 * team and per domain, and at bench XL five links per check made 318 KB of it.
 */
function Failures({ group, check }: { group: GroupScore; check: ScoreCheckResult }) {
  const { urls } = useRender();
  return (
    <details class="sy-scorecard__check" data-sy-failures={`${group.key} ${check.id}`}>
      <summary>
        <code>{check.id}</code>{' '}
        <span class="sy-muted">
          {check.passed} of {check.applicable} pass
        </span>
      </summary>
      <ul>
        <li class="sy-muted">
          {check.failed} {check.failed === 1 ? 'fails' : 'fail'}: listed in{' '}
          <a href={urls.asset('/api/scorecards.json')}>api/scorecards.json</a> and by{' '}
          <code>switchyard score</code>.
        </li>
      </ul>
    </details>
  );
}

function Card({ group }: { group: GroupScore }) {
  const { catalog } = useRender();
  const subject = catalog.versions.get(`${group.kind}:${group.id}`)?.[0];
  const failing = group.checks.filter((c) => c.failed > 0);
  const passing = group.checks.filter((c) => c.applicable > 0 && c.failed === 0);
  return (
    <article class="sy-scorecard" id={scorecardAnchor(group)}>
      <header class="sy-scorecard__head">
        <h3>{subject ? <ResourceRef resource={subject} /> : group.name}</h3>
        <Score score={group.score} />
      </header>
      <Meter score={group.score} />
      <p class="sy-muted">
        {group.resources} {group.resources === 1 ? 'resource' : 'resources'}
        {passing.length > 0 && <> · passes {passing.map((c) => c.id).join(', ')}</>}
      </p>
      {failing.map((c) => (
        <Failures key={c.id} group={group} check={c} />
      ))}
    </article>
  );
}

/** `/scorecards`: the catalog's score, then a card per team and per domain with the checks behind it. */
export function ScorecardsPage({ cards }: { cards: Scorecards }) {
  const { urls } = useRender();
  const enabled = cards.checks.filter((c) => c.enabled);
  return (
    <Layout title="Scorecards" section="scorecards" path="/scorecards" wide>
      <article class="sy-article sy-scorecards">
        <p class="sy-eyebrow">Catalog health</p>
        <h1>Scorecards</h1>
        <div class="sy-scorecards__overall">
          <Score score={cards.catalog.score} large />
          <div>
            <p class="sy-lead">
              How complete and consistent the catalog is, per team and per domain: the weighted share of the
              checks below that their resources pass.
            </p>
            <p class="sy-muted">
              {cards.catalog.resources} resources scored. The same report:{' '}
              <a href={urls.asset('/api/scorecards.json')}>api/scorecards.json</a>, or{' '}
              <code>switchyard score</code>.
            </p>
          </div>
        </div>
        <details class="sy-scorecards__rules">
          <summary>The checks ({enabled.length})</summary>
          <div class="sy-table-wrap">
            <table class="sy-table">
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Weight</th>
                  <th scope="col">Rule</th>
                </tr>
              </thead>
              <tbody>
                {enabled.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <code>{c.id}</code>
                    </td>
                    <td>{c.weight}</td>
                    <td>{c.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <h2 id="teams">Teams</h2>
        {cards.teams.length === 0 && <p class="sy-muted">No resource names a team among its owners.</p>}
        <div class="sy-scorecards__grid">
          {cards.teams.map((g) => (
            <Card key={g.key} group={g} />
          ))}
        </div>
        <h2 id="domains">Domains</h2>
        {cards.domains.length === 0 && <p class="sy-muted">The catalog has no domains.</p>}
        <div class="sy-scorecards__grid">
          {cards.domains.map((g) => (
            <Card key={g.key} group={g} />
          ))}
        </div>
      </article>
    </Layout>
  );
}
