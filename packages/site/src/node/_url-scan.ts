import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSafeStyle, unsafeAttributes } from '../shared/url-policy.js';

/**
 * For tests: every URL a built site hands the browser, and those it should not. HTML and SVG files
 * (attributes of every element, `<style>` blocks), the JSON files the browser scripts turn into links
 * (`href`/`url`/`src`/`docs` fields, search result rows, schema-diff HTML) and `click` lines of the Mermaid
 * files. The JSON API's resource files (`api/{kind}/...`) hold frontmatter as written, as data, and are
 * not read by the site's scripts.
 */
export interface UrlInSite {
  file: string;
  element: string;
  attribute: string;
  value: string;
  /** The element's attributes a check depends on (`rel`, `http-equiv`, `attributeName`). */
  with?: Record<string, string>;
}

export function urlsInSite(dir: string): UrlInSite[] {
  const found: UrlInSite[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (file.split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
    const path = join(dir, file);
    if (/\.(html|svg)$/.test(file)) found.push(...inMarkup(file, readFileSync(path, 'utf8')));
    else if (/\.mermaid$/.test(file)) {
      for (const m of readFileSync(path, 'utf8').matchAll(/^\s*click \S+ href "([^"]*)"/gm))
        found.push({
          file,
          element: 'a',
          attribute: 'href',
          value: (m[1] as string).replace(/#quot;/g, '"'),
        });
    } else if (/^api[\\/](nav|search|discover|schemas)\b.*\.json$|\.clusters\.json$/.test(file)) {
      found.push(...inJson(file, JSON.parse(readFileSync(path, 'utf8'))));
    }
  }
  return found;
}

/**
 * The URLs the URL policy refuses, and (a check that does not use the policy) those that spell a script,
 * a document or another machine once character references, controls and spaces are taken out.
 */
export function unsafeUrlsInSite(dir: string): UrlInSite[] {
  return urlsInSite(dir).filter(
    (u) =>
      (u.element === 'style'
        ? !isSafeStyle(u.value)
        : unsafeAttributes(u.element, { ...u.with, [u.attribute]: u.value }).length > 0) ||
      urlsOf(u).some(spellsDanger),
  );
}

const urlAttribute =
  /^(?:href|xlink:href|src|srcset|imagesrcset|action|formaction|poster|data|cite|background|ping|style|fill|stroke|filter|clip-path|mask|marker-start|marker-mid|marker-end|cursor)$/i;

function inMarkup(file: string, text: string): UrlInSite[] {
  const found: UrlInSite[] = [];
  const markup = text.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (tag) => tag.replace(/>[\s\S]*</, '><'));
  for (const m of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    found.push({ file, element: 'style', attribute: 'style', value: m[1] as string });
  for (const tag of markup.matchAll(/<([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const element = (tag[1] as string).toLowerCase();
    const attributes = new Map<string, string>();
    for (const a of (tag[2] as string).matchAll(
      /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
    )) {
      attributes.set((a[1] as string).toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    const context: Record<string, string> = {};
    for (const name of ['rel', 'http-equiv', 'attributename']) {
      const value = attributes.get(name);
      if (value !== undefined) context[name] = value;
    }
    const refresh = element === 'meta' && /refresh/i.test(attributes.get('http-equiv') ?? '');
    const animatesHref = /href/i.test(attributes.get('attributename') ?? '');
    for (const [attribute, value] of attributes) {
      if (
        urlAttribute.test(attribute) ||
        (refresh && attribute === 'content') ||
        (animatesHref && ['to', 'from', 'values'].includes(attribute))
      )
        found.push({ file, element, attribute, value, with: context });
    }
  }
  return found;
}

function inJson(file: string, data: unknown): UrlInSite[] {
  const found: UrlInSite[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/^(url|href|src|docs)$/.test(key)) found.push({ file, element: 'a', attribute: 'href', value });
      else if (key === 'pairs') found.push(...inMarkup(file, value));
      return;
    }
    if (Array.isArray(value)) {
      // Search rows: `[url, name, kind, version, summary]`.
      if (key === 'rows') for (const row of value) if (Array.isArray(row)) walk(row[0], 'url');
      for (const item of value) walk(item, key === 'rows' ? '' : key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, key === 'pairs' ? 'pairs' : k);
    }
  };
  walk(data, '');
  return found;
}

/** The URLs inside a value: itself, srcset candidates, `url(...)` in CSS, a refresh's target. */
function urlsOf(u: UrlInSite): string[] {
  const value = plain(u.value, false);
  if (/srcset$/i.test(u.attribute)) return value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
  if (u.attribute === 'ping') return value.split(/\s+/);
  if (u.attribute === 'values') return value.split(';');
  if (u.attribute === 'content') return [value.replace(/^[\s\d.;,]*(url\s*=\s*)?['"]?/i, '')];
  if (/^(style|fill|stroke|filter|clip-path|mask|marker-\w+|cursor)$/.test(u.attribute))
    return [...value.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1] as string);
  return [value];
}

/** References decoded (to any depth); with `squeeze`, every control character and space removed. */
function plain(value: string, squeeze: boolean): string {
  let out = value;
  for (let i = 0; i < 8; i++) {
    const next = out
      .replace(
        /&(amp|colon|tab|newline|sol|bsol|lpar|rpar|quot|apos);?/gi,
        (_, n: string) => named[n.toLowerCase()] ?? '',
      )
      .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) =>
        String.fromCodePoint(Math.min(Number.parseInt(h, 16), 0x10ffff)),
      )
      .replace(/&#([0-9]+);?/g, (_, d: string) =>
        String.fromCodePoint(Math.min(Number.parseInt(d, 10), 0x10ffff)),
      );
    if (next === out) break;
    out = next;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is taken out
  return squeeze ? out.replace(/[\u0000-\u0020]/g, '').toLowerCase() : out;
}
const named: Record<string, string> = {
  amp: '&',
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  quot: '"',
  apos: "'",
};

function spellsDanger(url: string): boolean {
  const bare = plain(url, true);
  return /^(?:javascript|vbscript|livescript|file|blob):|^data:(?!image\/)|^[/\\]{2}/.test(bare);
}
