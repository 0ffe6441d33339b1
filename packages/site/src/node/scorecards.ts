import { createRootReader, type LoadedCatalog } from '@switchyard/loader';
import type { Diagnostic, Scorecards } from '@switchyard/model';
import { scorecardsOf } from '../data/scorecards.js';
import { schemasSection } from '../sections/schemas.js';

/**
 * The catalog's scorecards outside a build (`switchyard score`): its schemas and examples are parsed by
 * the schemas section's own `prepare`, the same parse a build does, so the command and `/scorecards`
 * agree. Problems found while parsing are passed to `report`.
 */
export async function scoreLoadedCatalog(
  loaded: LoadedCatalog,
  report: (d: Diagnostic) => void = () => {},
): Promise<Scorecards> {
  const prepared = await schemasSection.prepare?.({
    loaded,
    catalog: loaded.catalog,
    report,
    readFile: createRootReader(loaded.root),
    only: undefined,
  });
  return scorecardsOf(loaded, prepared?.schemas);
}
