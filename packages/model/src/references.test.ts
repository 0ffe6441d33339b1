import { describe, expect, it } from 'vitest';
import { scanReferences } from './references.js';

describe('scanReferences', () => {
  it('finds typed, versioned, bare and doc references with their file positions', () => {
    const body = [
      'Intro',
      'The [[service|cart-api]] sends [[event|order-created@1.2.0]].',
      '',
      'An [[order]] and [[doc|flows/01-place]].',
    ].join('\n');
    expect(scanReferences(body, 10)).toEqual([
      { type: 'service', id: 'cart-api', raw: '[[service|cart-api]]', line: 11, column: 5 },
      {
        type: 'event',
        id: 'order-created',
        version: '1.2.0',
        raw: '[[event|order-created@1.2.0]]',
        line: 11,
        column: 32,
      },
      { type: 'entity', id: 'order', raw: '[[order]]', line: 13, column: 4 },
      { type: 'doc', id: 'flows/01-place', raw: '[[doc|flows/01-place]]', line: 13, column: 18 },
    ]);
  });
  it('reads the escaped pipe used inside Markdown tables', () => {
    const [ref] = scanReferences('| [[service\\|checkout-api]] | Service |', 1);
    expect(ref).toMatchObject({ type: 'service', id: 'checkout-api', column: 3 });
  });
  it('skips fenced code and inline code', () => {
    const body = [
      '```md',
      '[[service|in-fence]]',
      '```',
      'Use `[[service|inline]]` for [[service|real]].',
    ].join('\n');
    expect(scanReferences(body, 1).map((r) => r.id)).toEqual(['real']);
  });
});
