import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from './check-links.js';
import { catalogTarget, isExternal, siteTarget } from './link-target.js';

const temp = mkdtempSync(join(tmpdir(), 'switchyard-link-target-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('siteTarget', () => {
  it('resolves relative links against the page URL, as a browser does', () => {
    expect(siteTarget('logo.svg', '/directory/teams/', '/')).toEqual({ path: '/directory/teams/logo.svg' });
    expect(siteTarget('logo.svg', '/directory/teams', '/')).toEqual({ path: '/directory/logo.svg' });
    expect(siteTarget('../x/1.0.0?a=1#f', '/docs/events/y/', '/')).toEqual({ path: '/docs/events/x/1.0.0' });
    expect(siteTarget('/docs/My%20Event', '/', '/')).toEqual({ path: '/docs/My Event' });
  });

  it('removes the base, and tells links that leave it', () => {
    expect(siteTarget('/catalog/docs/x/', '/catalog/', '/catalog/')).toEqual({ path: '/docs/x/' });
    expect(siteTarget('/catalog', '/catalog/', '/catalog/')).toEqual({ path: '/' });
    expect(siteTarget('/docs/x', '/catalog/', '/catalog/')).toEqual({ outside: true });
    expect(siteTarget('/catalogue/x', '/catalog/', '/catalog/')).toEqual({ outside: true });
  });

  it('leaves external, protocol-relative and fragment links alone', () => {
    for (const href of ['https://a.b/c', 'mailto:x@y.z', '//cdn.example.com/a.js', '#top', '?q=1', ''])
      expect([href, isExternal(href), siteTarget(href, '/', '/')]).toEqual([href, true, undefined]);
  });
});

describe('catalogTarget', () => {
  it('resolves a link relative to the file it is written in, keeping query and fragment', () => {
    expect(catalogTarget('../B/index.mdx#x', 'events/A/index.mdx')).toEqual({
      file: 'events/B/index.mdx',
      suffix: '#x',
    });
    expect(catalogTarget('./My%20Spec.yml', 'services/S/index.mdx')).toEqual({
      file: 'services/S/My Spec.yml',
      suffix: '',
    });
    expect(catalogTarget('../../', 'events/A/index.mdx')).toEqual({ file: '', suffix: '' });
  });

  it('says when a link climbs above the catalog root, and ignores site and external links', () => {
    expect(catalogTarget('../../../x.yml', 'events/A/index.mdx')).toEqual({ outside: true });
    expect(catalogTarget('/docs/x', 'events/A/index.mdx')).toBeUndefined();
    expect(catalogTarget('https://x.y', 'events/A/index.mdx')).toBeUndefined();
  });
});

describe('checkLinks', () => {
  const put = (root: string, path: string, html: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), html);
  };

  it('checks relative links by the URL the site gives each page, below the base', () => {
    const out = join(temp, 'site');
    const page =
      '<a href="sibling/">s</a> <img src="logo.svg"> <a href="/catalog/docs/a">a</a> <a href="/elsewhere">e</a>';
    put(out, 'index.html', '<a href="docs/a/">a</a> <link rel="icon" href="logo.svg">');
    put(out, 'logo.svg', '<svg/>');
    put(out, 'docs/a/index.html', page);
    put(out, 'docs/a/sibling/index.html', '');
    put(out, 'docs/sibling/index.html', '');
    // With trailing slashes, docs/a/ is the folder the relative links resolve in.
    expect(checkLinks(out, '/catalog/', true).broken).toEqual([
      { page: '/catalog/docs/a/', href: 'logo.svg' },
      { page: '/catalog/docs/a/', href: '/elsewhere' },
    ]);
    // Without, the page is docs/a: the same links resolve one folder up.
    expect(checkLinks(out, '/catalog/', false).broken).toEqual([
      { page: '/catalog/docs/a', href: 'logo.svg' },
      { page: '/catalog/docs/a', href: '/elsewhere' },
    ]);
  });
});
