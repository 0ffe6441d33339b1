import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeUrlsInSite, urlsInSite } from '../../site/src/node/_url-scan.js';
import type { Io } from './io.js';
import { run } from './program.js';

/**
 * The hostile fixture's URLs (`packages/cli/fixtures/hostile`): every source of a URL holds disguised
 * `javascript:`, `vbscript:`, `data:` and network-path values, and a safe control beside them. The built
 * site carries every control (so each sink is live) and none of the hostile values, in any file.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const hostile = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
const quiet: Io = { out: () => {}, err: () => {}, cwd: repo, color: false };
let out: string;

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'switchyard-hostile-urls-')), 'dist');
  expect(await run(['build', hostile, '--out', out], quiet)).toBe(1); // it has errors, and a site
}, 60_000);
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

/** Each sink with the safe URL its source holds beside the hostile ones. */
const controls = [
  ['flow map: external system', 'https://example.com/control-external'],
  ['flow map: custom step', 'https://example.com/control-custom'],
  ['MDX link', 'https://example.com/control-md'],
  ['seed-like page: Markdown link', 'https://example.com/control-seed'],
  ['Tile', 'https://example.com/control-tile'],
  ['attachments', 'https://example.com/control-attachment'],
  ['hover card: repository', 'https://example.com/control-repository'],
  ['owner: Slack', 'https://example.com/control-slack'],
];

describe('URLs in the hostile build', () => {
  it('hand the browser no URL the policy refuses, in any HTML, SVG, JSON or Mermaid file', () => {
    const all = urlsInSite(out);
    expect(all.length).toBeGreaterThan(500);
    expect(unsafeUrlsInSite(out)).toEqual([]);
  });

  it.each(controls)('keep the safe URL of each sink live: %s', (_, url) => {
    expect(urlsInSite(out).some((u) => u.value === url && u.attribute === 'href')).toBe(true);
  });

  it('draw the flow map with every hostile external system and custom step as a node without a link', () => {
    for (const path of [
      'docs/custom/flows/evil-flow-map/index.html',
      'visualiser/flows/evil-flow/1.0.0/index.html',
    ]) {
      const html = readFileSync(join(out, path), 'utf8');
      // Steps 1 to 10 hold hostile URLs: drawn, focusable, not linked. Steps 11 and 12 are the controls.
      for (let step = 1; step <= 10; step++) {
        expect(html, `step ${step} in ${path}`).toContain(
          `data-node="${step}" data-id="${step}" tabindex="0">`,
        );
      }
      expect(html).toContain(
        'data-node="11" data-id="11"><title>Control</title><a href="https://example.com/control-external"',
      );
      expect(html).toContain(
        'data-node="12" data-id="12"><title>Custom control</title><a href="https://example.com/control-custom"',
      );
    }
  });

  it('write no hostile value into the Mermaid text of the flow', () => {
    const mermaid = readFileSync(join(out, 'visualiser/flows/evil-flow/1.0.0.mermaid'), 'utf8');
    const links = mermaid.split('\n').filter((line) => /^\s*click /.test(line));
    expect(links).toContain('  click n10 href "https://example.com/control-external"');
    for (const line of links) expect(line).toMatch(/ href "https:\/\/example\.com\/control-/);
  });
});
