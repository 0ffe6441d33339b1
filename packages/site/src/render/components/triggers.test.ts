import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../node/build.js';

const fixture = fileURLToPath(
  new URL('../../../../../../shared/fixtures/eventcatalog-acme', import.meta.url),
);
const out = join(mkdtempSync(join(tmpdir(), 'switchyard-triggers-')), 'site');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
/** A cell's text: a reference's link text (its hover card left out), else the cell's own text. */
const cellText = (cell: string) => (/<a [^>]*>(.*?)<\/a>/.exec(cell)?.[1] ?? cell).replace(/<[^>]+>/g, '');
/** The rows of the table labelled `label`, as the text of their cells. */
function rows(html: string, label: string): string[][] {
  const table = html.split(`aria-label="${label}"`)[1]?.split('</table>')[0] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)]
    .slice(1)
    .map((row) => [...(row[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((c) => cellText(c[1] ?? '')));
}

describe('trigger paths on the site (the fixture)', () => {
  beforeAll(async () => {
    await buildSite(await loadCatalog(fixture), { outDir: out });
  }, 120_000);

  it('shows what a command causes on its page, with the service and the condition', () => {
    expect(rows(page('docs/commands/reserve-inventory/1.0.0'), 'Causes')).toEqual([
      ['Inventory Service', 'Inventory Reserved', 'when sufficient stock is available'],
      [
        'Inventory Service',
        'Inventory Unavailable',
        'when there is not enough stock to fulfil the reservation',
      ],
    ]);
  });

  it('shows what causes an event, though nobody consumes it', () => {
    expect(rows(page('docs/events/inventory-reserved/1.0.0'), 'Caused by')).toEqual([
      ['Reserve Inventory', 'Inventory Service', 'when sufficient stock is available'],
    ]);
  });

  it("shows a service's reaction table, and none on a service that declares no triggers", () => {
    expect(rows(page('docs/services/inventory-service/1.0.0'), 'Reactions')).toEqual([
      ['Reserve Inventory', 'Inventory Reserved', 'when sufficient stock is available'],
      [
        'Reserve Inventory',
        'Inventory Unavailable',
        'when there is not enough stock to fulfil the reservation',
      ],
    ]);
    expect(page('docs/services/checkout-orchestrator/1.0.0')).not.toContain('aria-label="Reactions"');
  });

  it('draws trigger edges distinctly on the maps, with a legend entry in the visualiser', () => {
    const map = page('visualiser/services/inventory-service/1.0.0');
    const triggers = [...map.matchAll(/class="sy-edge sy-edge--trigger[^"]*" data-edge="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(triggers).toEqual(
      expect.arrayContaining([
        'command:reserve-inventory@1.0.0->event:inventory-reserved@1.0.0',
        'command:reserve-inventory@1.0.0->event:inventory-unavailable@1.0.0',
      ]),
    );
    expect(map).toContain('sy-vis__line--trigger');
    expect(map).toContain('triggers when sufficient stock');
    // A map without triggers has no trigger entry in its legend.
    expect(page('visualiser/services/checkout-orchestrator/1.0.0')).not.toContain('sy-vis__line--trigger');
  });
});
