import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootReader, loadCatalog } from '@switchyard/loader';
import { countResources } from '@switchyard/model';
import { checkExample, parseSchemaFile } from '@switchyard/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedCounts, generateCatalog, planBudget } from './generate.js';
import { defaultSizes, namedSizes, parseSizes } from './sizes.js';

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
    expect(has(/\/(events|commands|queries)\/[^/]+\/schema\.avsc$/)).toBe(true);
    expect(has(/\/(events|commands|queries)\/[^/]+\/schema\.proto$/)).toBe(true);
    expect(has(/\/(events|commands|queries)\/[^/]+\/examples\/typical\.json$/)).toBe(true);
    expect(has(/\/versioned\/[^/]+\/index\.mdx$/)).toBe(true);
    // Some messages keep two older versions.
    const olderPerMessage = new Map<string, number>();
    for (const f of files.filter((f) => /\/versioned\/[^/]+\/index\.mdx$/.test(f))) {
      const owner = f.replace(/\/versioned\/.*$/, '');
      olderPerMessage.set(owner, (olderPerMessage.get(owner) ?? 0) + 1);
    }
    expect(Math.max(...olderPerMessage.values())).toBe(2);
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
      '<Steps',
      '<Tabs>',
      ':::tip',
      '[[doc|',
      'next_steps:',
      'next_step:',
      '[[event|',
      '<NodeGraph />',
    ]) {
      expect(some(needle), needle).toBe(true);
    }
  });

  it('writes Avro and Protobuf schemas that parse, and examples that fit their schema', async () => {
    const read = createRootReader(dir);
    const files = [...snapshot(dir).keys()];
    const schemas = files.filter(
      (f) => /\/schema\.(json|avsc|proto)$/.test(f) && !f.includes('/containers/'),
    );
    const formats = new Set<string>();
    for (const file of schemas) {
      const parsed = await parseSchemaFile(file, read);
      expect(parsed.diagnostics, file).toEqual([]);
      expect(parsed.ok, file).toBe(true);
      expect(parsed.fields.length, file).toBeGreaterThanOrEqual(2);
      formats.add(parsed.format);
      const examples = files.filter((f) => f.startsWith(file.replace(/schema\.\w+$/, 'examples/')));
      for (const example of examples) {
        expect(checkExample(parsed.fields, JSON.parse(read(example) ?? '')), example).toEqual([]);
      }
    }
    expect([...formats].sort()).toEqual(['avro', 'json-schema', 'protobuf']);
    const specs = files.filter((f) => f.endsWith('/openapi.yml'));
    expect(specs.length).toBeGreaterThan(0);
    for (const file of specs) expect((await parseSchemaFile(file, read)).diagnostics, file).toEqual([]);
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

  it('takes explicit counts for some kinds and gives messages the rest', () => {
    const b = planBudget(1_000, { domain: 6, subdomain: 2, service: 50 });
    expect(b).toMatchObject({ domain: 6, subdomain: 2, service: 50 });
    expect(Object.entries(b).reduce((sum, [k, n]) => (k === 'subdomain' ? sum : sum + n), 0)).toBe(1_000);
    expect(() => planBudget(100, { service: 60 })).toThrow(/every service needs one/);
    expect(() => planBudget(100, { domain: 2, subdomain: 2 })).toThrow(/top-level/);
  });

  it('names the sizes of the issue: L, XL and XXL have the domains, services and messages asked for', () => {
    expect(parseSizes('s,M,2_500').map((s) => [s.name, s.resources])).toEqual([
      ['S', 100],
      ['M', 1_000],
      ['2,500', 2_500],
    ]);
    expect(() => parseSizes('S,huge')).toThrow(/--sizes/);
    expect(defaultSizes.split(',')).not.toContain('XXL');
    expect(parseSizes('xxl')[0]?.name).toBe('XXL');
    for (const [name, domains, services, messages] of [
      ['L', 30, 1_000, 10_000],
      ['XL', 30, 2_000, 20_000],
      ['XXL', 150, 10_000, 100_000],
    ] as const) {
      const size = namedSizes[name];
      if (!size) throw new Error(name);
      const b = planBudget(size.resources, size.budget);
      expect(b.domain - b.subdomain).toBe(domains);
      expect(b.subdomain).toBeGreaterThan(0);
      expect(b.service).toBe(services);
      expect(b.message).toBe(messages);
      expect(b.channel / b.message).toBeCloseTo(0.04, 2);
    }
  });
});
