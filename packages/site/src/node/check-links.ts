import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { outputIndex, siteTarget, targetKey } from './link-target.js';

/** The first link seen to a target: the page it is on, and the href as written there. */
export interface LinkSeen {
  page: string;
  href: string;
}

const attribute = /\s(?:href|src|xlink:href)="([^"]*)"/g;
const entities: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&lt;': '<',
  '&gt;': '>',
  '&#39;': "'",
};
/**
 * A copy of a string that does not hold on to the string it was cut from. V8 represents `match[1]` of a
 * page as a slice of the whole page, so keeping the href kept the page: 88 MB of pages at bench size M.
 */
const detached = (s: string) => ` ${s}`.slice(1);

const decodeEntities = (value: string) =>
  value.includes('&') ? value.replace(/&(?:amp|quot|lt|gt|#39);/g, (e) => entities[e] ?? e) : value;

/**
 * Every internal target the pages of a build link to (`href`, `src`, `xlink:href`), once each, with the
 * first page linking it. Pages are scanned as they are written; the targets are checked after writing.
 */
export class LinkLedger {
  /** By target key (`targetKey`), or `outside:<href>` for links that leave the site's base. */
  readonly targets = new Map<string, LinkSeen>();
  links = 0;
  /** Absolute hrefs already resolved: most links of a page (rail, header) repeat on every page. */
  private readonly absolute = new Set<string>();

  constructor(private readonly base: string) {}

  /** Records the links of a page or SVG served at `url` (a URL path, base included). */
  scan(url: string, html: string): void {
    for (const m of html.matchAll(attribute)) {
      const href = decodeEntities(m[1] as string);
      const isAbsolute = href.startsWith('/') && !href.startsWith('//');
      if (isAbsolute && this.absolute.has(href)) {
        this.links++;
        continue;
      }
      const target = siteTarget(href, url, this.base);
      if (!target) continue;
      this.links++;
      if (isAbsolute) this.absolute.add(detached(href));
      const key = 'outside' in target ? `outside:${href}` : targetKey(target.path);
      if (!this.targets.has(key)) this.targets.set(detached(key), { page: url, href: detached(href) });
    }
  }

  /** Adds what another ledger (a section built on its own thread) recorded. */
  merge(entries: Iterable<[string, LinkSeen]>, links = 0): void {
    for (const [key, seen] of entries) if (!this.targets.has(key)) this.targets.set(key, seen);
    this.links += links;
  }

  /** The targets that lead to no page or file in `outDir`, each with the first link to it. */
  broken(outDir: string): [string, LinkSeen][] {
    const has = outputIndex(outDir);
    return [...this.targets].filter(([key]) => key.startsWith('outside:') || !has(key));
  }
}

export interface LinkReport {
  pages: number;
  links: number;
  /** Targets that lead nowhere, once each, with the first page linking each. */
  broken: { page: string; href: string }[];
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

/**
 * Checks every internal link of every page of a built site against the files written, the way a static
 * host and a browser resolve them: relative links against the page's URL (`trailingSlash` decides whether
 * it ends in `/`), absolute ones below `base`. External and fragment-only links are not checked.
 */
export function checkLinks(outDir: string, base = '/', trailingSlash = false): LinkReport {
  const ledger = new LinkLedger(base);
  const prefix = base.replace(/\/+$/, '');
  let pages = 0;
  for (const file of htmlFiles(outDir)) {
    pages++;
    const path = `/${relative(outDir, file).split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1');
    const url = `${prefix}${path.length > 1 && !trailingSlash ? path.replace(/\/$/, '') : path}`;
    ledger.scan(url, readFileSync(file, 'utf8'));
  }
  return {
    pages,
    links: ledger.links,
    broken: ledger.broken(outDir).map(([, seen]) => seen),
  };
}
