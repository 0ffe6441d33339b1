import { decodeCharacterReferences, unescapeCss } from './url-decode.js';

/**
 * The URL policy: the one rule for every place a catalog string becomes a URL in HTML or SVG (pages,
 * the SVG writer, Mermaid output, redirect pages, and the browser scripts, which load this same file
 * from `_sy/shared/`). No imports, no DOM: it runs in Node and in the browser alike.
 *
 * A value is read as a browser reads a URL (WHATWG): C0 controls and spaces trimmed at both ends, tabs
 * and newlines removed anywhere (`java\tscript:`), the scheme compared without case. The value may also
 * land in an attribute that decodes character references, so it is read again decoded (`&#106;`,
 * `javascript&colon;`), at every depth (`&amp;colon;`); it is allowed only if every reading is.
 *
 * Allowed: relative URLs (paths, `?query`, `#fragment`), `http`, `https`, `mailto`, `tel`, `cursor`
 * (the Prompt component's "Open in Cursor"), `slack` and `msteams` (owners' direct-message links); for
 * images also `data:image/...`. Refused: every other scheme (`javascript:`, `vbscript:`, `data:` in
 * links, `file:`, `blob:`...) and network paths (`//host`, `/\host`): their scheme is the page's, which
 * for a site opened from disk is `file:` on another machine; write `https://host` instead.
 */

/** How the browser uses the URL: follows it (`href`, `action`...) or loads it as an image. */
export type UrlUse = 'link' | 'image';

const linkSchemes = new Set(['http', 'https', 'mailto', 'tel', 'cursor', 'slack', 'msteams']);
const imageSchemes = new Set(['http', 'https']);
const dataImage = /^data:image\/(?:png|gif|jpe?g|webp|avif|svg\+xml)[;,]/i;
/** Deeper nesting than this (`&amp;amp;amp;...`) is refused rather than decoded further. */
const maxDepth = 6;

export function isSafeUrl(url: string, use: UrlUse = 'link'): boolean {
  if (!url.includes('&')) return allowed(browserForm(url), use); // one reading: the common case, kept fast
  return readings(url).every((r) => r !== undefined && allowed(browserForm(r), use));
}

/** The URL when the policy allows it, else undefined (so `href={safeUrl(x)}` leaves the attribute out). */
export function safeUrl(url: unknown, use: UrlUse = 'link'): string | undefined {
  return typeof url === 'string' && isSafeUrl(url, use) ? url : undefined;
}

/** A `srcset` (`a.png 1x, b.png 2x`): every candidate must be a safe image URL. */
export function isSafeSrcset(value: string): boolean {
  return readings(value).every((r) => r !== undefined && srcsetUrls(r).every((u) => isSafeUrl(u, 'image')));
}

/**
 * CSS (a `style` attribute, an SVG `fill`): every `url(...)` must be a safe image URL, after CSS escapes
 * and comments; `image-set()`, `expression()`, `-moz-binding`, `behavior` and `@import` are refused.
 */
export function isSafeStyle(css: string): boolean {
  return readings(css).every((r) => {
    if (r === undefined) return false;
    const text = unescapeCss(r).replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
    if (/image-set\s*\(|expression\s*\(|-moz-binding|behavior\s*:|@import/i.test(text)) return false;
    for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi)) {
      if (!isSafeUrl((m[1] ?? m[2] ?? m[3] ?? '').trim(), 'image')) return false;
    }
    return true;
  });
}

/** A `<meta http-equiv="refresh" content="0; url=...">`: its URL part, read both with and without `url=`. */
export function isSafeRefresh(content: string): boolean {
  return readings(content).every((r) => {
    if (r === undefined) return false;
    const rest = r.replace(/^[\s]*[\d.]*[\s;,]*/, '');
    const named = rest.replace(/^url\s*=\s*/i, '');
    const unquoted = /^(["'])(.*?)(?:\1|$)/s.exec(named)?.[2] ?? named;
    return [rest, named, unquoted].every((u) => isSafeUrl(u));
  });
}

/** Attributes that hold one URL. Names are compared lowercased, without `:` and `-` (`xlinkHref`). */
const urlAttributes = new Set(
  'href xlinkhref src action formaction poster background cite data codebase longdesc lowsrc dynsrc manifest archive classid'.split(
    ' ',
  ),
);
/** Attributes that hold CSS, where `url()` may appear. */
const cssAttributes = new Set(
  'style fill stroke filter clippath mask markerstart markermid markerend cursor'.split(' '),
);
const imageElements = new Set(['img', 'image', 'source', 'picture']);

/**
 * The names of the attributes of `<element>` whose URLs the policy refuses; callers leave them out.
 * Takes names as HTML, SVG or Preact write them (`xlink:href`, `xlinkHref`, `srcSet`, `httpEquiv`).
 */
export function unsafeAttributes(element: string, attributes: Readonly<Record<string, unknown>>): string[] {
  const refused: string[] = [];
  let tag: string | undefined;
  for (const name in attributes) {
    const value = attributes[name];
    if (typeof value !== 'string' && !(name === 'style' && value && typeof value === 'object')) continue;
    const key = normalise(name);
    tag ??= element.toLowerCase();
    if (!allowedAttribute(tag, key, typeof value === 'string' ? value : styleText(value), attributes))
      refused.push(name);
  }
  return refused;
}

function allowedAttribute(
  tag: string,
  key: string,
  value: string,
  attributes: Readonly<Record<string, unknown>>,
): boolean {
  if (urlAttributes.has(key)) {
    const image =
      (imageElements.has(tag) && key !== 'data') ||
      key === 'poster' ||
      key === 'background' ||
      (tag === 'link' && /\bicon\b/i.test(String(read(attributes, 'rel') ?? '')));
    return isSafeUrl(value, image ? 'image' : 'link');
  }
  if (key === 'srcset' || key === 'imagesrcset') return isSafeSrcset(value);
  if (cssAttributes.has(key)) return isSafeStyle(value);
  if (key === 'ping') return value.split(/[\t\n\f\r ]+/).every((u) => isSafeUrl(u));
  if (key === 'content' && tag === 'meta' && /refresh/i.test(String(read(attributes, 'httpequiv'))))
    return isSafeRefresh(value);
  if (
    (key === 'to' || key === 'from' || key === 'by' || key === 'values') &&
    /href/i.test(String(read(attributes, 'attributename')))
  )
    return value.split(';').every((u) => isSafeUrl(u));
  return true;
}

/** An attribute by its normalised name. */
function read(attributes: Readonly<Record<string, unknown>>, key: string): unknown {
  for (const name in attributes) if (normalise(name) === key) return attributes[name];
  return undefined;
}

const normalised = new Map<string, string>();
/** `xlink:href`, `xlinkHref` → `xlinkhref`; cached, as every attribute of every page element comes here. */
function normalise(name: string): string {
  let key = normalised.get(name);
  if (key === undefined) {
    key = name.toLowerCase().replace(/[:-]/g, '');
    if (normalised.size < 10_000) normalised.set(name, key);
  }
  return key;
}

/** A Preact style object as CSS text (`{background: 'url(x)'}` → `background:url(x)`). */
function styleText(value: unknown): string {
  return Object.entries(value as object)
    .map(([k, v]) => `${k}:${String(v)}`)
    .join(';');
}

/**
 * The value as written, then decoded once, twice... until decoding changes nothing; `undefined` stands
 * for a value still changing at `maxDepth` (refused).
 */
function readings(value: string): (string | undefined)[] {
  const out: (string | undefined)[] = [value];
  let current = value;
  for (let depth = 0; depth < maxDepth; depth++) {
    const next = decodeCharacterReferences(current);
    if (next === current) return out;
    out.push(next);
    current = next;
  }
  out.push(undefined);
  return out;
}

/** What a browser's URL parser starts from: C0 controls and spaces trimmed, tabs and newlines removed. */
function browserForm(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && url.charCodeAt(start) <= 0x20) start++;
  while (end > start && url.charCodeAt(end - 1) <= 0x20) end--;
  const trimmed = start === 0 && end === url.length ? url : url.slice(start, end);
  return /[\t\n\r]/.test(trimmed) ? trimmed.replace(/[\t\n\r]/g, '') : trimmed;
}

function allowed(url: string, use: UrlUse): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return !/^[/\\]{2}/.test(url);
  if (scheme === 'data') return use === 'image' && dataImage.test(url);
  return (use === 'image' ? imageSchemes : linkSchemes).has(scheme);
}

/** The URLs of a `srcset`, as HTML parses it: candidates split at commas outside `(...)` descriptors. */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  const space = /[\t\n\f\r ]/;
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (space.test(value[i] as string) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !space.test(value[i] as string)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < value.length && !(value[i] === ',' && depth === 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')' && depth > 0) depth--;
        i++;
      }
    }
    urls.push(url);
  }
  return urls;
}
