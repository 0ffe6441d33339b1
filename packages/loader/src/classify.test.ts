import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';

describe('classify', () => {
  it.each([
    ['domains/Orders/index.mdx', 'domain'],
    ['domains/Orders/subdomains/Returns/index.md', 'domain'],
    ['domains/Orders/systems/checkout/index.mdx', 'system'],
    ['systems/checkout/services/Api/index.mdx', 'service'],
    ['domains/D/systems/S/services/Api/events/Created/index.mdx', 'event'],
    ['services/Api/commands/Do/index.mdx', 'command'],
    ['services/Api/queries/Get/index.mdx', 'query'],
    ['channels/payments/outcomes/index.mdx', 'channel'],
    ['domains/D/containers/db/index.mdx', 'container'],
    ['domains/D/flows/group/Place/index.mdx', 'flow'],
    ['domains/D/entities/order/index.mdx', 'entity'],
    ['domains/D/systems/S/adrs/adr-1/index.mdx', 'adr'],
    ['domains/D/data-products/sales/index.mdx', 'data-product'],
    ['agents/helper/index.mdx', 'agent'],
    ['diagrams/context/index.mdx', 'diagram'],
    ['teams/core.mdx', 'team'],
    ['users/ann.md', 'user'],
    ['docs/flows/01-place.mdx', 'doc'],
    ['services/Api/events/Created/versioned/0.3.0/index.mdx', 'event'],
    ['services/Api/changelog.mdx', 'changelog'],
    ['domains/D/ubiquitous-language.mdx', 'ubiquitous-language'],
    // Grouping folders below a kind folder, at any depth (EventCatalog 2 and later).
    ['events/Billing/InvoicePaid/index.md', 'event'],
    ['events/Billing/Refunds/RefundIssued/index.mdx', 'event'],
    ['services/Team/TeamService/index.md', 'service'],
    ['domains/X/subdomains/Y/services/Core/Z/index.mdx', 'service'],
    ['events/Billing/InvoicePaid/versioned/0.1.0/index.md', 'event'],
  ])('%s is a %s', (path, kind) => {
    expect(classify(path)?.kind).toBe(kind);
  });

  it('reads the version folder of an older version', () => {
    expect(classify('events/E/versioned/0.3.0/index.md')).toEqual({
      kind: 'event',
      dir: 'events/E/versioned/0.3.0',
      versionFolder: '0.3.0',
    });
  });

  it.each([
    'services/Api/openapi.yml',
    'services/Api/README.md',
    'services/Api/notes/readme.md',
    'events/E/versioned/0.3.0/notes/index.md',
    'teams/nested/core.md',
    'random/thing/index.md',
    'index.md',
  ])('%s is not a resource', (path) => {
    expect(classify(path)).toBeUndefined();
  });
});
