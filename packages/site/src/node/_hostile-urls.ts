import fc from 'fast-check';

/**
 * For fuzz tests: URLs a browser would run, load as a document or send off the site, disguised the ways
 * browsers and HTML undo (case, control characters, tabs and newlines, character references at one or
 * two depths, `&colon;`, padding to hundreds of KB).
 */
export const dangerousUrls = [
  'javascript:globalThis.__pwned=1',
  'vbscript:msgbox(1)',
  'livescript:x',
  'data:text/html,<script>alert(1)</script>',
  'data:application/xhtml+xml,<x/>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'blob:https://example.com/1',
  'vscode://file/etc/passwd',
  '//evil.example/x',
  '/\\evil.example/x',
] as const;

/** Characters a browser removes or trims around a URL: C0 controls and space at the ends. */
const c0 = fc.integer({ min: 0, max: 0x20 }).map((c) => String.fromCharCode(c));
const tabOrNewline = fc.constantFrom('\t', '\n', '\r');

type Disguise = (char: string, next: string | undefined) => string;

const disguises: fc.Arbitrary<Disguise>[] = [
  fc.constant<Disguise>((c) => c),
  fc.constant<Disguise>((c) => (c.toUpperCase() === c ? c.toLowerCase() : c.toUpperCase())),
  tabOrNewline.map<Disguise>((t) => (c) => `${c}${t}`),
  fc.constant<Disguise>((c, next) => `&#${c.codePointAt(0)}${next && /\d/.test(next) ? ';' : ''}`),
  fc.constant<Disguise>((c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`),
  fc.constant<Disguise>((c) => `&#000${c.codePointAt(0)};`),
  fc.constant<Disguise>((c) => ({ ':': '&colon;', '/': '&sol;', '\\': '&bsol;', '.': '&period;' })[c] ?? c),
];

/** The part a disguise may touch: the scheme and its colon, or a network path's leading slashes. */
function head(url: string): number {
  const colon = url.indexOf(':');
  return url.startsWith('/') ? 2 : colon + 1;
}

/** `urls` disguised; one in four padded to `longest` characters. */
export function disguised(urls: readonly string[], longest = 100_000): fc.Arbitrary<string> {
  return fc
    .record({
      url: fc.constantFrom(...urls),
      marks: fc.array(fc.oneof(...disguises), { minLength: 1, maxLength: 16 }),
      before: fc.array(c0, { maxLength: 4 }).map((a) => a.join('')),
      after: fc.array(c0, { maxLength: 4 }).map((a) => a.join('')),
      ampDepth: fc.constantFrom(0, 0, 1, 2),
      pad: fc.constantFrom(0, 0, 0, longest),
    })
    .map(({ url, marks, before, after, ampDepth, pad }) => {
      const n = head(url);
      const chars = [...url.slice(0, n)];
      let out = chars
        .map((c, i) => (marks[i % marks.length] as Disguise)(c, i + 1 < chars.length ? chars[i + 1] : url[n]))
        .join('');
      for (let d = 0; d < ampDepth; d++) out = out.replace(/&/g, '&amp;');
      return `${before}${out}${url.slice(n)}${'a'.repeat(pad)}${after}`;
    });
}

/** Refused wherever a URL goes. */
export const hostileUrl = disguised(dangerousUrls);
/** Refused also where an image is loaded (`data:image/...` is not: an image runs no script). */
export const hostileImageUrl = disguised(dangerousUrls.filter((u) => !u.startsWith('data:image/')));
