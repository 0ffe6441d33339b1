import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { countResources, latestOf, producersOf } from '@switchyard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './_test-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'eco-init-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('switchyard init', () => {
  it('scaffolds a catalog that check accepts', async () => {
    const made = await cli(temp, 'init', 'fresh', '--yes');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const root = join(temp, 'fresh');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts).toMatchObject({
      check: 'switchyard check',
      build: 'switchyard build',
      dev: 'switchyard dev',
    });

    const checked = await cli(temp, 'check', 'fresh');
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/No problems/);

    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const counts = countResources(loaded.catalog);
    expect([counts.domain, counts.service, counts.event, counts.team]).toEqual([1, 1, 1, 1]);
    const event = latestOf(loaded.catalog, 'event', 'order-placed');
    expect(event?.data.schemaPath).toBe('schema.json');
    expect(event && producersOf(loaded.catalog, event).map((p) => p.resource.id)).toEqual(['order-service']);
    expect(loaded.config.title).toBe('My Company');
  });

  it('refuses a folder that is not empty unless --force, and never overwrites a file', async () => {
    const root = join(temp, 'busy');
    mkdirSync(root);
    writeFileSync(join(root, 'README.md'), 'mine\n');
    const refused = await cli(temp, 'init', 'busy', '--yes');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/busy is not empty \(README\.md\)\. .*--force/);
    expect(existsSync(join(root, 'eventcatalog.config.js'))).toBe(false);

    const forced = await cli(temp, 'init', 'busy', '--yes', '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Kept existing files: README.md.');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(root, 'eventcatalog.config.js'))).toBe(true);
  });
});
