/**
 * The score on a team's or domain's page: `<p data-sy-score="team:ordering-platform" hidden>` is filled in
 * from `api/scorecards.json` (written with the scorecards page) and shown. Scores are catalog-wide, so the
 * page itself does not carry them: it stays the same bytes whatever else changes.
 */
import { assetUrl } from './base.js';

interface Group {
  key: string;
  score: number | null;
  checks: { id: string; failed: number }[];
}

const band = (score: number) => (score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor');

export async function initScore(): Promise<void> {
  const slots = [...document.querySelectorAll<HTMLElement>('[data-sy-score]')];
  if (slots.length === 0) return;
  const response = await fetch(assetUrl('api/scorecards.json'));
  if (!response.ok) return;
  const cards = (await response.json()) as { teams: Group[]; domains: Group[] };
  const groups = new Map([...cards.teams, ...cards.domains].map((g) => [g.key, g]));
  for (const slot of slots) {
    const group = groups.get(slot.dataset.syScore ?? '');
    const value = slot.querySelector<HTMLElement>('[data-sy-score-value]');
    if (!group || group.score === null || !value) continue;
    value.textContent = String(group.score);
    value.className = `sy-score sy-score--${band(group.score)}`;
    const failing = group.checks.filter((c) => c.failed > 0).map((c) => c.id);
    const note = slot.querySelector<HTMLElement>('[data-sy-score-note]');
    if (note) note.textContent = failing.length > 0 ? `fails ${failing.join(', ')}` : 'passes every check';
    slot.hidden = false;
  }
}
