import { type Counts, type Diagnostic, type Kind, pluralLabel, singularLabel } from '@switchyard/model';

export function tally(diagnostics: readonly Diagnostic[]) {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "7 domains, 27 services, 39 events (+2 older versions)": the kinds present, in registry order. */
export function describeCounts(counts: Counts): string {
  const parts: string[] = [];
  for (const [kind, n] of Object.entries(counts)) {
    if (kind === 'versions' || n === 0) continue;
    parts.push(`${n} ${n === 1 ? singularLabel(kind as Kind) : pluralLabel(kind as Kind)}`);
  }
  const older = counts.versions > 0 ? ` (+${plural(counts.versions, 'older version')})` : '';
  return `${parts.join(', ')}${older}`;
}

export { plural };
