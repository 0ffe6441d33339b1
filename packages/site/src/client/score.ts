/**
 * The score on a team's or domain's page: `<p data-sy-score="team:ordering-platform" hidden>` is filled in
 * from `api/scorecards.json` (written with the scorecards page) and shown. Scores are catalog-wide, so the
 * page itself does not carry them: it stays the same bytes whatever else changes. On /scorecards, an
 * opened check of a card lists the resources that fail it from the same file.
 */
import { safeUrl } from '../shared/url-policy.js';
import { assetUrl } from './base.js';

interface Failure {
  resource: { name: string };
  reason: string;
  /** The page of the resource, as the build wrote it. */
  url?: string;
}

interface Group {
  key: string;
  score: number | null;
  checks: { id: string; failed: number; failures: Failure[] }[];
}

interface Cards {
  catalog: Group;
  teams: Group[];
  domains: Group[];
}

let loading: Promise<Cards | undefined> | undefined;
/** `api/scorecards.json`, fetched once per page. */
function cards(): Promise<Cards | undefined> {
  loading ??= fetch(assetUrl('api/scorecards.json')).then((r) =>
    r.ok ? (r.json() as Promise<Cards>) : undefined,
  );
  return loading;
}

const band = (score: number) => (score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor');

export async function initScore(): Promise<void> {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-sy-failures]')) {
    details.addEventListener('toggle', () => {
      if (details.open && !details.dataset.filled) void listFailures(details);
    });
  }
  const slots = [...document.querySelectorAll<HTMLElement>('[data-sy-score]')];
  if (slots.length === 0) return;
  const all = await cards();
  if (!all) return;
  const groups = new Map([...all.teams, ...all.domains].map((g) => [g.key, g]));
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

/** Fills an opened check of a card on /scorecards with the resources that fail it (links built by the site). */
async function listFailures(details: HTMLDetailsElement): Promise<void> {
  const [key, id] = (details.dataset.syFailures ?? '').split(' ');
  const all = await cards();
  const group = [all?.catalog, ...(all?.teams ?? []), ...(all?.domains ?? [])].find((g) => g?.key === key);
  const check = group?.checks.find((c) => c.id === id);
  const list = details.querySelector('ul');
  if (!check || !list) return;
  details.dataset.filled = 'true';
  const items = check.failures.map((f) => {
    const li = document.createElement('li');
    // Through the site's one URL policy, as every link the browser scripts write.
    const url = f.url ? safeUrl(f.url) : undefined;
    const name = url ? document.createElement('a') : document.createElement('span');
    if (url && name instanceof HTMLAnchorElement) name.href = url;
    name.textContent = f.resource.name;
    const why = document.createElement('span');
    why.className = 'sy-muted';
    why.textContent = ` — ${f.reason}`;
    li.append(name, why);
    return li;
  });
  const rest = check.failed - check.failures.length;
  if (rest > 0) {
    const more = document.createElement('li');
    more.className = 'sy-muted';
    more.textContent = `and ${rest} more (switchyard score lists them all)`;
    items.push(more);
  }
  list.replaceChildren(...items);
}
