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

describe('redirectPage with the redirect script', () => {
  it('moves on by the script, keeping query and fragment, with the meta refresh for browsers without scripts', () => {
    const html = redirectPage('/docs/events/a/1.0.0', 'A', '/_sy/client/redirect.js');
    expect(html).toContain('<link rel="canonical" href="/docs/events/a/1.0.0">');
    expect(html).toContain('<script type="module" src="/_sy/client/redirect.js"></script>');
    expect(html).toContain(
      '<noscript><meta http-equiv="refresh" content="0; url=/docs/events/a/1.0.0"></noscript>',
    );
    // The canonical link comes before the script, which reads it as it runs.
    expect(html.indexOf('rel="canonical"')).toBeLessThan(html.indexOf('<script'));
  });

  it('loads no script the URL policy refuses', () => {
    const html = redirectPage('/docs/a', 'A', 'javascript:alert(1)');
    expect(html).not.toContain('<script');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/docs/a">');
  });
});
