import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@switchyard/model';

/** A scenario catalog under packages/loader/fixtures/. */
export const scenario = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The Acme catalog EventCatalog ships, shared with CI beside the repository. */
export const acmeFixture = fileURLToPath(
  new URL('../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);

/** One line per diagnostic, for inline snapshots. */
export const lines = (list: readonly Diagnostic[]) =>
  list.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
