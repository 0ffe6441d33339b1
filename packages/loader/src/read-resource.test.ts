import { kinds } from '@switchyard/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResource } from './read-resource.js';

const frontmatterish = fc.oneof(
  fc.string(),
  fc.string().map((s) => `---\n${s}\n---\n`),
  fc
    .dictionary(
      fc.constantFrom('id', 'name', 'version', 'sends', 'steps', 'owners', 'x-a', 'zzz'),
      fc.jsonValue(),
    )
    .map((o) => `---\n${JSON.stringify(o)}\n---\nbody [[service|x]]`),
);

describe('readResource on arbitrary input', () => {
  it('never throws, and every diagnostic has a file, a line and a column', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), frontmatterish, (kind, text) => {
        const { diagnostics } = readResource({ file: 'f.md', dir: '', kind, text, pathId: 'f' });
        for (const d of diagnostics) {
          expect(d.file).toBe('f.md');
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives absurdly deep nesting', () => {
    const deep = `---\nid: a\nname: A\nversion: 1.0.0\nx-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`;
    expect(() => readResource({ file: 'f.md', dir: '', kind: 'event', text: deep })).not.toThrow();
  });
});
