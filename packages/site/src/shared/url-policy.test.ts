import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from './url-decode.js';
import {
  isSafeRefresh,
  isSafeSrcset,
  isSafeStyle,
  isSafeUrl,
  safeUrl,
  unsafeAttributes,
} from './url-policy.js';

describe('isSafeUrl', () => {
  it.each([
    '/docs/services/a',
    'docs/a.md',
    '../a',
    './a:b',
    '#section',
    '?q=1',
    '',
    'https://example.com/a?b=1&amp;c=2#d',
    'HTTP://example.com',
    'http:example.com',
    'mailto:team@example.com',
    'tel:+44123',
    'cursor://anysphere.cursor-deeplink/prompt?text=hi',
    'slack://user?team=T1&id=U1',
    'msteams:/l/chat/0/0?users=a@b.c',
    '  https://example.com  ',
  ])('allows %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\u0000\u001f javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscr\ript:alert(1)',
    'javascript\t:alert(1)',
    '&#106;avascript:alert(1)',
    '&#106avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
    'java&#x09;script:alert(1)',
    'javascript&amp;colon;alert(1)',
    'javascript&amp;amp;amp;amp;amp;amp;amp;amp;colon;alert(1)',
    'vbscript:msgbox(1)',
    'livescript:x',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'blob:https://example.com/id',
    'vscode://file/etc/passwd',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example',
    '/\t/evil.example',
    '&sol;&sol;evil.example',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
    expect(safeUrl(url)).toBeUndefined();
  });

  it('allows data: images only where an image is loaded', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(isSafeUrl(png, 'image')).toBe(true);
    expect(isSafeUrl(png, 'link')).toBe(false);
    expect(isSafeUrl('data:text/html,x', 'image')).toBe(false);
    expect(isSafeUrl('mailto:a@b.c', 'image')).toBe(false);
  });

  it('reads a very long URL in linear time', () => {
    const long = `${' '.repeat(200_000)}java\tscript:${'a'.repeat(200_000)}`;
    const started = performance.now();
    expect(isSafeUrl(long)).toBe(false);
    expect(isSafeUrl(`https://example.com/${'&#97;'.repeat(50_000)}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('takes only strings', () => {
    expect(safeUrl(undefined)).toBeUndefined();
    expect(safeUrl(42)).toBeUndefined();
  });
});

describe('decodeCharacterReferences', () => {
  it('decodes numeric references and the named ones that spell ASCII', () => {
    expect(decodeCharacterReferences('&#106;&#x61&#X76;a&colon;&Tab;&sol;&fjlig;&amp;')).toBe('java:\t/fj&');
    expect(decodeCharacterReferences('&#0;&#x110000;&#xD800;')).toBe('\ufffd\ufffd\ufffd');
    expect(decodeCharacterReferences('&copy; &colon &unknown;')).toBe('&copy; &colon &unknown;');
    expect(decodeCharacterReferences('&ampcolon; &ltx')).toBe('&colon; <x');
  });
});

describe('srcset, style and refresh', () => {
  it('checks every srcset candidate as an image', () => {
    expect(isSafeSrcset('a.png 1x, /b.png 2x, data:image/png;base64,AA 3x')).toBe(true);
    expect(isSafeSrcset('a.png 1x, javascript:alert(1) 2x')).toBe(false);
    expect(isSafeSrcset('a.png 1x,&#106;avascript:alert(1) 2x')).toBe(false);
    // One URL with a comma in it, as the browser reads it.
    expect(isSafeSrcset('a.png,javascript:alert(1)')).toBe(true);
  });

  it('checks url() in CSS after escapes and comments', () => {
    expect(isSafeStyle('color:red;background:url("/a.png")')).toBe(true);
    expect(isSafeStyle('fill:url(#gradient)')).toBe(true);
    expect(isSafeStyle('background:url(javascript:alert(1))')).toBe(false);
    expect(isSafeStyle("background:URL( 'java\\73 cript:alert(1)' )")).toBe(false);
    expect(isSafeStyle('background:u\\72l(javascript:alert(1))')).toBe(false);
    expect(isSafeStyle('background:url(/**/javascript:alert(1))')).toBe(false);
    expect(isSafeStyle('background:url(&#106;avascript:alert(1))')).toBe(false);
    expect(isSafeStyle('background:image-set("x.png" 1x)')).toBe(false);
    expect(isSafeStyle('width:expression(alert(1))')).toBe(false);
  });

  it('checks the URL of a meta refresh', () => {
    expect(isSafeRefresh('5')).toBe(true);
    expect(isSafeRefresh("0; URL='/docs/'")).toBe(true);
    expect(isSafeRefresh('0;url=javascript:alert(1)')).toBe(false);
    expect(isSafeRefresh('0, "javascript:alert(1)"')).toBe(false);
    expect(isSafeRefresh('0 javascript:alert(1)')).toBe(false);
  });
});

describe('unsafeAttributes', () => {
  it('names the attributes to leave out, whatever case the renderer writes them in', () => {
    expect(unsafeAttributes('a', { href: 'javascript:x', class: 'c', children: [] })).toEqual(['href']);
    expect(unsafeAttributes('use', { xlinkHref: 'javascript:x' })).toEqual(['xlinkHref']);
    expect(unsafeAttributes('a', { 'xlink:href': 'javascript:x' })).toEqual(['xlink:href']);
    expect(unsafeAttributes('form', { action: 'javascript:x' })).toEqual(['action']);
    expect(unsafeAttributes('button', { formAction: 'javascript:x' })).toEqual(['formAction']);
    expect(unsafeAttributes('iframe', { src: 'data:image/svg+xml,x' })).toEqual(['src']);
    expect(unsafeAttributes('object', { data: 'data:image/svg+xml,x' })).toEqual(['data']);
    expect(unsafeAttributes('a', { ping: '/ok javascript:x' })).toEqual(['ping']);
    expect(unsafeAttributes('img', { src: 'data:image/png;base64,AA', srcSet: 'javascript:x 1x' })).toEqual([
      'srcSet',
    ]);
    expect(unsafeAttributes('video', { poster: 'data:image/png;base64,AA' })).toEqual([]);
    expect(unsafeAttributes('link', { rel: 'icon', href: 'data:image/svg+xml,x' })).toEqual([]);
    expect(unsafeAttributes('link', { rel: 'stylesheet', href: 'data:text/css,x' })).toEqual(['href']);
    expect(unsafeAttributes('meta', { httpEquiv: 'refresh', content: '0;url=javascript:x' })).toEqual([
      'content',
    ]);
    expect(unsafeAttributes('meta', { name: 'description', content: 'javascript:x' })).toEqual([]);
    expect(unsafeAttributes('div', { style: { background: 'url(javascript:x)' } })).toEqual(['style']);
    expect(unsafeAttributes('rect', { fill: 'url(javascript:x)', stroke: 'red' })).toEqual(['fill']);
    expect(unsafeAttributes('animate', { attributeName: 'href', values: '/a;javascript:x' })).toEqual([
      'values',
    ]);
    expect(unsafeAttributes('a', { title: 'javascript:x', 'data-x': 'javascript:x' })).toEqual([]);
  });
});
