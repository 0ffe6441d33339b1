import { describe, expect, it } from 'vitest';
import { redirectPage } from './redirect.js';

describe('redirectPage', () => {
  it('refreshes to and links a target the URL policy allows', () => {
    const html = redirectPage('/docs/a/"b', 'Docs');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/docs/a/&#34;b">');
    expect(html).toContain('<a href="/docs/a/&#34;b">Docs</a>');
  });

  it.each(['java\tscript:alert(1)', '/\\evil.example/docs', '//evil.example'])(
    'sends nowhere when the target is %j',
    (to) => {
      const html = redirectPage(to, 'Docs');
      expect(html).not.toMatch(/refresh|href/);
      expect(html).toContain('<p>Docs</p>');
    },
  );
});
