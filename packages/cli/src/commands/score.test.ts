import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scorecards } from '@switchyard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runCli } from './_test-cli.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
const cli = (...args: string[]) => runCli(repo, ...args);
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('switchyard score', () => {
  it('scores the fixture per team and per domain; inventory-reserved fails consumer', async () => {
    const { code, out } = await cli('score', fixture, '--format', 'json');
    expect(code).toBe(0);
    const cards = JSON.parse(out) as Scorecards;
    expect(cards.format).toBe('switchyard-scorecards/1');
    expect(cards.checks.map((c) => c.id)).toEqual([
      'owner',
      'summary',
      'docs',
      'schema',
      'examples-valid',
      'producer',
      'consumer',
      'deprecated-in-use',
      'version-drift',
      'flow-consistency',
    ]);
    const consumer = cards.catalog.checks.find((c) => c.id === 'consumer');
    expect(consumer?.failures.map((f) => f.resource.id)).toContain('inventory-reserved');
    const fulfilment = cards.teams.find((t) => t.id === 'fulfilment-platform');
    expect(fulfilment?.checks.find((c) => c.id === 'consumer')?.failures.map((f) => f.resource.id)).toContain(
      'inventory-reserved',
    );
    expect(cards.teams.length).toBeGreaterThan(3);
    expect(cards.domains.map((d) => d.id)).toContain('fulfilment');
    for (const g of [...cards.teams, ...cards.domains]) {
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(100);
    }
  });

  it('prints a checklist for a terminal and a table for a pull request, by team or by domain', async () => {
    const text = (await cli('score', fixture, '--by', 'team')).out;
    expect(text).toMatch(/^Catalog score: \d+\/100/);
    expect(text).toMatch(/Fulfilment Platform\s+\d+/);
    expect(text).toMatch(/✗ consumer: \d+ of \d+ pass/);
    expect(text).toContain('Inventory Reserved (domains/Fulfilment/');
    expect(text).not.toContain('Domains:');
    const md = (await cli('score', fixture, '--format', 'markdown', '--by', 'domain')).out;
    expect(md).toMatch(/^## Catalog scorecard: \d+\/100/);
    expect(md).toContain('| Domain | Score | Resources | Failing checks |');
    expect(md).toMatch(/\| Fulfilment \| \d+ \| \d+ \| .*`consumer`/);
    expect(md).not.toContain('### Teams');
  });

  it('exits 1 below --min, naming who is below, and 0 at or above it', async () => {
    const below = await cli('score', fixture, '--min', '100');
    expect(below.code).toBe(1);
    expect(below.err).toMatch(/team Fulfilment Platform scores \d+, below 100/);
    expect((await cli('score', fixture, '--min', '0')).code).toBe(0);
    expect((await cli('score', fixture, '--min', 'lots')).code).toBe(2);
  });

  it('takes the checks switched off, their weights and the minimum from the config', async () => {
    const root = join(scratch, 'tuned');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('teams/a.md', '---\nid: a\nname: A\n---\n');
    write(
      'services/S/index.mdx',
      '---\nid: s\nname: S\nversion: 1.0.0\nowners: [a]\nsends:\n  - id: e\n---\n',
    );
    write('events/E/index.mdx', '---\nid: e\nname: E\nversion: 1.0.0\nowners: [a]\n---\n');
    const plain = JSON.parse((await cli('score', root, '--format', 'json')).out) as Scorecards;
    expect(plain.teams[0]?.score).toBeLessThan(100);
    write(
      'eventcatalog.config.js',
      `export default { scorecards: { min: 100, checks: { summary: false, docs: false, schema: false, consumer: { enabled: false }, nope: false } } };\n`,
    );
    const tuned = await cli('score', root, '--format', 'json');
    const cards = JSON.parse(tuned.out) as Scorecards;
    expect(cards.teams[0]?.score).toBe(100);
    expect(cards.checks.filter((c) => !c.enabled).map((c) => c.id)).toEqual([
      'summary',
      'docs',
      'schema',
      'consumer',
    ]);
    expect(tuned.err).toContain('scorecards.checks names "nope", which is not a check');
    expect(tuned.code).toBe(0);
    write('eventcatalog.config.js', 'export default { scorecards: { min: 100 } };\n');
    expect((await cli('score', root)).code).toBe(1);
  });
});
