import type { LoadedCatalog } from '@switchyard/loader';
import { type Scorecards, type ScoreFacts, scoreCatalog } from '@switchyard/model';
import type { SiteSchemas } from '../render/components/schema-data.js';

/**
 * What scorecards need from parsing (does a message's schema parse, do its examples match it), read from
 * the schemas the build prepared: the same parse the schema pages show, so a score and a page never
 * disagree.
 */
export function scorecardFacts(schemas: SiteSchemas | undefined): ScoreFacts {
  return {
    schema(resource) {
      // A schema, or a specification (AsyncAPI, OpenAPI) its `schemaPath` names.
      const entries = schemas?.byResource.get(resource.key) ?? [];
      if (entries.length === 0) return { state: 'missing' };
      const broken = entries.find((e) => !e.parsed.ok);
      if (!broken) return { state: 'ok' };
      const why = broken.parsed.diagnostics[0]?.message ?? `${broken.file} could not be read`;
      return { state: 'invalid', why };
    },
    examples(resource) {
      const list = schemas?.examples.get(resource.key) ?? [];
      return { count: list.length, invalid: list.filter((e) => e.problems.length > 0).length };
    },
  };
}

/** The catalog's scorecards, with the checks its config switches off or weighs differently. */
export function scorecardsOf(loaded: LoadedCatalog, schemas: SiteSchemas | undefined): Scorecards {
  return scoreCatalog(loaded.catalog, scorecardFacts(schemas), loaded.config.scorecards?.checks);
}
