import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { loadCatalog } from './load-catalog.js';

const fixtures = fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A catalog folder whose only file is this config. */
function withConfig(name: string, text: string): string {
  const root = mkdtempSync(join(scratch, `${name}-`));
  writeFileSync(join(root, 'eventcatalog.config.js'), text);
  return root;
}

/** Every catalog with a config we have: real ones (EventCatalog 1.x to 4.x), the example, the test catalogs. */
const catalogsWithConfig = [
  ...readdirSync(join(fixtures, 'real-world')).map((name) => join(fixtures, 'real-world', name)),
  join(fixtures, 'eventcatalog-acme'),
  join(repo, 'examples/acme'),
  join(repo, 'packages/loader/fixtures/v1-named-resources'),
  join(repo, 'packages/site/fixtures/broken-links'),
].filter((root) => existsSync(join(root, 'eventcatalog.config.js')));

describe('loadConfig', () => {
  it('knows every field of the real catalogs’ configs', async () => {
    expect(catalogsWithConfig.length).toBeGreaterThanOrEqual(8);
    for (const root of catalogsWithConfig) {
      const { diagnostics } = await loadConfig(root);
      expect({ root, diagnostics }).toEqual({ root, diagnostics: [] });
    }
  });

  it('accepts the shapes later EventCatalog versions give fields 1.x had', async () => {
    const root = withConfig(
      'v4-shapes',
      "export default { tagline: false, port: '3000', users: { tableConfiguration: { columns: {} } } };\n",
    );
    const { config, diagnostics } = await loadConfig(root);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({ tagline: false, port: '3000', users: { tableConfiguration: { columns: {} } } });
  });

  it('reports a misspelt field at its line, with the field meant, and keeps the rest', async () => {
    const root = withConfig(
      'typo',
      "export default {\n  title: 'Acme',\n  logo: { src: '/logo.svg' },\n    trailingSlah: true,\n};\n",
    );
    const { config, diagnostics } = await loadConfig(root);
    expect(diagnostics).toMatchObject([
      {
        code: 'config-unknown-field',
        severity: 'warning',
        message: 'Unknown config field "trailingSlah".',
        file: 'eventcatalog.config.js',
        line: 4,
        column: 5,
      },
    ]);
    expect(diagnostics[0]?.hint).toMatch(/Did you mean "trailingSlash"\?/);
    expect(config).toEqual({ title: 'Acme', logo: { src: '/logo.svg' } });
  });

  it('finds a field at its own level, not where a nested key of the same name is', async () => {
    const root = withConfig('nested', "export default {\n  docs: { nope: 1 },\n  'nope': 2,\n};\n");
    const { diagnostics } = await loadConfig(root);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['config-unknown-field', 3, 3]]);
    expect(diagnostics[0]?.hint).not.toMatch(/Did you mean/);
  });

  it('leaves a field of the wrong type at its default and applies the rest of the file', async () => {
    const root = withConfig(
      'wrong-type',
      "export default {\n  title: 'Acme',\n  trailingSlash: 'yes',\n};\n",
    );
    const { config, diagnostics } = await loadConfig(root);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['config-error', 3, 3]]);
    expect(config).toEqual({ title: 'Acme' });
  });

  it('keeps the catalog loading, with defaults, whatever the config says', async () => {
    const root = withConfig('load', 'export default { trailingSlah: true, base: 5, tagline: false };\n');
    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics.map((d) => d.code).sort()).toEqual(['config-error', 'config-unknown-field']);
    expect(loaded.config).toMatchObject({ title: 'Catalog', base: '/', trailingSlash: false });
    expect(loaded.config.tagline).toBeUndefined();
  });
});
