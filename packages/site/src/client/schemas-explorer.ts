/**
 * The Schemas & APIs explorer: `<div data-sy-schemas>` is filled from `{base}api/schemas/index.json` with
 * filters (text over names, ids and field names; format, kind, domain, owner), a list of every schema and
 * spec, and a From/To comparison of two versions of one, read from `api/schemas/diff/{plural}/{id}.json`
 * (field changes and text diff rendered by the build). State lives in the query string
 * (`?q=orderId&format=avro&compare=events/order-created&from=0.3.0&to=1.0.0`).
 */
import type { SchemaDiffFile, SchemaRow } from '../shared/schemas-explorer.js';
import { fetchJson } from './base.js';
import { h } from './dom.js';

type SelectKey = 'format' | 'kind' | 'domain' | 'owner';
const SELECTS: { key: SelectKey; label: string; values: (r: SchemaRow) => string[] }[] = [
  { key: 'format', label: 'Format', values: (r) => [r.format] },
  { key: 'kind', label: 'Kind', values: (r) => [r.kind] },
  { key: 'domain', label: 'Domain', values: (r) => r.domains },
  { key: 'owner', label: 'Owner', values: (r) => r.owners },
];
const FORMATS: Record<string, string> = {
  'json-schema': 'JSON Schema',
  avro: 'Avro',
  protobuf: 'Protobuf',
  openapi: 'OpenAPI',
  asyncapi: 'AsyncAPI',
  graphql: 'GraphQL',
};

export function initSchemasExplorer(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-sy-schemas]')) void mount(root);
}

async function mount(root: HTMLElement): Promise<void> {
  root.setAttribute('aria-busy', 'true');
  root.replaceChildren(h('p', { class: 'sy-explorer-status' }, 'Loading…'));
  try {
    const rows = await fetchJson<SchemaRow[]>('api/schemas/index.json');
    new Explorer(root, rows);
  } catch {
    root.replaceChildren(
      h('p', { class: 'sy-explorer-status sy-explorer-error' }, 'Could not load the schemas.'),
    );
  } finally {
    root.removeAttribute('aria-busy');
  }
}

const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, '');

class Explorer {
  private readonly params = new URLSearchParams(location.search);
  private readonly text = h('input', {
    class: 'sy-input',
    type: 'search',
    placeholder: 'Name, id or field (orderId)',
    'aria-label': 'Search schemas',
  });
  private readonly selects = new Map<SelectKey, HTMLSelectElement>();
  private readonly count = h('p', { class: 'sy-explorer-count', role: 'status' });
  private readonly body = h('tbody');
  private readonly compare = h('section', {
    class: 'sy-explorer-compare',
    'aria-label': 'Compare versions',
    hidden: true,
  });
  private readonly diffs = new Map<string, Promise<SchemaDiffFile>>();

  constructor(
    root: HTMLElement,
    private readonly rows: SchemaRow[],
  ) {
    this.text.value = this.params.get('q') ?? '';
    this.text.addEventListener('input', () => this.update());
    const filters = h(
      'form',
      { class: 'sy-explorer-filters', role: 'search' },
      h(
        'label',
        { class: 'sy-field sy-field--grow' },
        h('span', { class: 'sy-field-label' }, 'Search'),
        this.text,
      ),
    );
    filters.addEventListener('submit', (e) => e.preventDefault());
    for (const s of SELECTS) {
      const values = [...new Set(rows.flatMap(s.values))].sort();
      const select = h(
        'select',
        { class: 'sy-select', 'data-filter': s.key },
        h('option', { value: '' }, `All`),
        ...values.map((v) => h('option', { value: v }, s.key === 'format' ? (FORMATS[v] ?? v) : v)),
      );
      select.value = this.params.get(s.key) ?? '';
      select.addEventListener('change', () => this.update());
      this.selects.set(s.key, select);
      filters.append(
        h('label', { class: 'sy-field' }, h('span', { class: 'sy-field-label' }, s.label), select),
      );
    }
    const table = h(
      'table',
      { class: 'sy-table sy-explorer-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Name', 'Kind', 'Format', 'Version', 'Domain', 'Owners', ''].map((t) => h('th', {}, t)),
        ),
      ),
      this.body,
    );
    root.replaceChildren(filters, this.count, this.compare, h('div', { class: 'sy-table-wrap' }, table));
    this.update();
    const compare = this.params.get('compare');
    const row = rows.find((r) => `${r.plural}/${r.id}` === compare);
    if (row)
      void this.openCompare(row, this.params.get('from') ?? undefined, this.params.get('to') ?? undefined);
  }

  private matches(row: SchemaRow): { ok: boolean; fields: string[] } {
    for (const [key, select] of this.selects) {
      if (
        select.value &&
        !SELECTS.find((s) => s.key === key)
          ?.values(row)
          .includes(select.value)
      )
        return { ok: false, fields: [] };
    }
    const q = norm(this.text.value.trim());
    if (!q) return { ok: true, fields: [] };
    const fields = row.fields.filter((f) => norm(f).includes(q));
    const named = [row.name, row.id, row.file, row.summary].some((t) => norm(t).includes(q));
    return { ok: named || fields.length > 0, fields };
  }

  private update(): void {
    const shown: [SchemaRow, string[]][] = [];
    for (const row of this.rows) {
      const m = this.matches(row);
      if (m.ok) shown.push([row, m.fields]);
    }
    this.count.textContent = `${shown.length} of ${this.rows.length} schemas and specs`;
    this.body.replaceChildren(...shown.map(([row, fields]) => this.rowOf(row, fields)));
    if (shown.length === 0)
      this.body.append(
        h('tr', {}, h('td', { colspan: '7', class: 'sy-explorer-empty' }, 'Nothing matches.')),
      );
    this.writeParams();
  }

  private rowOf(row: SchemaRow, fields: string[]): HTMLTableRowElement {
    const compare =
      row.versions.length > 1 && !['openapi', 'asyncapi', 'graphql'].includes(row.format)
        ? h(
            'button',
            { type: 'button', class: 'sy-button', 'data-compare': `${row.plural}/${row.id}` },
            'Compare versions',
          )
        : null;
    compare?.addEventListener('click', () => void this.openCompare(row));
    return h(
      'tr',
      { class: 'sy-explorer-row', 'data-key': `${row.plural}/${row.id}` },
      h(
        'td',
        { 'data-label': 'Name' },
        h('a', { href: row.url }, row.name),
        h('div', { class: 'sy-explorer-file' }, row.file),
        fields.length > 0
          ? h(
              'div',
              { class: 'sy-explorer-fields' },
              'Fields: ',
              ...fields.slice(0, 6).map((f) => h('code', {}, f)),
            )
          : null,
      ),
      h('td', { 'data-label': 'Kind' }, h('a', { href: row.docs }, row.kind)),
      h(
        'td',
        { 'data-label': 'Format' },
        h('span', { class: 'sy-badge' }, FORMATS[row.format] ?? row.format),
      ),
      h('td', { 'data-label': 'Version' }, row.version),
      h('td', { 'data-label': 'Domain' }, row.domains.join(', ')),
      h('td', { 'data-label': 'Owners' }, row.owners.join(', ')),
      h('td', {}, compare),
    );
  }

  private diffFile(row: SchemaRow): Promise<SchemaDiffFile> {
    const key = `${row.plural}/${row.id}`;
    let file = this.diffs.get(key);
    if (!file) {
      file = fetchJson<SchemaDiffFile>(`api/schemas/diff/${key}.json`);
      this.diffs.set(key, file);
    }
    return file;
  }

  private async openCompare(row: SchemaRow, from?: string, to?: string): Promise<void> {
    const versions = row.versions;
    const fromSelect = h(
      'select',
      { class: 'sy-select', 'data-compare-from': '' },
      ...versions.map((v) => h('option', { value: v }, v)),
    );
    const toSelect = h(
      'select',
      { class: 'sy-select', 'data-compare-to': '' },
      ...versions.map((v) => h('option', { value: v }, v)),
    );
    fromSelect.value = from && versions.includes(from) ? from : (versions[1] ?? '');
    toSelect.value = to && versions.includes(to) ? to : (versions[0] ?? '');
    const output = h('div', { class: 'sy-explorer-diff', 'aria-live': 'polite' });
    const close = h('button', { type: 'button', class: 'sy-button' }, 'Close');
    close.addEventListener('click', () => {
      this.compare.hidden = true;
      this.compare.removeAttribute('data-key');
      this.writeParams();
    });
    this.compare.replaceChildren(
      h('h2', {}, `Compare ${row.name}`),
      h(
        'div',
        { class: 'sy-explorer-filters' },
        h('label', { class: 'sy-field' }, h('span', { class: 'sy-field-label' }, 'From'), fromSelect),
        h('label', { class: 'sy-field' }, h('span', { class: 'sy-field-label' }, 'To'), toSelect),
        close,
      ),
      output,
    );
    this.compare.dataset.key = `${row.plural}/${row.id}`;
    this.compare.hidden = false;
    const show = async () => {
      this.writeParams(fromSelect.value, toSelect.value);
      if (fromSelect.value === toSelect.value) {
        output.replaceChildren(h('p', {}, 'Pick two different versions.'));
        return;
      }
      output.replaceChildren(h('p', {}, 'Loading…'));
      try {
        const file = await this.diffFile(row);
        const html = file.pairs[`${fromSelect.value}..${toSelect.value}`];
        // The fragment was rendered (and escaped) by the build from this site's own data.
        if (html) output.innerHTML = html;
        else
          output.replaceChildren(
            h('p', {}, 'These two versions cannot be compared (one has no schema that parsed).'),
          );
      } catch {
        output.replaceChildren(h('p', { class: 'sy-explorer-error' }, 'Could not load the comparison.'));
      }
    };
    fromSelect.addEventListener('change', () => void show());
    toSelect.addEventListener('change', () => void show());
    await show();
    this.compare.scrollIntoView({ block: 'nearest' });
  }

  private writeParams(from?: string, to?: string): void {
    const params = new URLSearchParams(location.search);
    const set = (k: string, v: string | undefined) => (v ? params.set(k, v) : params.delete(k));
    set('q', this.text.value.trim());
    for (const [key, select] of this.selects) set(key, select.value);
    const key = this.compare.hidden ? undefined : this.compare.dataset.key;
    set('compare', key);
    if (key && from !== undefined) {
      set('from', from);
      set('to', to);
    } else if (!key) {
      set('from', undefined);
      set('to', undefined);
    }
    const query = params.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
    );
  }
}
