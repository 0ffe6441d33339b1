/**
 * The search palette: a modal `<dialog>` opened with ⌘K / Ctrl+K, `/` (outside a text field) or any
 * `[data-sy-search-open]` button. Two files: `{base}api/search/quick.json` (result rows and an index of
 * names, ids and owners) is fetched on idle after the page loads and read into MiniSearch
 * (`{base}_sy/vendor/minisearch.js`) on first open, so results come at once; `api/search/full.json`
 * (summaries, schema fields, body text) is read after it, and results are searched again when it is in.
 * The input is a combobox over a listbox of results; the selection moves with the arrow keys
 * (`aria-activedescendant`), Enter opens it, Escape closes and focus goes back to the opener.
 */
import { safeUrl } from '../shared/url-policy.js';
import { assetUrl, fetchJson, siteBase } from './base.js';
import { type Child, h, isMac, isTyping, whenIdle } from './dom.js';

/** One result: the row it points at, its score and the words it matched. */
export interface Hit {
  id: number;
  score: number;
  terms: string[];
  url: string;
  name: string;
  kind: string;
  version: string;
  summary: string;
}
interface SearchOptions {
  prefix?: boolean;
  fuzzy?: number;
  boost?: Record<string, number>;
  combineWith?: 'AND' | 'OR';
}
/** The bits of MiniSearch 7 used here. */
interface Index {
  search(query: string, options?: SearchOptions): { id: number; score: number; terms: string[] }[];
}
interface MiniSearchClass {
  loadJSON(json: string, options: unknown): Index;
}
/** A result line: url, name, kind, version, summary (see data/search.ts). */
type Row = [string, string, string, string, string];
interface QuickFile {
  options: unknown;
  rows: Row[];
  index: string;
}
interface FullFile {
  options: unknown;
  index: string;
}

/** What the palette searches: the quick index at once, the full-text index once it is read. */
interface Indexes {
  rows: Row[];
  quick: Index;
  full?: Index;
}

const LIMIT = 50;
const QUERY: SearchOptions = { prefix: true, fuzzy: 0.2, boost: { name: 3, id: 2 } };
/** Matches in summaries and bodies count for less than matches in names. */
const FULL_WEIGHT = 0.4;

/** The kind filters; each matches the kind's name and plural as stored in the index. */
const CHIPS: { label: string; kinds: string[] }[] = [
  { label: 'All', kinds: [] },
  ...(
    [
      ['Domains', 'domain', 'domains'],
      ['Services', 'service', 'services'],
      ['Events', 'event', 'events'],
      ['Commands', 'command', 'commands'],
      ['Queries', 'query', 'queries'],
      ['Flows', 'flow', 'flows'],
      ['Channels', 'channel', 'channels'],
      ['Data stores', 'container', 'containers', 'data-store', 'data-stores'],
      ['Entities', 'entity', 'entities'],
      ['Docs', 'doc', 'docs'],
      ['Teams', 'team', 'teams'],
      ['Users', 'user', 'users'],
    ] as [string, ...string[]][]
  ).map(([label, ...kinds]) => ({ label, kinds })),
];

const KIND_LABELS: Record<string, string> = {
  container: 'Data store',
  adr: 'ADR',
  'data-product': 'Data product',
  'ubiquitous-language': 'Language',
};

export function kindLabel(kind: string | undefined): string {
  if (!kind) return '';
  const known = KIND_LABELS[kind];
  if (known) return known;
  const words = kind.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---- Loading -------------------------------------------------------------------------------------

let quickFile: Promise<QuickFile> | undefined;
let library: Promise<MiniSearchClass> | undefined;
let loading: Promise<Indexes> | undefined;
let index: Indexes | undefined;

/** Starts fetching the quick index and MiniSearch (the network part: cheap to do on every page). */
export function prefetch(): void {
  if (index) return;
  quickFile ??= fetchJson<QuickFile>('api/search/quick.json').catch((error: unknown) => {
    quickFile = undefined;
    throw error;
  });
  library ??= (import(`${siteBase()}_sy/vendor/minisearch.js`) as Promise<{ default: MiniSearchClass }>).then(
    (m) => m.default,
    (error: unknown) => {
      library = undefined;
      throw error;
    },
  );
  // Caught where awaited; this keeps an early failure from being reported as unhandled.
  quickFile.catch(() => {});
  library.catch(() => {});
}

/** The quick index, read once per page; the full-text index follows in the background. */
export function loadIndex(): Promise<Indexes> {
  if (index) return Promise.resolve(index);
  loading ??= (async () => {
    prefetch();
    const [data, MS] = await Promise.all([quickFile, library]);
    if (!data || !MS) throw new Error('search index unavailable');
    const loaded: Indexes = { rows: data.rows, quick: MS.loadJSON(data.index, data.options) };
    index = loaded;
    quickFile = undefined; // The text is in the index now.
    fetchJson<FullFile>('api/search/full.json').then(
      (full) => {
        loaded.full = MS.loadJSON(full.index, full.options);
        if (palette?.dialog.open && palette.input.value.trim()) run();
      },
      () => {}, // Names, ids and owners still answer.
    );
    return loaded;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Searches both indexes: all words must match; if none does, any word may. */
export function query(idx: Indexes, text: string): Hit[] {
  const all = searchBoth(idx, text, 'AND');
  return all.length > 0 ? all : searchBoth(idx, text, 'OR');
}

function searchBoth(idx: Indexes, text: string, combineWith: 'AND' | 'OR'): Hit[] {
  const found = new Map<number, { score: number; terms: Set<string> }>();
  const add = (results: ReturnType<Index['search']>, weight: number) => {
    for (const r of results) {
      const known = found.get(r.id);
      if (known) {
        known.score += r.score * weight;
        for (const t of r.terms) known.terms.add(t);
      } else found.set(r.id, { score: r.score * weight, terms: new Set(r.terms) });
    }
  };
  add(idx.quick.search(text, { ...QUERY, combineWith }), 1);
  if (idx.full) add(idx.full.search(text, { prefix: true, fuzzy: 0.2, combineWith }), FULL_WEIGHT);
  return [...found]
    .map(([id, { score, terms }]) => hitOf(idx.rows, id, score, [...terms]))
    .sort((a, b) => b.score - a.score);
}

function hitOf(rows: Row[], id: number, score: number, terms: string[]): Hit {
  const [url, name, kind, version, summary] = rows[id] ?? ['', '', '', '', ''];
  return { id, score, terms, url, name, kind, version, summary };
}

// ---- The dialog ----------------------------------------------------------------------------------

interface Palette {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  chips: HTMLButtonElement[];
  counts: HTMLElement[];
  list: HTMLUListElement;
  status: HTMLElement;
}

let palette: Palette | undefined;
let opener: HTMLElement | undefined;
let chip = 0;
let hits: Hit[] = [];
let selected = -1;
/** Enter was pressed before the index was read: open the first result once it is. */
let pendingEnter = false;
/** A run is waiting for the index to be read. */
let waiting = false;

export function initSearch(): void {
  const shortcut = isMac() ? '⌘K' : 'Ctrl K';
  for (const button of document.querySelectorAll<HTMLElement>('[data-sy-search-open]')) {
    button.setAttribute('aria-keyshortcuts', isMac() ? 'Meta+K' : 'Control+K');
    button.setAttribute('aria-haspopup', 'dialog');
    for (const key of button.querySelectorAll('[data-sy-search-key]')) key.textContent = shortcut;
  }

  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>('[data-sy-search-open]');
    if (!button) return;
    event.preventDefault();
    openSearch(button);
  });
  // Pointing at the button: read the index now, so it is ready when the click lands.
  document.addEventListener('pointerover', (event) => {
    if ((event.target as Element | null)?.closest?.('[data-sy-search-open]'))
      void loadIndex().catch(() => {});
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const modK =
      (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
    if (modK) {
      event.preventDefault();
      if (palette?.dialog.open) palette.dialog.close();
      else openSearch();
    } else if (
      event.key === '/' &&
      !event.metaKey &&
      !event.ctrlKey &&
      !event.altKey &&
      !isTyping(event.target)
    ) {
      if (palette?.dialog.open) return;
      event.preventDefault();
      openSearch();
    }
  });

  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (!connection?.saveData) {
    const idle = () => whenIdle(prefetch);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }
}

export function openSearch(from?: HTMLElement): void {
  palette ??= build();
  const p = palette;
  if (!p.dialog.open) {
    const active = document.activeElement;
    opener = from ?? (active instanceof HTMLElement && active !== document.body ? active : undefined);
    p.dialog.showModal();
  }
  p.input.focus();
  p.input.select();
  run();
}

function build(): Palette {
  const input = h('input', {
    type: 'text',
    class: 'sy-search-input',
    role: 'combobox',
    'aria-label': 'Search the catalog',
    'aria-controls': 'sy-search-results',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    placeholder: 'Search services, events, docs…',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'go',
  });
  const close = h(
    'button',
    { type: 'button', class: 'sy-search-close', 'aria-label': 'Close search' },
    h('kbd', {}, 'Esc'),
  );
  const counts: HTMLElement[] = [];
  const chips = CHIPS.map((c, i) => {
    const count = h('span', { class: 'sy-chip-count' });
    counts.push(count);
    return h(
      'button',
      { type: 'button', class: 'sy-chip', 'aria-pressed': String(i === chip), 'data-chip': i },
      c.label,
      ' ',
      count,
    );
  });
  const list = h('ul', {
    id: 'sy-search-results',
    class: 'sy-search-results',
    role: 'listbox',
    'aria-label': 'Results',
  });
  const status = h('p', { class: 'sy-search-status', role: 'status', 'aria-live': 'polite' });
  const keys = (key: string, what: string) => h('span', {}, h('kbd', {}, key), ` ${what}`);
  const dialog = h(
    'dialog',
    { class: 'sy-search', 'aria-label': 'Search' },
    h(
      'div',
      { class: 'sy-search-panel' },
      h('div', { class: 'sy-search-bar' }, input, close),
      h('div', { class: 'sy-search-kinds', role: 'group', 'aria-label': 'Filter by kind' }, chips),
      status,
      list,
      h(
        'div',
        { class: 'sy-search-footer', 'aria-hidden': 'true' },
        keys('↑↓', 'to move'),
        keys('↵', 'to open'),
        keys('Esc', 'to close'),
      ),
    ),
  );
  document.body.append(dialog);

  input.addEventListener('input', () => {
    pendingEnter = false;
    run();
  });
  input.addEventListener('keydown', (event) => onKey(event));
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    pendingEnter = false;
    const back = opener;
    opener = undefined;
    if (back?.isConnected) back.focus();
  });
  chips.forEach((button, i) => {
    button.addEventListener('click', (event) => {
      setChip(i);
      if (event.detail > 0) input.focus(); // A pointer click; keyboard users stay on the chips.
    });
  });
  list.addEventListener('mousemove', (event) => {
    const option = (event.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    if (option) select(Number(option.dataset.index), false);
  });
  list.addEventListener('click', (event) => {
    const me = event as MouseEvent;
    if (me.button === 0 && !me.metaKey && !me.ctrlKey && !me.shiftKey && !me.altKey) dialog.close();
  });
  return { dialog, input, chips, counts, list, status };
}

function setChip(i: number): void {
  if (!palette) return;
  chip = i;
  palette.chips.forEach((button, j) => {
    button.setAttribute('aria-pressed', String(j === i));
  });
  run();
}

function onKey(event: KeyboardEvent): void {
  if (event.isComposing) return;
  const n = hits.length;
  switch (event.key) {
    case 'ArrowDown':
      event.preventDefault();
      if (n) select((selected + 1) % n, true);
      break;
    case 'ArrowUp':
      event.preventDefault();
      if (n) select((selected - 1 + n) % n, true);
      break;
    case 'Enter': {
      event.preventDefault();
      const hit = hits[selected];
      if (hit) go(hit, event.metaKey || event.ctrlKey);
      else if (!index && palette?.input.value.trim()) pendingEnter = true;
      break;
    }
  }
}

function go(hit: Hit, newTab: boolean): void {
  const url = safeUrl(hit.url);
  if (!url) return;
  if (newTab) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  palette?.dialog.close();
  location.assign(url);
}

/** Searches for the input's text under the current chip and shows the results. */
function run(): void {
  const p = palette;
  if (!p) return;
  const text = p.input.value.trim();
  if (!index) {
    show([], text ? 'Loading the search index…' : hint());
    if (!waiting) {
      waiting = true;
      loadIndex().then(
        () => {
          waiting = false;
          if (p.dialog.open) run();
        },
        () => {
          waiting = false;
          show([], 'Search is unavailable: the index could not be loaded.');
        },
      );
    }
    return;
  }
  let all: Hit[];
  if (text) all = query(index, text);
  else if (chip > 0) {
    const rows = index.rows;
    all = rows.map((_, i) => hitOf(rows, i, 0, [])).sort((a, b) => a.name.localeCompare(b.name));
  } else {
    setCounts(undefined);
    show([], hint());
    return;
  }
  const tally = CHIPS.map((c, i) =>
    i === 0 ? all.length : all.filter((hit) => c.kinds.includes(hit.kind)).length,
  );
  setCounts(text ? tally : undefined);
  const kinds = CHIPS[chip]?.kinds ?? [];
  const found = kinds.length ? all.filter((hit) => kinds.includes(hit.kind)) : all;
  const scope = chip > 0 ? ` in ${CHIPS[chip]?.label.toLowerCase()}` : '';
  let message: string;
  if (found.length === 0) message = text ? `No results for “${text}”${scope}.` : `Nothing${scope}.`;
  else if (found.length > LIMIT) message = `${found.length} results${scope}, showing the first ${LIMIT}.`;
  else message = `${found.length} ${found.length === 1 ? 'result' : 'results'}${scope}.`;
  show(found.slice(0, LIMIT), message);
  if (pendingEnter) {
    pendingEnter = false;
    const first = hits[0];
    if (first) go(first, false);
  }
}

function hint(): string {
  return 'Type to search services, events, domains, docs and more.';
}

function setCounts(tally: number[] | undefined): void {
  palette?.counts.forEach((count, i) => {
    count.textContent = tally ? String(tally[i] ?? 0) : '';
  });
}

function show(results: Hit[], message: string): void {
  const p = palette;
  if (!p) return;
  hits = results;
  selected = -1;
  p.status.textContent = message;
  p.list.replaceChildren(...results.map(renderHit));
  p.list.hidden = results.length === 0;
  p.input.setAttribute('aria-expanded', String(results.length > 0));
  p.input.removeAttribute('aria-activedescendant');
  if (results.length > 0) select(0, false);
}

function renderHit(hit: Hit, i: number): HTMLLIElement {
  return h(
    'li',
    {
      id: `sy-search-option-${i}`,
      class: 'sy-search-option',
      role: 'option',
      'aria-selected': 'false',
      'data-index': i,
    },
    h(
      'a',
      { class: 'sy-search-link', href: hit.url || assetUrl(''), tabindex: -1 },
      // The spaces keep the words apart in the option's accessible name.
      h('span', { class: 'sy-badge sy-search-kind', 'data-kind': hit.kind }, kindLabel(hit.kind)),
      ' ',
      h('span', { class: 'sy-search-name' }, highlight(hit.name || String(hit.id), hit.terms)),
      hit.version && ' ',
      hit.version && h('span', { class: 'sy-search-version' }, hit.version),
      hit.summary && ' ',
      hit.summary && h('span', { class: 'sy-search-summary' }, hit.summary),
    ),
  );
}

function select(i: number, scroll: boolean): void {
  const p = palette;
  if (!p || i === selected) return;
  p.list.children[selected]?.setAttribute('aria-selected', 'false');
  const option = p.list.children[i];
  selected = option ? i : -1;
  if (!option) return;
  option.setAttribute('aria-selected', 'true');
  p.input.setAttribute('aria-activedescendant', option.id);
  if (scroll) option.scrollIntoView({ block: 'nearest' });
}

/** The name with the matched terms in `<mark>`. */
export function highlight(text: string, terms: string[]): Child[] {
  const words = terms.filter(Boolean).sort((a, b) => b.length - a.length);
  if (words.length === 0) return [text];
  const pattern = new RegExp(
    `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'gi',
  );
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? h('mark', {}, part) : part));
}
