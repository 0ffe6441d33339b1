import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { consumersOf, getResource } from '@switchyard/model';
import { checkLinks } from '@switchyard/site';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './commands/_test-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'switchyard-versionless-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small catalog in which no resource says its version (or, with `oneVersion`, one does). */
function catalog(name: string, oneVersion = false): string {
  const root = join(scratch, name);
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('teams/ops.md', '---\nid: ops\nname: Ops\n---\n');
  write(
    'domains/Orders/index.mdx',
    '---\nid: orders\nname: Orders\nowners: [ops]\nservices:\n  - id: billing\n  - id: ledger\n---\nThe orders domain.\n',
  );
  write(
    'domains/Orders/services/Billing/index.mdx',
    `---\nid: billing\nname: Billing\n${oneVersion ? 'version: 1.0.0\n' : ''}sends:\n  - id: paid\n---\nBills.\n`,
  );
  write(
    'domains/Orders/services/Ledger/index.mdx',
    '---\nid: ledger\nname: Ledger\nreceives:\n  - id: paid\n---\n',
  );
  write(
    'domains/Orders/events/Paid/index.mdx',
    '---\nid: paid\nname: Paid\nsummary: Paid.\n---\n\n<NodeGraph />\n',
  );
  return root;
}

describe('a catalog that omits versions everywhere', () => {
  it('loads with no error, each resource without a version, and its pointers resolved', async () => {
    const loaded = await loadCatalog(catalog('load'));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const paid = getResource(loaded.catalog, 'event', 'paid');
    expect(paid?.key).toBe('event:paid');
    expect(paid?.version).toBe('');
    expect(consumersOf(loaded.catalog, paid as never).map((p) => p.resource.key)).toEqual(['service:ledger']);
    expect((await cli(scratch, 'check', join(scratch, 'load'))).code).toBe(0);
  });

  it('builds pages without a version in their URLs, and the EventCatalog-style /latest still answers', async () => {
    const root = catalog('build');
    const out = join(root, 'dist');
    expect((await cli(scratch, 'build', root, '--out', out)).code).toBe(0);
    const page = readFileSync(join(out, 'docs/events/paid/index.html'), 'utf8');
    expect(page).toContain('<h1>Paid</h1>');
    expect(page).not.toMatch(/v0\.0\.0|· v<|@0\.0\.0/);
    expect(page).toContain('href="/docs/services/billing"');
    expect(existsSync(join(out, 'visualiser/events/paid/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'docs/events/paid/latest/index.html'), 'utf8')).toContain(
      'url=/docs/events/paid"',
    );
    expect(existsSync(join(out, 'api/events/paid/latest.json'))).toBe(true);
    expect(checkLinks(out).broken).toEqual([]);
  });

  it('keeps a missing version an error in a catalog that has versions', async () => {
    const loaded = await loadCatalog(catalog('mixed', true));
    expect(getResource(loaded.catalog, 'service', 'billing')?.version).toBe('1.0.0');
    const missing = loaded.diagnostics.filter((d) => d.code === 'missing-required-field');
    expect(missing.map((d) => d.file).sort()).toEqual([
      'domains/Orders/events/Paid/index.mdx',
      'domains/Orders/index.mdx',
      'domains/Orders/services/Ledger/index.mdx',
    ]);
  });
});
