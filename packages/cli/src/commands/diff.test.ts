import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../diff/report.js';
import { cli } from './_test-cli.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const before = join(repo, 'packages/cli/fixtures/diff-before');
const after = join(repo, 'packages/cli/fixtures/diff-after');

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-diff-test-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const summary = (report: DiffReport) =>
  report.schemas.flatMap((s) =>
    s.changes.map(
      (c) => `${s.message.id} ${s.mode} ${c.rule} ${c.breaking ? 'breaking' : 'ok'} vs ${c.against}`,
    ),
  );

describe('switchyard diff on the planted fixture pair', () => {
  it('finds every planted change and nothing else', async () => {
    const { code, out } = await cli(repo, 'diff', before, after, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as DiffReport;
    expect(summary(report).sort()).toEqual(
      [
        'avro-break BACKWARD avro-field-added-without-default breaking vs 1.0.0',
        'avro-ok BACKWARD avro-field-added-with-default ok vs 1.0.0',
        'forward-mode FORWARD json-property-added-optional-closed breaking vs 1.0.0',
        'json-closed-break BACKWARD json-type-changed breaking vs 1.0.0',
        'json-closed-ok BACKWARD json-property-added-optional-closed ok vs 1.0.0',
        'json-open-break BACKWARD json-property-added-required-open breaking vs 1.0.0',
        'json-open-ok BACKWARD json-property-removed-optional-open ok vs 1.0.0',
        'none-mode NONE avro-field-added-without-default ok vs 1.0.0',
        'proto-break BACKWARD protobuf-field-type-changed breaking vs 1.0.0',
        'proto-ok BACKWARD protobuf-field-added ok vs 1.0.0',
        'transitive BACKWARD_TRANSITIVE avro-field-added-without-default breaking vs 1.0.0',
      ].sort(),
    );
    const g = report.graph;
    expect(g.added).toEqual([]);
    expect(g.removed).toEqual([]);
    expect(g.edgesAdded).toEqual([
      { from: 'service:auditor', relation: 'receives', to: 'event:order-placed', meaning: 'new consumer' },
    ]);
    expect(g.edgesRemoved).toEqual([
      { from: 'service:producer', relation: 'sends', to: 'event:legacy-event', meaning: 'producer gone' },
    ]);
    expect(g.ownerChanges.map((o) => [o.ref.id, o.added, o.removed])).toEqual([
      ['consumer', ['team:team-b'], ['team:team-a']],
    ]);
    expect(g.versionBumps.map((v) => [v.ref.id, v.from, v.to])).toEqual([['order-placed', '1.0.0', '1.1.0']]);
    expect(g.deprecated.map((r) => r.id)).toEqual(['legacy-event']);
    expect(g.changed.map((c) => `${c.ref.id}: ${c.fields.join(',')}`).sort()).toEqual([
      'auditor: receives',
      'consumer: owners',
      'legacy-event: deprecated',
      'producer: sends',
    ]);
    expect(report.breaking).toBe(6);
  });

  it('names the consumers hurt and the owners to ask for each breaking change', async () => {
    const { out } = await cli(repo, 'diff', before, after, '--format', 'json');
    const report = JSON.parse(out) as DiffReport;
    const proto = report.schemas.find((s) => s.message.id === 'proto-break');
    expect(proto?.hurts?.consumers.map((c) => c.id)).toEqual(['consumer']);
    expect(proto?.hurts?.owners.map((o) => o.id)).toEqual(['team-a', 'team-b']);
    expect(report.schemas.find((s) => s.message.id === 'proto-ok')?.hurts).toBeUndefined();
  });

  it('takes the mode from the catalog config, and lets x-compatibility win', async () => {
    const dir = temp();
    cpSync(after, dir, { recursive: true });
    writeFileSync(join(dir, 'eventcatalog.config.js'), "export default { compatibility: 'FORWARD' };\n");
    const report = JSON.parse((await cli(repo, 'diff', before, dir, '--format', 'json')).out) as DiffReport;
    const verdict = (id: string) => report.schemas.find((s) => s.message.id === id)?.breaking;
    expect(verdict('json-closed-ok')).toBe(true);
    expect(verdict('json-open-break')).toBe(false);
    expect(verdict('none-mode')).toBe(false);
  });

  it('prints Markdown for a pull-request comment and sets the exit code with --fail-on', async () => {
    const md = await cli(repo, 'diff', before, after, '--format', 'markdown', '--fail-on', 'breaking');
    expect(md.code).toBe(1);
    expect(md.out).toMatch(/^## Catalog changes: /);
    expect(md.out).toContain('- Proto Break (`event:proto-break@1.0.0`)');
    expect(md.out).toContain('  - **breaking**: fixture.Payload.amount: string → int32');
    expect((await cli(repo, 'diff', before, before, '--fail-on', 'any')).code).toBe(0);
    expect((await cli(repo, 'diff', before, after, '--fail-on', 'any')).code).toBe(1);
  });
});

describe('switchyard diff against git revisions', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', ...args], {
      cwd,
      stdio: 'pipe',
    }).toString();

  function repoWithCatalog() {
    const root = temp();
    const catalog = join(root, 'catalog');
    mkdirSync(catalog);
    cpSync(before, catalog, { recursive: true });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'first');
    return { root, catalog };
  }
  const schemaFile = (catalog: string, id: string, file: string) => join(catalog, 'events', id, file);

  it('reports the change of the last commit, and fails on breaking only when it breaks', async () => {
    const { root, catalog } = repoWithCatalog();
    // A compatible change: Avro field with a default.
    cpSync(schemaFile(after, 'avro-ok', 'schema.avsc'), schemaFile(catalog, 'avro-ok', 'schema.avsc'));
    git(root, 'commit', '-q', '-am', 'compatible');
    const ok = await cli(catalog, 'diff', 'HEAD~1', 'HEAD', '--fail-on', 'breaking');
    expect(ok.out).toContain('avro-field-added-with-default');
    expect(ok.out).toContain('1 change, 0 breaking.');
    expect(ok.code).toBe(0);

    // A breaking change: protobuf field type.
    cpSync(
      schemaFile(after, 'proto-break', 'schema.proto'),
      schemaFile(catalog, 'proto-break', 'schema.proto'),
    );
    git(root, 'commit', '-q', '-am', 'breaking');
    const bad = await cli(catalog, 'diff', 'HEAD~1', '--fail-on', 'breaking');
    expect(bad.out).toContain('protobuf-field-type-changed');
    expect(bad.out).not.toContain('avro-field-added-with-default');
    expect(bad.code).toBe(1);
    // The working tree is head by default; --dir names the catalog from elsewhere.
    const fromElsewhere = await cli(root, 'diff', 'HEAD~2', '--dir', 'catalog', '--format', 'json');
    expect(summary(JSON.parse(fromElsewhere.out) as DiffReport)).toHaveLength(2);
  });

  it('compares uncommitted edits with HEAD, and says when a revision does not exist', async () => {
    const { catalog } = repoWithCatalog();
    const file = schemaFile(catalog, 'json-closed-break', 'schema.json');
    writeFileSync(file, readFileSync(schemaFile(after, 'json-closed-break', 'schema.json')));
    const edited = await cli(catalog, 'diff', 'HEAD', '--fail-on', 'breaking');
    expect(edited.code).toBe(1);
    expect(edited.out).toContain('json-type-changed');
    const missing = await cli(catalog, 'diff', 'no-such-rev');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('"no-such-rev" is neither a folder nor a git revision');
  });
});
