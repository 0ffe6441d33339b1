import { loadCatalog } from '@switchyard/loader';
import type { GroupScore } from '@switchyard/model';
import { scoreLoadedCatalog } from '@switchyard/site';
import { renderScorecards } from '../format/scorecards.js';
import type { Io } from '../io.js';

export interface ScoreOptions {
  dir: string;
  format: 'text' | 'markdown' | 'json';
  by: ('team' | 'domain')[];
  /** Exit 1 when a score shown is below it (else the config's `scorecards.min`, else never). */
  min?: number;
}

/**
 * Prints the catalog's scorecards: a score per team and per domain and the checks behind it. Exit 1 when
 * `--min` (or the config's `scorecards.min`) is set and a team or domain shown scores below it.
 */
export async function runScore(options: ScoreOptions, io: Io): Promise<number> {
  const loaded = await loadCatalog(options.dir);
  const cards = await scoreLoadedCatalog(loaded);
  for (const id of cards.unknownChecks)
    io.err(
      `scorecards.checks names "${id}", which is not a check; the checks are ${cards.checks.map((c) => c.id).join(', ')}.\n`,
    );
  if (options.format === 'json') io.out(`${JSON.stringify(cards, null, 2)}\n`);
  else io.out(renderScorecards(cards, options.format, options.by));
  const min = options.min ?? loaded.config.scorecards?.min;
  if (min === undefined) return 0;
  const groups: GroupScore[] = [
    ...(options.by.includes('team') ? cards.teams : []),
    ...(options.by.includes('domain') ? cards.domains : []),
  ];
  const below = groups.filter((g) => g.score !== null && g.score < min);
  for (const g of below) io.err(`${g.kind} ${g.name} scores ${g.score}, below ${min}.\n`);
  return below.length > 0 ? 1 : 0;
}
