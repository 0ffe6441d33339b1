import { mkdirSync, writeFileSync } from 'node:fs';
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
 * The only way a build writes into its folder: files at paths relative to it, pages at site paths. With
 * a `ledger`, the links of every page and SVG are recorded as they are written, to be checked after.
 * Synchronous writes: measured in a build, they beat fs/promises (whose threads compete with the worker
 * threads for two cores) by about 20%.
 */
export function createWriter(work: string, urls: Urls, ledger?: LinkLedger) {
  const stats = noStats();
  const made = new Set<string>();
  const write = async (path: string, content: string, isPage = false) => {
    const target = join(work, path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, content);
    if (ledger && !isPage && path.endsWith('.svg')) ledger.scan(urls.asset(`/${path}`), content);
    const size = Buffer.byteLength(content);
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
