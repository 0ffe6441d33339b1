import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runCli } from './commands/_test-cli.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const acmeExample = join(repo, 'examples/acme');
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
const scenario = (name: string) => join(repo, 'packages/loader/fixtures', name);

const cli = (...args: string[]) => runCli(repo, ...args);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('switchyard check', () => {
  it('passes the bundled example with no diagnostics', async () => {
    const { code, out } = await cli('check', acmeExample);
    expect(code).toBe(0);
    expect(out).toMatch(/^✔ No problems in \d+ domains, /);
  });

  it('gives the fixture counts and its five warnings as JSON, exit 0', async () => {
    const { code, out } = await cli('check', '--format', 'json', '--dir', fixture);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.counts).toMatchObject({ domain: 7, service: 27, event: 39, command: 19, versions: 2 });
    expect(result.diagnostics.filter((d: { code: string }) => d.code === 'unknown-owner')).toHaveLength(5);
    expect(Object.keys(result.diagnostics[0]).sort()).toEqual([
      'code',
      'column',
      'file',
      'hint',
      'line',
      'message',
      'severity',
    ]);
    // The rest are graph-consistency findings: two flow steps whose service does not receive the message
    // (warnings), and messages nobody sends or receives (info).
    expect(
      result.diagnostics.filter((d: { code: string }) => d.code === 'flow-step-not-received'),
    ).toHaveLength(2);
    expect(result.diagnostics.every((d: { severity: string }) => d.severity !== 'error')).toBe(true);
  });

  it('fails on warnings with --strict', async () => {
    expect((await cli('check', fixture, '--strict', '--format', 'json')).code).toBe(1);
  });

  it('points a broken pointer in a nested field at its own line and column, exit 1', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'switchyard-fixture-'));
    temps.push(copy);
    cpSync(fixture, copy, { recursive: true });
    const file = 'domains/Ordering/systems/checkout-system/flows/CheckoutSaga/index.mdx';
    const text = readFileSync(join(copy, file), 'utf8');
    const broken = text.replace(/(service:\n\s+id: )checkout-orchestrator/, '$1checkout-orkestrator');
    expect(broken).not.toBe(text);
    writeFileSync(join(copy, file), broken);
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('checkout-orkestrator')) + 1;
    const column = (lines[line - 1] as string).indexOf('checkout-orkestrator') + 1;

    const { code, out } = await cli('check', copy, '--format', 'json');
    expect(code).toBe(1);
    const errors = JSON.parse(out).diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors).toEqual([
      {
        code: 'unknown-reference',
        severity: 'error',
        message: 'No service has the id "checkout-orkestrator".',
        hint: expect.any(String),
        file,
        line,
        column,
      },
    ]);
    const text2 = await cli('check', copy);
    expect(text2.out).toContain(
      `${file}:${line}:${column}  error    No service has the id "checkout-orkestrator".  (unknown-reference)`,
    );
  });

  it('prints text lines with the hint under each, and a summary; --strict fails on warnings', async () => {
    const { code, out } = await cli('check', scenario('unknown-field'));
    expect(code).toBe(0);
    expect(out.replaceAll(repo, '')).toMatchInlineSnapshot(`
      "packages/loader/fixtures/unknown-field/services/Cart/index.md:5:1  warning  Unknown field "summry" for a service.  (unknown-field)
          Did you mean "summary"? Custom fields must start with "x-".

      ! 0 errors, 1 warning in 1 service.
      "
    `);
    expect((await cli('check', '--strict', scenario('unknown-field'))).code).toBe(1);
  });

  it('prints GitHub workflow annotations', async () => {
    const { out } = await cli('check', scenario('duplicate-id'), '--format', 'github');
    expect(out).toMatchInlineSnapshot(`
      "::notice file=packages/loader/fixtures/duplicate-id/events/A/index.md,line=2,col=5,title=message-without-producer::Nothing in the catalog sends Order Placed (event order-placed).%0AAdd the message to the sends of the service (or domain, or agent) that publishes it.
      ::notice file=packages/loader/fixtures/duplicate-id/events/A/index.md,line=2,col=5,title=message-without-consumer::Nothing in the catalog receives Order Placed (event order-placed).%0AAdd the message to the receives of the services that consume it, or mark it deprecated if nobody does.
      ::warning file=packages/loader/fixtures/duplicate-id/events/B/index.md,line=2,col=5,title=duplicate-id::An event "order-placed" version 1.0.0 is defined twice: in events/A/index.md (used) and in this file (ignored).%0AGive each resource of a kind its own id, or move the older one into versioned/<version>/ with a different version.
      "
    `);
  });
});

describe('usage', () => {
  it('shows help', async () => {
    const { code, out } = await cli('check', '--help');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "Usage: switchyard check [options] [dir]

      Validate a catalog and print every problem with its file, line and column.

      Arguments:
        dir                catalog folder (default: the current folder)

      Options:
        --dir <dir>        catalog folder, as an option
        --format <format>  output format (choices: "text", "json", "github", default:
                           "text")
        --strict           fail on warnings too (default: false)
        -h, --help         display help for command
      "
    `);
  });

  it.each([
    [['check', '--format', 'xml', acmeExample], /Allowed choices are text, json, github/],
    [['check', join(repo, 'no-such-folder')], /No catalog folder at/],
    [['check', acmeExample, '--dir', fixture], /Give the catalog folder once/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 on %j', async (args, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
