import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileImageUrl, hostileUrl } from '../node/_hostile-urls.js';
import { isSafeSrcset, isSafeStyle, isSafeUrl, unsafeAttributes } from './url-policy.js';

/**
 * Properties of the URL policy: every disguised hostile URL is refused in every attribute that takes a
 * URL, and what the policy allows, Node's WHATWG URL parser (the browsers' algorithm) reads as an allowed
 * scheme and not as a path to another machine. Fixed seed; FUZZ_RUNS for a longer search.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 60) * 5;
const seed = Number(process.env.FUZZ_SEED ?? 16);
const options = { seed, numRuns: runs, endOnFailure: true };

describe('hostile URLs', () => {
  it('are refused as links, in every URL attribute', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        expect(isSafeUrl(url)).toBe(false);
        expect(unsafeAttributes('a', { href: url })).toEqual(['href']);
        expect(unsafeAttributes('svg:a', { 'xlink:href': url })).toEqual(['xlink:href']);
        expect(unsafeAttributes('form', { action: url })).toEqual(['action']);
        expect(unsafeAttributes('iframe', { src: url })).toEqual(['src']);
        expect(unsafeAttributes('meta', { 'http-equiv': 'refresh', content: `0; url=${url}` })).toEqual([
          'content',
        ]);
      }),
      options,
    );
  });

  it('are refused as images unless they are data: images', () => {
    fc.assert(
      fc.property(hostileImageUrl, (url) => {
        expect(isSafeUrl(url, 'image')).toBe(false);
        const css = url.replace(/[\\"]/g, (c) => `\\${c}`); // escaped as a CSS string
        expect(isSafeStyle(`background:url("${css}")`)).toBe(false);
        // srcset splits at whitespace, so only a URL without it stays one candidate.
        if (!/[\t\n\f\r ]/.test(url)) expect(isSafeSrcset(`/ok.png 1x, ${url} 2x`)).toBe(false);
      }),
      options,
    );
  });
});

/** Pieces from which strings that look like URLs are built: schemes, separators, controls, slashes. */
const piece = fc.constantFrom(
  'javascript',
  'JavaScript',
  'java',
  'script',
  'vbscript',
  'data',
  'text/html,',
  'image/png;base64,',
  'http',
  'https',
  'mailto',
  'file',
  'slack',
  'evil.example',
  ':',
  '/',
  '\\',
  '//',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  '#',
  '?',
  '.',
  '+',
  '-',
  '%3A',
  'a',
  '1',
);
const urlLike = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

const allowedProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:', 'cursor:', 'slack:', 'msteams:']);

describe('what the policy allows', () => {
  it('is read by a browser as an allowed scheme on this site, or on an allowed scheme elsewhere', () => {
    fc.assert(
      fc.property(urlLike, (url) => {
        if (!isSafeUrl(url)) return;
        let onSite: URL;
        let onDisk: URL;
        try {
          onSite = new URL(url, 'https://site.example/docs/page/');
          onDisk = new URL(url, 'file:///site/docs/page/');
        } catch {
          return; // not a URL a browser would follow
        }
        expect(allowedProtocols.has(onSite.protocol), `${JSON.stringify(url)} → ${onSite.href}`).toBe(true);
        // A page opened from disk must not be sent to another machine.
        if (onDisk.protocol === 'file:') expect(onDisk.host, JSON.stringify(url)).toBe('');
      }),
      options,
    );
  });

  it('keeps the links a catalog legitimately has', () => {
    const relative = fc.oneof(
      fc.webPath().filter((p) => !/^[/\\]{2}/.test(p)),
      fc.webFragments().map((f) => `#${f}`),
      fc.webQueryParameters().map((q) => `?${q}`),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), relative),
        (url) => {
          expect(isSafeUrl(url)).toBe(true);
          expect(unsafeAttributes('a', { href: url })).toEqual([]);
        },
      ),
      options,
    );
  });
});
