import { countResources, getResource, producersOf } from '@switchyard/model';
import { describe, expect, it } from 'vitest';
import { lines, scenario } from './_test-helpers.js';
import { loadCatalog } from './load-catalog.js';

describe('loadCatalog scenarios', () => {
  it('broken-reference: reports each pointer and [[ref]] to nothing, at the pointer, and keeps the rest', async () => {
    const { diagnostics, catalog } = await loadCatalog(scenario('broken-reference'));
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "services/Billing/events/InvoiceIssued/index.md:6:5 warning unknown-owner: "nobody-team" is neither a team nor a user.",
        "services/Billing/index.md:12:9 error unknown-reference: No event, command or query has the id "invoice-voided".",
        "services/Billing/index.md:16:13 error unknown-reference: No channel has the id "billing.evnts".",
        "services/Billing/index.md:19:53 error unknown-reference: [[service|ledger]] points to no service with the id "ledger".",
      ]
    `);
    const billing = getResource(catalog, 'service', 'billing');
    const issued = getResource(catalog, 'event', 'invoice-issued');
    if (!billing || !issued) throw new Error('billing and invoice-issued must load');
    expect(producersOf(catalog, issued).map((p) => [p.resource.id, p.channels.map((c) => c.id)])).toEqual([
      ['billing', ['billing.events']],
    ]);
  });

  it('duplicate-id: the second file with the same id and version is reported and ignored', async () => {
    const { diagnostics, catalog } = await loadCatalog(scenario('duplicate-id'));
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "events/B/index.md:2:5 warning duplicate-id: An event "order-placed" version 1.0.0 is defined twice: in events/A/index.md (used) and in this file (ignored).",
      ]
    `);
    expect(getResource(catalog, 'event', 'order-placed')?.source.file).toBe('events/A/index.md');
  });

  it('bad-yaml: a file that does not parse is reported with its position; the others load', async () => {
    const { diagnostics, catalog } = await loadCatalog(scenario('bad-yaml'));
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "events/Broken/index.md:4:1 error yaml-syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
    expect(getResource(catalog, 'event', 'fine-event')).toBeDefined();
    expect(getResource(catalog, 'service', 'publisher')).toBeDefined();
  });

  it('nested-field-error: problems deep in a flow step point at the exact line and column', async () => {
    const { diagnostics } = await loadCatalog(scenario('nested-field-error'));
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "flows/Checkout/index.md:15:7 warning unknown-field: Unknown field "steps[1].message.verison".",
        "flows/Checkout/index.md:18:9 error flow-step-unknown-next: Step "pay" leads to step "nowhere", which this flow does not have.",
        "flows/Checkout/index.md:22:14 error invalid-frontmatter: "steps[2].custom.title" must be a string, not a number.",
      ]
    `);
  });

  it('unknown-field: unknown keys are errors with a suggestion; x- keys are custom properties', async () => {
    const { diagnostics, catalog } = await loadCatalog(scenario('unknown-field'));
    expect(diagnostics.map((d) => [d.line, d.column, d.code, d.hint])).toMatchInlineSnapshot(`
      [
        [
          5,
          1,
          "unknown-field",
          "Did you mean "summary"? Custom fields must start with "x-".",
        ],
      ]
    `);
    expect(getResource(catalog, 'service', 'cart')?.custom).toEqual({ 'x-tier': 1 });
  });

  it('missing-file: named files must exist and stay inside the catalog', async () => {
    const { diagnostics } = await loadCatalog(scenario('missing-file'));
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "events/Shipped/index.md:5:13 error missing-file: The schema file "schema.avsc" does not exist (looked for events/Shipped/schema.avsc).",
        "events/Shipped/index.md:8:11 error file-outside-catalog: The specification path "../../../outside.yml" leads outside the catalog.",
      ]
    `);
  });

  it('versions: 100 is newer than 99, ranges pick the highest match, a pinned version that is missing is reported', async () => {
    const { diagnostics, catalog } = await loadCatalog(scenario('versions'));
    expect(getResource(catalog, 'event', 'tick')?.version).toBe('100');
    expect(getResource(catalog, 'event', 'tock')?.version).toBe('2.1.0');
    expect(getResource(catalog, 'event', 'tock', '^1.0.0')?.version).toBe('1.10.0');
    const clockSends = catalog.outgoing.get('service:clock@1.0.0')?.filter((e) => e.relation === 'sends');
    expect(clockSends?.map((e) => `${e.to} (${e.requested ?? 'latest'})`)).toEqual([
      'event:tock@1.10.0 (^1.0.0)',
      'event:tock@1.4.2 (1.4.x)',
      'event:tick@100 (latest)',
    ]);
    expect(lines(diagnostics)).toMatchInlineSnapshot(`
      [
        "events/Tick/index.md:4:10 warning invalid-version: Version "100" is not a semantic version; it is ordered as 100.0.0.",
        "events/Tick/versioned/99/index.md:4:10 warning invalid-version: Version "99" is not a semantic version; it is ordered as 99.0.0.",
        "services/Clock/index.md:13:14 error no-matching-version: No version of event "tock" matches "3.0.0" (it has 2.1.0, 1.10.0, 1.4.2).",
      ]
    `);
    expect(countResources(catalog)).toMatchObject({ event: 2, service: 1, versions: 3 });
  });

  it('refuses a root that is not a folder', async () => {
    await expect(loadCatalog(scenario('no-such-catalog'))).rejects.toThrow(/is not a folder/);
  });
});
