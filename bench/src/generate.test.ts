import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { countResources } from '@switchyard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedCounts, generateCatalog, planBudget } from './generate.js';

const root = mkdtempSync(join(tmpdir(), 'switchyard-bench-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir` with a hash of its content, sorted by path. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  for (const f of files)
    out.set(
      f,
      createHash('sha1')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    );
  return out;
}

describe('generateCatalog', () => {
  const size = 300;
  const dir = join(root, 'a');
  let generated: GeneratedCounts;
  beforeAll(() => {
    generated = generateCatalog(dir, { resources: size, seed: 7 });
  });

  it('writes a catalog that loads with zero diagnostics', async () => {
    const loaded = await loadCatalog(dir);
    expect(loaded.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
    expect(loaded.files.length).toBe(generated.files);
  });

  it('makes the resources it reports, split roughly as asked', async () => {
    const counts = countResources((await loadCatalog(dir)).catalog);
    const messages = counts.event + counts.command + counts.query;
    const total =
      counts.domain +
      counts.system +
      counts.service +
      messages +
      counts.channel +
      counts.container +
      counts.flow +
      counts.team +
      counts.user +
      counts.doc;
    expect(total).toBe(size);
    expect(generated.resources).toBe(size);
    for (const kind of [
      'domain',
      'system',
      'service',
      'channel',
      'container',
      'flow',
      'team',
      'user',
      'doc',
    ] as const) {
      expect(counts[kind]).toBe(generated[kind]);
    }
    expect(counts.versions).toBe(generated.versions);
    expect(counts.changelog).toBe(generated.changelog);

    const near = (actual: number, share: number) =>
      expect(Math.abs(actual / size - share)).toBeLessThan(0.015);
    near(counts.domain, 0.01);
    near(counts.system, 0.02);
    near(counts.service, 0.08);
    near(messages, 0.75);
    near(counts.channel, 0.03);
    near(counts.container, 0.02);
    near(counts.flow, 0.02);
    near(counts.team + counts.user, 0.03);
    near(counts.doc, 0.04);
    // Events outnumber commands, which outnumber queries; some messages have an older version.
    expect(counts.event).toBeGreaterThan(counts.command);
    expect(counts.command).toBeGreaterThan(counts.query);
    expect(counts.versions).toBeGreaterThan(0);
  });

  it('uses the layout and features the benchmark is meant to exercise', () => {
    const files = [...snapshot(dir).keys()];
    const has = (re: RegExp) => files.some((f) => re.test(f));
    expect(has(/^domains\/[^/]+\/subdomains\/[^/]+\/index\.mdx$/)).toBe(true);
    expect(has(/^domains\/[^/]+\/systems\/[^/]+\/services\/[^/]+\/index\.mdx$/)).toBe(true);
    expect(has(/services\/[^/]+\/events\/[^/]+\/schema\.json$/)).toBe(true);
    expect(has(/\/versioned\/[^/]+\/index\.mdx$/)).toBe(true);
    expect(has(/^channels\/[^/]+\/index\.mdx$/)).toBe(true);
    expect(has(/\/containers\/[^/]+\/index\.mdx$/)).toBe(true);
    expect(has(/\/flows\/[^/]+\/index\.mdx$/)).toBe(true);
    expect(has(/^teams\/[^/]+\.mdx$/) && has(/^users\/[^/]+\.mdx$/) && has(/^docs\/.+\.mdx$/)).toBe(true);
    const text = files.filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const some = (needle: string) => text.some((t) => t.includes(needle));
    for (const needle of [
      'triggers:',
      'to:',
      'from:',
      "version: '^",
      'writesTo:',
      'next_steps:',
      'next_step:',
      '[[event|',
      '<NodeGraph />',
    ]) {
      expect(some(needle), needle).toBe(true);
    }
  });

  it('is deterministic: the same seed writes identical files, another seed does not', () => {
    const again = join(root, 'b');
    const other = join(root, 'c');
    expect(generateCatalog(again, { resources: size, seed: 7 })).toEqual(generated);
    expect(snapshot(again)).toEqual(snapshot(dir));
    generateCatalog(other, { resources: size, seed: 8 });
    expect(snapshot(other)).not.toEqual(snapshot(dir));
  });

  it('splits any budget into the exact total', () => {
    for (const n of [50, 300, 1_000, 10_000, 12_345]) {
      const b = planBudget(n);
      const sum =
        b.domain +
        b.system +
        b.service +
        b.message +
        b.channel +
        b.container +
        b.flow +
        b.team +
        b.user +
        b.doc;
      expect(sum).toBe(n);
      expect(b.message / n).toBeGreaterThan(0.7);
    }
    expect(() => planBudget(10)).toThrow();
  });
});
