import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCatalogue } from './diagnostics.js';

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
