import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCatalogue } from './diagnostics.js';
import { scoreChecks, stubWords } from './queries/scorecards.js';

describe('docs/diagnostics.md', () => {
  it('documents every diagnostic code with its severity', () => {
    const page = readFileSync(
      fileURLToPath(new URL('../../../docs/diagnostics.md', import.meta.url)),
      'utf8',
    );
    const missing = Object.entries(diagnosticCatalogue).filter(
      ([code, info]) => !new RegExp(`^## ${code}\\s+\\*\\*${info.severity}\\.\\*\\*`, 'm').test(page),
    );
    expect(missing.map(([code]) => code)).toEqual([]);
  });
});

describe('docs/scorecards.md', () => {
  it('documents every check with its default weight', () => {
    const page = readFileSync(fileURLToPath(new URL('../../../docs/scorecards.md', import.meta.url)), 'utf8');
    const missing = scoreChecks.filter(
      (c) => !new RegExp(`^\\| \`${c.id}\`\\s*\\|\\s*${c.weight} \\|`, 'm').test(page),
    );
    expect(missing.map((c) => c.id)).toEqual([]);
    expect(page).toContain(`at least ${stubWords} words`);
  });
});
