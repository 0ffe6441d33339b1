/**
 * Discover pages: `<div data-sy-discover="{plural}">` is filled from `{base}api/discover/{plural}.json`
 * with filter controls, a table of the matching rows (50 a page) and their count. The filters live in
 * the query string (`?domain=ordering&q=order&page=2`), written with `history.replaceState` and read
 * back on load, so a filtered view can be shared.
 */
import type { DiscoverData, DiscoverRow as Row } from '../shared/contracts.js';
import { fetchJson } from './base.js';
import { type Child, h } from './dom.js';

type ListField = 'domains' | 'owners' | 'producers' | 'consumers' | 'badges';
type SelectKey = 'domain' | 'owner' | 'producer' | 'consumer' | 'badge';

const PAGE_SIZE = 50;
const URL_DELAY_MS = 250;

const SELECTS: { key: SelectKey; field: ListField; label: string; all: string }[] = [
  { key: 'domain', field: 'domains', label: 'Domain', all: 'All domains' },
  { key: 'owner', field: 'owners', label: 'Owner', all: 'All owners' },
  { key: 'producer', field: 'producers', label: 'Producer', all: 'All producers' },
  { key: 'consumer', field: 'consumers', label: 'Consumer', all: 'All consumers' },
  { key: 'badge', field: 'badges', label: 'Badge', all: 'All badges' },
];

export interface Filters extends Record<SelectKey, string> {
  q: string;
  version: string;
  draft: boolean;
  hideDeprecated: boolean;
  page: number;
}

/** The query-string keys this page owns; any other parameter in the URL is left as it is. */
const PARAMS = ['q', ...SELECTS.map((s) => s.key), 'version', 'draft', 'hideDeprecated', 'page'];

export function initDiscover(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-sy-discover]')) void mount(root);
}

async function mount(root: HTMLElement): Promise<void> {
  const plural = root.dataset.syDiscover ?? '';
  root.setAttribute('aria-busy', 'true');
  root.replaceChildren(h('p', { class: 'sy-discover-status' }, 'Loading…'));
  let data: DiscoverData;
  try {
    data = await fetchJson<DiscoverData>(`api/discover/${encodeURIComponent(plural)}.json`);
  } catch {
    root.replaceChildren(
      h('p', { class: 'sy-discover-status sy-discover-error' }, `Could not load ${plural}.`),
    );
    return;
  } finally {
    root.removeAttribute('aria-busy');
  }
  new Discover(root, data, readFilters(new URLSearchParams(location.search)));
}

export function readFilters(params: URLSearchParams): Filters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q') ?? '',
    domain: params.get('domain') ?? '',
    owner: params.get('owner') ?? '',
    producer: params.get('producer') ?? '',
    consumer: params.get('consumer') ?? '',
    badge: params.get('badge') ?? '',
    version: params.get('version') ?? '',
    draft: isOn(params.get('draft')),
    hideDeprecated: isOn(params.get('hideDeprecated')),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

const isOn = (value: string | null) => value !== null && value !== '0' && value !== 'false';

/** Writes the filters into `params`: empty ones and page 1 are left out, other parameters kept. */
export function writeFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  for (const key of PARAMS) params.delete(key);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const { key } of SELECTS) if (filters[key]) params.set(key, filters[key]);
  if (filters.version.trim()) params.set('version', filters.version.trim());
  if (filters.draft) params.set('draft', '1');
  if (filters.hideDeprecated) params.set('hideDeprecated', '1');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/**
 * Whether any of `versions` matches a pattern: dot-separated parts compared one by one, `x` or `*`
 * matching any part, and missing parts matching anything (`2` and `2.x` match `2.1.0`; `1.1` does not
 * match `1.10.0`). A leading `v` is ignored on both sides.
 */
export function versionMatches(pattern: string, versions: string[]): boolean {
  const wanted = pattern.trim().toLowerCase().replace(/^v/, '').split('.');
  if (wanted.length === 1 && wanted[0] === '') return true;
  return versions.some((version) => {
    const parts = version.toLowerCase().replace(/^v/, '').split('.');
    return wanted.every(
      (part, i) =>
        part === 'x' || part === '*' || (part === '' && i === wanted.length - 1) || parts[i] === part,
    );
  });
}

export function matches(row: Row, text: string, filters: Filters): boolean {
  if (filters.draft && !row.draft) return false;
  if (filters.hideDeprecated && row.deprecated) return false;
  for (const { key, field } of SELECTS) if (filters[key] && !row[field].includes(filters[key])) return false;
  if (filters.version && !versionMatches(filters.version, [row.version, ...row.versions])) return false;
  const terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.every((term) => text.includes(term));
}

interface Column {
  title: string;
  cell(row: Row): Child | Child[];
}

class Discover {
  private readonly texts: string[];
  private readonly columns: Column[];
  private readonly form: HTMLFormElement;
  private readonly count: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly pager: HTMLElement;
  private readonly clear: HTMLButtonElement;
  private readonly noun: string;
  private urlTimer: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly data: DiscoverData,
    private filters: Filters,
  ) {
    this.noun = data.label.toLowerCase();
    this.texts = data.rows.map((r) =>
      [r.name, r.id, r.summary ?? '', ...r.domains, ...r.owners, ...r.badges].join('\n').toLowerCase(),
    );
    this.columns = this.pickColumns();
    this.form = this.renderForm();
    this.clear = h('button', { type: 'button', class: 'sy-button sy-discover-clear' }, 'Clear filters');
    this.form.append(this.clear);
    this.count = h('p', { class: 'sy-discover-count', role: 'status' });
    this.body = h('tbody');
    this.pager = h('nav', { class: 'sy-pager', 'aria-label': `${data.label} pages` });
    const table = h(
      'table',
      { class: 'sy-table sy-discover-table' },
      h('caption', { class: 'sy-visually-hidden' }, data.label),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          this.columns.map((c) => h('th', { scope: 'col' }, c.title)),
        ),
      ),
      this.body,
    );
    root.replaceChildren(
      h(
        'div',
        { class: 'sy-discover' },
        this.form,
        this.count,
        h('div', { class: 'sy-table-wrap' }, table),
        this.pager,
      ),
    );
    root.dataset.syReady = 'true';

    this.form.addEventListener('submit', (event) => event.preventDefault());
    this.form.addEventListener('input', () => this.onControls());
    this.form.addEventListener('change', () => this.onControls());
    this.clear.addEventListener('click', () => {
      this.form.reset();
      this.onControls();
      this.control<HTMLInputElement>('q')?.focus();
    });
    this.pager.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-page]');
      if (!button || button.disabled) return;
      this.filters = { ...this.filters, page: Number(button.dataset.page) };
      this.update(true);
      if (this.root.getBoundingClientRect().top < 0) this.root.scrollIntoView({ block: 'start' });
    });
    const asked = this.filters.page;
    this.update(false);
    // A shared URL asking for a page that no longer exists: show (and write) the last one.
    if (this.filters.page !== asked) this.scheduleUrl();
  }

  /** Name always; the other columns only when some row has a value for them. */
  private pickColumns(): Column[] {
    const rows = this.data.rows;
    const columns: Column[] = [{ title: 'Name', cell: (r) => nameCell(r) }];
    if (rows.some((r) => r.version)) columns.push({ title: 'Version', cell: (r) => r.version });
    if (rows.some((r) => r.summary)) {
      columns.push({
        title: 'Summary',
        cell: (r) => h('span', { class: 'sy-discover-summary' }, r.summary ?? ''),
      });
    }
    const lists: [string, ListField, string][] = [
      ['Domains', 'domains', 'sy-tag'],
      ['Owners', 'owners', 'sy-tag'],
      ['Producers', 'producers', 'sy-tag'],
      ['Consumers', 'consumers', 'sy-tag'],
      ['Badges', 'badges', 'sy-badge'],
    ];
    for (const [title, field, itemClass] of lists) {
      if (rows.some((r) => r[field].length > 0))
        columns.push({ title, cell: (r) => tags(r[field], itemClass) });
    }
    return columns;
  }

  private renderForm(): HTMLFormElement {
    const f = this.filters;
    const field = (label: string, control: HTMLElement, extra = '') =>
      h(
        'label',
        { class: `sy-field ${extra}`.trim() },
        h('span', { class: 'sy-field-label' }, label),
        control,
      );
    const text = h('input', {
      type: 'search',
      name: 'q',
      class: 'sy-input',
      placeholder: `Filter ${this.noun}…`,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    text.value = f.q;
    const form = h('form', {
      class: 'sy-discover-filters',
      role: 'search',
      'aria-label': `Filter ${this.noun}`,
    });
    form.append(field('Search', text, 'sy-field--grow'));
    for (const { key, field: listField, label, all } of SELECTS) {
      const counts = new Map<string, number>();
      for (const row of this.data.rows)
        for (const v of row[listField]) counts.set(v, (counts.get(v) ?? 0) + 1);
      // A value from a shared URL that no row has any more still shows, so it can be cleared.
      if (f[key] && !counts.has(f[key])) counts.set(f[key], 0);
      if (counts.size === 0) continue;
      const values = [...counts.keys()].sort((a, b) =>
        a.localeCompare(b, undefined, { sensitivity: 'base' }),
      );
      const select = h(
        'select',
        { name: key, class: 'sy-select' },
        h('option', { value: '' }, all),
        values.map((v) => h('option', { value: v }, `${v} (${counts.get(v) ?? 0})`)),
      );
      select.value = f[key];
      form.append(field(label, select));
    }
    const version = h('input', {
      type: 'text',
      name: 'version',
      class: 'sy-input sy-input--short',
      placeholder: 'e.g. 2.x',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    version.value = f.version;
    form.append(field('Version', version));
    const check = (name: 'draft' | 'hideDeprecated', label: string) => {
      const box = h('input', { type: 'checkbox', name });
      box.checked = f[name];
      return h('label', { class: 'sy-check' }, box, ' ', label);
    };
    form.append(check('draft', 'Draft only'), check('hideDeprecated', 'Hide deprecated'));
    return form;
  }

  private control<T extends Element>(name: string): T | null {
    return this.form.elements.namedItem(name) as T | null;
  }

  private onControls(): void {
    const value = (name: string) => this.control<HTMLInputElement | HTMLSelectElement>(name)?.value ?? '';
    const checked = (name: string) => this.control<HTMLInputElement>(name)?.checked ?? false;
    const next: Filters = {
      q: value('q'),
      domain: value('domain'),
      owner: value('owner'),
      producer: value('producer'),
      consumer: value('consumer'),
      badge: value('badge'),
      version: value('version'),
      draft: checked('draft'),
      hideDeprecated: checked('hideDeprecated'),
      page: 1,
    };
    const before = { ...this.filters, page: 1 };
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    this.filters = next;
    this.update(true);
  }

  private update(writeUrl: boolean): void {
    const f = this.filters;
    const rows = this.data.rows.filter((row, i) => matches(row, this.texts[i] ?? '', f));
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    if (f.page > pages) this.filters = { ...f, page: pages };
    const page = this.filters.page;
    const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

    this.count.textContent = `${rows.length} of ${this.data.rows.length} ${this.noun}`;
    const active = writeFilters(new URLSearchParams(), { ...this.filters, page: 1 }).toString() !== '';
    this.clear.hidden = !active;

    if (shown.length === 0) {
      const message =
        this.data.rows.length === 0
          ? `No ${this.noun} in this catalog.`
          : `No ${this.noun} match these filters.`;
      this.body.replaceChildren(
        h('tr', {}, h('td', { colspan: this.columns.length, class: 'sy-discover-empty' }, message)),
      );
    } else {
      const fragment = document.createDocumentFragment();
      for (const row of shown) {
        const classes = [
          'sy-discover-row',
          row.draft && 'sy-discover-row--draft',
          row.deprecated && 'sy-discover-row--deprecated',
        ];
        fragment.append(
          h(
            'tr',
            { class: classes.filter(Boolean).join(' ') },
            this.columns.map((c) => h('td', { 'data-label': c.title }, c.cell(row))),
          ),
        );
      }
      this.body.replaceChildren(fragment);
    }
    this.renderPager(page, pages);
    if (writeUrl) this.scheduleUrl();
  }

  private renderPager(page: number, pages: number): void {
    this.pager.hidden = pages <= 1;
    if (pages <= 1) {
      this.pager.replaceChildren();
      return;
    }
    const button = (label: string, target: number, ariaLabel: string) =>
      h(
        'button',
        {
          type: 'button',
          class: 'sy-button sy-pager-button',
          'data-page': target,
          'aria-label': ariaLabel,
          disabled: target === page || target < 1 || target > pages,
        },
        label,
      );
    this.pager.replaceChildren(
      button('« First', 1, 'First page'),
      button('‹ Previous', page - 1, 'Previous page'),
      h('span', { class: 'sy-pager-status' }, `Page ${page} of ${pages}`),
      button('Next ›', page + 1, 'Next page'),
      button('Last »', pages, 'Last page'),
    );
  }

  /** Writes the URL a moment after the last change: typing does not flood the history API (Safari limits it). */
  private scheduleUrl(): void {
    if (this.urlTimer !== undefined) clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => {
      this.urlTimer = undefined;
      const url = new URL(location.href);
      const params = writeFilters(new URLSearchParams(url.search), this.filters);
      url.search = params.toString();
      if (url.href === location.href) return;
      try {
        history.replaceState(history.state, '', url.href);
      } catch {
        // Too many calls in a short time: the next change writes it.
      }
    }, URL_DELAY_MS);
  }
}

function nameCell(row: Row): Child[] {
  return [
    h('a', { href: row.url, class: 'sy-discover-name' }, row.name),
    row.draft && ' ',
    row.draft && h('span', { class: 'sy-badge sy-badge--draft' }, 'Draft'),
    row.deprecated && ' ',
    row.deprecated && h('span', { class: 'sy-badge sy-badge--deprecated' }, 'Deprecated'),
  ];
}

function tags(values: string[], itemClass: string): Child {
  if (values.length === 0) return null;
  return h(
    'ul',
    { class: 'sy-tags' },
    values.map((v) => h('li', { class: itemClass }, v)),
  );
}
