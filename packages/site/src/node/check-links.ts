import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { threadId } from 'node:worker_threads';
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

/** What a thread's ledger hands to the build's: the targets it still holds, and the files it set aside. */
export interface LedgerPart {
  entries: [string, LinkSeen][];
  files: string[];
  links: number;
}

export interface LedgerOptions {
  /** The folder the pages are written into: targets already there need no second look. */
  work?: string;
  /** Set aside targets not yet written in a file in `work` instead of memory (a full build's ledger). */
  spill?: boolean;
  /** How many targets are held before they are looked up in `work` (default 4,096: 14 MB at 16,384 on bench L). */
  limit?: number;
}

/** Where a ledger sets aside the targets it could not find yet: inside the build's work folder. */
const spillFolder = '.switchyard-links';

/**
 * Every internal target the pages of a build link to (`href`, `src`, `xlink:href`), with the first page
 * linking it. Pages are scanned as they are written; the targets are checked after writing. Memory stays
 * flat however many pages are written: once `limit` targets are held, those already written to `work`
 * are dropped (a page is never removed during a build) and the rest are set aside, in a file when
 * `spill` is set, to be looked up again at the end.
 */
export class LinkLedger {
  links = 0;
  /** Targets seen since the last look-up, by target key (`targetKey`), or `outside:<href>`. */
  private held = new Map<string, LinkSeen>();
  /** Targets not found at a look-up and kept in memory (no spill file). */
  private readonly unresolved = new Map<string, LinkSeen>();
  /** Files of targets set aside (this ledger's and those merged from threads), oldest first. */
  private readonly files: string[] = [];
  private own: { path: string; fd: number } | undefined;
  /** Absolute hrefs already resolved: most links of a page (rail, header) repeat on every page. */
  private absolute = new Set<string>();
  private readonly limit: number;

  constructor(
    private readonly base: string,
    private readonly options: LedgerOptions = {},
  ) {
    this.limit = options.limit ?? 4_096;
  }

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
      if (!this.held.has(key)) this.held.set(detached(key), { page: url, href: detached(href) });
    }
    if (this.held.size >= this.limit && this.options.work !== undefined) this.settle();
  }

  /** Looks up the held targets in `work`; those not there yet are set aside, and memory is freed. */
  private settle(): void {
    const work = this.options.work;
    if (work === undefined) return;
    const has = outputIndex(work);
    const later: string[] = [];
    for (const [key, seen] of this.held) {
      if (!key.startsWith('outside:') && has(key)) continue;
      if (this.options.spill) later.push(`${JSON.stringify([key, seen.page, seen.href])}\n`);
      else if (!this.unresolved.has(key)) this.unresolved.set(key, seen);
    }
    if (later.length > 0) writeSync(this.spillFile().fd, later.join(''));
    this.held = new Map();
    this.absolute = new Set();
  }

  private spillFile(): { path: string; fd: number } {
    if (!this.own) {
      const dir = join(this.options.work as string, spillFolder);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${process.pid}-${threadId}.jsonl`);
      this.own = { path, fd: openSync(path, 'w') };
      this.files.push(path);
    }
    return this.own;
  }

  /** What this ledger holds, for the build's ledger on the main thread (`merge`); it holds nothing after. */
  handOver(): LedgerPart {
    this.settle();
    const part: LedgerPart = {
      entries: [...this.unresolved, ...this.held],
      files: [...this.files],
      links: this.links,
    };
    this.closeOwn();
    this.held = new Map();
    this.unresolved.clear();
    this.files.length = 0;
    return part;
  }

  /** Adds what another ledger (a section or share of pages built on its own thread) recorded. */
  merge(part: LedgerPart): void {
    for (const [key, seen] of part.entries) if (!this.unresolved.has(key)) this.unresolved.set(key, seen);
    this.files.push(...part.files);
    this.links += part.links;
  }

  private closeOwn(): void {
    if (this.own) closeSync(this.own.fd);
    this.own = undefined;
  }

  /**
   * The targets that lead to no page or file in `outDir`, each with the first link to it, in the order
   * they were first seen. Removes the files set aside.
   */
  broken(outDir: string): [string, LinkSeen][] {
    this.closeOwn();
    const has = outputIndex(outDir);
    const found = new Map<string, LinkSeen>();
    const consider = (key: string, seen: LinkSeen) => {
      if (!found.has(key) && (key.startsWith('outside:') || !has(key))) found.set(key, seen);
    };
    for (const file of this.files) {
      for (const line of readLines(file)) {
        const [key, page, href] = JSON.parse(line) as [string, string, string];
        consider(key, { page, href });
      }
    }
    for (const [key, seen] of this.unresolved) consider(key, seen);
    for (const [key, seen] of this.held) consider(key, seen);
    if (this.files.length > 0 && this.options.work !== undefined)
      rmSync(join(this.options.work, spillFolder), { recursive: true, force: true });
    this.files.length = 0;
    return [...found];
  }
}

/** The lines of a file, read a megabyte at a time. */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 20);
  // A character cut at a chunk's end is completed by the next chunk.
  const text = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const lines = (rest + text.write(chunk.subarray(0, n))).split('\n');
      rest = lines.pop() as string;
      yield* lines.filter((l) => l !== '');
    }
  } finally {
    closeSync(fd);
  }
  if (rest !== '') yield rest;
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
  const ledger = new LinkLedger(base, { work: outDir });
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
