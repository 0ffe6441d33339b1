import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The model is pure: it runs anywhere (browser islands, workers), so it imports nothing from Node. */
describe('model purity', () => {
  it('has no node: imports and no imports from other Switchyard packages', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      return (
        /from\s+['"](node:|fs|path|os|child_process|@switchyard\/)/.test(text) || /\brequire\(/.test(text)
      );
    });
    expect(offenders).toEqual([]);
  });
});
