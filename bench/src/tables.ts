/** The tables the suite prints: load + check, build, output, dev server. */
import type { BuildResult } from './build-runs.js';
import type { DevLatency } from './dev-latency.js';
import type { LoadResult } from './load-check.js';
import type { FileSize } from './output.js';
import { int, kb, mb, ms, renderTable } from './stats.js';

const show = <T>(value: T | null | undefined, f: (v: T) => string) => (value == null ? '-' : f(value));
const rss = (n: number) => `${int(n)} MB`;
const both = (s: FileSize | null) => (s ? `${kb(s.bytes)} / ${kb(s.gzipBytes)}` : '-');

export function loadTable(rows: readonly LoadResult[]): string {
  const header = ['size', 'resources', 'files', 'on disk', 'median', 'min', 'max', 'process', 'peak RSS'];
  const body = rows.map((r) => [
    r.size,
    int(r.resources),
    int(r.generated.files),
    mb(r.generated.bytes),
    ms(r.medianMs),
    ms(r.minMs),
    ms(r.maxMs),
    ms(r.medianProcessMs),
    rss(r.medianRssMB),
  ]);
  return renderTable(header, body);
}

export function buildTable(rows: readonly BuildResult[]): string {
  const header = [
    'catalog',
    'resources',
    'runs',
    'full build',
    'load',
    'process',
    'peak RSS',
    'rebuild',
    'diagnostics',
  ];
  const body = rows.map((r) => {
    const stoppedOnly = r.runs.length === 0 ? r.stopped : null;
    return [
      r.name,
      show(r.resources, int),
      r.stopped ? `${r.runs.length} + 1 stopped` : String(r.runs.length),
      stoppedOnly ? `stopped at ${int(stoppedOnly.afterMs / 1000)} s` : show(r.medianMs, ms),
      show(r.medianLoadMs, ms),
      show(r.medianProcessMs, ms),
      stoppedOnly ? show(stoppedOnly.peakRssMB, (n) => `>= ${int(n)} MB`) : show(r.maxRssMB, rss),
      show(r.medianRebuildMs, ms),
      r.errors ? `${r.diagnostics} (${r.errors} errors)` : show(r.diagnostics, String),
    ];
  });
  return renderTable(header, body);
}

export function outputTable(rows: readonly BuildResult[]): string {
  const header = [
    'catalog',
    'pages',
    'files',
    'output',
    'largest page',
    'median page',
    'quick.json (gz)',
    'full.json (gz)',
    'layout cache',
  ];
  const body = rows.flatMap((r) => {
    const o = r.output;
    if (!o) return [];
    return [
      [
        r.name,
        int(o.pages),
        int(o.files),
        mb(o.bytes),
        kb(o.largestPage.bytes),
        kb(o.medianResourcePageBytes),
        both(o.searchQuick),
        both(o.searchFull),
        show(o.layoutCacheBytes, (b) => (b >= 1024 * 1024 ? mb(b) : kb(b))),
      ],
    ];
  });
  return renderTable(header, body);
}

export function devTable(dev: Readonly<Record<string, DevLatency>>): string {
  const header = [
    'size',
    'start',
    'first page',
    'edit message',
    'edit service',
    'edit doc',
    'reload event',
    '⌘K open',
    '⌘K results',
  ];
  const body = Object.entries(dev).map(([name, d]) => {
    const edit = (e: DevLatency['edits'][keyof DevLatency['edits']]) => show(e?.medianMs, ms);
    const events = Object.values(d.edits).flatMap((e) =>
      e.medianReloadEventMs === null ? [] : [e.medianReloadEventMs],
    );
    return [
      name,
      ms(d.startMs),
      show(d.firstPageMs ?? undefined, ms),
      edit(d.edits.message),
      edit(d.edits.service),
      edit(d.edits.doc),
      events.length > 0 ? events.map((e) => int(e)).join(' / ') : '-',
      show(d.search?.medianOpenMs, ms),
      show(d.search?.medianResultsMs, ms),
    ];
  });
  return renderTable(header, body);
}
