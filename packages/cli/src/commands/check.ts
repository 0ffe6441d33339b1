import { relative, resolve } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { checkGraph, countResources, sortDiagnostics } from '@switchyard/model';
import { renderGithub } from '../format/github.js';
import { renderJson } from '../format/json.js';
import { tally } from '../format/summary.js';
import { renderText } from '../format/text.js';
import type { Io } from '../io.js';
import { terminalStyle } from '../io.js';

export interface CheckOptions {
  dir: string;
  format: 'text' | 'json' | 'github';
  strict: boolean;
}

/** Loads and validates a catalog; prints its diagnostics. Returns the exit code: 1 on errors (or warnings with --strict). */
export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const loaded = await loadCatalog(options.dir);
  const counts = countResources(loaded.catalog);
  // Graph consistency (flows against sends/receives, messages with both ends) is checked here, not on every load.
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...checkGraph(loaded.catalog)]);
  // Paths as the reader's terminal can open them: relative to where the command runs.
  const displayPath = (file: string) => relative(io.cwd, resolve(loaded.root, file)) || file;
  if (options.format === 'json') io.out(renderJson(diagnostics, counts));
  else if (options.format === 'github') io.out(renderGithub(diagnostics, displayPath));
  else io.out(renderText(diagnostics, counts, { displayPath, style: terminalStyle(io) }));
  const { errors, warnings } = tally(diagnostics);
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
