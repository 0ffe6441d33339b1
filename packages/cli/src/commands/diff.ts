import { loadCatalog } from '@switchyard/loader';
import { diffCatalogs } from '@switchyard/model';
import { buildDiffReport, renderDiff } from '../diff/report.js';
import { schemaChanges } from '../diff/schema-changes.js';
import { type CatalogSource, openSource } from '../diff/sources.js';
import type { Io } from '../io.js';

export interface DiffOptions {
  /** The catalog folder (the working tree); base and head revisions are read from its repository. */
  dir: string;
  base: string;
  head: string | undefined;
  format: 'text' | 'markdown' | 'json';
  failOn: 'breaking' | 'any' | undefined;
}

/** Compares two versions of a catalog. Exit 1 when `--fail-on` says so, else 0. */
export async function runDiff(options: DiffOptions, io: Io): Promise<number> {
  const sources: CatalogSource[] = [];
  try {
    const base = openSource(options.base, options.dir, io.cwd);
    sources.push(base);
    const head = options.head
      ? openSource(options.head, options.dir, io.cwd)
      : { dir: options.dir, label: 'working tree', dispose: () => {} };
    sources.push(head);
    const [a, b] = await Promise.all([loadCatalog(base.dir), loadCatalog(head.dir)]);
    const graph = diffCatalogs(a.catalog, b.catalog);
    const schemas = schemaChanges(
      { root: a.root, catalog: a.catalog },
      { root: b.root, catalog: b.catalog },
      b.config.compatibility,
    );
    const report = buildDiffReport(base.label, head.label, graph, schemas);
    io.out(
      options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderDiff(report, options.format),
    );
    if (options.failOn === 'breaking') return report.breaking > 0 ? 1 : 0;
    if (options.failOn === 'any') return report.total > 0 ? 1 : 0;
    return 0;
  } finally {
    for (const s of sources) s.dispose();
  }
}
