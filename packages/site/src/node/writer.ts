import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Urls } from '../urls.js';
import type { LinkLedger } from './check-links.js';

/** What a build wrote: counted as it goes, and added up across threads. */
export interface WriteStats {
  files: number;
  bytes: number;
  pages: number;
  largestPage: { path: string; bytes: number };
}

/** Nothing written yet. */
export const noStats = (): WriteStats => ({
  files: 0,
  bytes: 0,
  pages: 0,
  largestPage: { path: '', bytes: 0 },
});

/** Adds `more` into `into` (a worker thread's writes into the build's). */
export function addStats(into: WriteStats, more: WriteStats): void {
  into.files += more.files;
  into.bytes += more.bytes;
  into.pages += more.pages;
  if (more.largestPage.bytes > into.largestPage.bytes) into.largestPage = more.largestPage;
}

/**
 * A file's content: a string, or its parts in order for a file too big to hold as one string (a catalog-wide
 * JSON list or text file of a large catalog), written as they are made.
 */
export type FileContent = string | Iterable<string>;

/** A JSON array, item by item: the same text as `JSON.stringify([...items])`, never held as one string. */
export function* jsonList(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}${JSON.stringify(item) ?? 'null'}`;
    first = false;
  }
  yield first ? '[]' : ']';
}

/** A JSON object, entry by entry: the same text as `JSON.stringify(Object.fromEntries(entries))` for distinct keys. */
export function* jsonObject(entries: Iterable<readonly [string, unknown]>): Generator<string> {
  let first = true;
  for (const [key, value] of entries) {
    yield `${first ? '{' : ','}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
    first = false;
  }
  yield first ? '{}' : '}';
}

/** Writes `parts` to `target` one after another, a megabyte or so at a time; returns the bytes written. */
export function writeParts(target: string, parts: Iterable<string>): number {
  const fd = openSync(target, 'w');
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const data = Buffer.from(pending.join(''));
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at);
    bytes += data.length;
    pending = [];
    pendingLength = 0;
  };
  try {
    for (const part of parts) {
      pending.push(part);
      pendingLength += part.length;
      if (pendingLength >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * The only way a build writes into its folder: files at paths relative to it, pages at site paths. With
 * a `ledger`, the links of every page and SVG are recorded as they are written, to be checked after.
 * Synchronous writes: measured in a build, they beat fs/promises (whose threads compete with the worker
 * threads for two cores) by about 20%.
 */
export function createWriter(work: string, urls: Urls, ledger?: LinkLedger) {
  const stats = noStats();
  const made = new Set<string>();
  const write = async (path: string, content: FileContent, isPage = false) => {
    const target = join(work, path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      // Folders made recently: remembering every one would grow with the pages.
      if (made.size >= 4096) made.clear();
      made.add(dir);
    }
    let size = 0;
    if (typeof content === 'string') {
      writeFileSync(target, content);
      if (ledger && !isPage && path.endsWith('.svg')) ledger.scan(urls.asset(`/${path}`), content);
      size = Buffer.byteLength(content);
    } else size = writeParts(target, content);
    stats.files++;
    stats.bytes += size;
    if (isPage) {
      stats.pages++;
      if (size > stats.largestPage.bytes) stats.largestPage = { path, bytes: size };
    }
  };
  const writePage = async (path: string, html: string) => {
    await write(urls.fileFor(path), html, true);
    // Relative links resolve against the URL the site links the page by.
    ledger?.scan(urls.page(path), html);
  };
  return { write, writePage, stats };
}
