import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../node/build.js';

const root = mkdtempSync(join(tmpdir(), 'switchyard-impact-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('the Impact section and "Copy with context"', () => {
  it('shows who a message affects, whom to ask and its flows, and puts the same facts after a prompt', async () => {
    write('teams/billing.md', '---\nid: billing\nname: Billing Team\nemail: billing@example.test\n---\n');
    write(
      'services/Payments/index.mdx',
      '---\nid: payments\nname: Payments\nversion: 1.0.0\nowners: [billing]\nsends:\n  - id: paid\n---\n',
    );
    write(
      'services/Ledger/index.mdx',
      '---\nid: ledger\nname: Ledger\nversion: 1.0.0\nreceives:\n  - id: paid\n---\n',
    );
    write(
      'events/Paid/index.mdx',
      '---\nid: paid\nname: Paid\nversion: 1.0.0\n---\n\n<Prompt title="Review">What breaks if Paid changes?</Prompt>\n',
    );
    write(
      'flows/Pay/index.mdx',
      [
        '---',
        'id: pay',
        'name: Pay',
        'version: 1.0.0',
        'steps:',
        '  - id: a',
        '    title: Paid',
        '    message: { id: paid }',
        '    next_steps: [b, { id: c, label: Ledger unavailable }]',
        '  - id: b',
        '    title: Done',
        '  - id: c',
        '    title: Retry later',
        '---',
        '',
      ].join('\n'),
    );
    const loaded = await loadCatalog(root);
    expect(loaded.diagnostics).toEqual([]);
    await buildSite(loaded, { outDir: join(root, 'dist') });
    const html = readFileSync(join(root, 'dist/docs/events/paid/1.0.0/index.html'), 'utf8');
    const section = html.slice(html.indexOf('<section class="sy-prose sy-impact"'));
    expect(section).toMatch(
      /Sent by:<\/strong> <span[^>]*><span class="sy-ref" data-ref="service:payments@1.0.0"/,
    );
    expect(section).toContain('data-ref="service:ledger@1.0.0"');
    expect(section).toContain('href="mailto:billing@example.test"');
    expect(section).toContain('data-ref="flow:pay@1.0.0"');
    expect(section).toContain('failure paths after it: Ledger unavailable');

    const id = /data-sy-copy="(sy-prompt-[^"]+)-context"/.exec(html)?.[1];
    expect(id).toBeDefined();
    const context = html.match(new RegExp(`<pre hidden id="${id}-context">([^<]*)</pre>`))?.[1] ?? '';
    expect(context.split('\n')).toEqual([
      'What breaks if Paid changes?',
      '',
      'Catalog context for Event Paid (event:paid@1.0.0):',
      'Producers: Payments (service:payments@1.0.0)',
      'Consumers: Ledger (service:ledger@1.0.0)',
      'Flows: Pay (flow:pay@1.0.0), failure paths: a -> c (Ledger unavailable)',
      'Owners to ask: Billing Team (team, billing@example.test)',
    ]);

    // A page of another kind (a team) has no Impact section.
    const team = readFileSync(join(root, 'dist/docs/teams/billing/index.html'), 'utf8');
    expect(team).not.toContain('sy-impact');
  }, 30_000);
});
