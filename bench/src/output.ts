/** What a built site weighs, read from its output folder: pages, their sizes, the search files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.js';

export interface FileSize {
  bytes: number;
  gzipBytes: number;
}

export interface OutputFigures {
  /** Every file in the folder, assets and caches included. */
  files: number;
  bytes: number;
  /** HTML files. */
  pages: number;
  largestPage: { path: string; bytes: number };
  /** Median size of the resources' pages (`docs/**` but the `/docs` redirect). */
  medianResourcePageBytes: number;
  resourcePages: number;
  /** `api/search/quick.json` and `api/search/full.json`, null when the site has no such file. */
  searchQuick: FileSize | null;
  searchFull: FileSize | null;
  /** The diagram layout cache a build leaves in the folder (`.switchyard-diagrams.json`). */
  layoutCacheBytes: number | null;
}

function sizeOf(path: string): FileSize | null {
  try {
    const data = readFileSync(path);
    return { bytes: data.length, gzipBytes: gzipSync(data).length };
  } catch {
    return null;
  }
}

export function measureOutput(dir: string): OutputFigures {
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  let files = 0;
  let bytes = 0;
  let largestPage = { path: '', bytes: 0 };
  const resourcePages: number[] = [];
  let pages = 0;
  for (const entry of entries) {
    const st = statSync(join(dir, entry));
    if (!st.isFile()) continue;
    files++;
    bytes += st.size;
    if (!entry.endsWith('.html')) continue;
    pages++;
    const path = entry.split('\\').join('/');
    if (st.size > largestPage.bytes) largestPage = { path, bytes: st.size };
    if (path.startsWith('docs/') && path !== 'docs/index.html') resourcePages.push(st.size);
  }
  let layoutCacheBytes: number | null = null;
  try {
    layoutCacheBytes = statSync(join(dir, '.switchyard-diagrams.json')).size;
  } catch {}
  return {
    files,
    bytes,
    pages,
    largestPage,
    medianResourcePageBytes: resourcePages.length > 0 ? median(resourcePages) : 0,
    resourcePages: resourcePages.length,
    searchQuick: sizeOf(join(dir, 'api/search/quick.json')),
    searchFull: sizeOf(join(dir, 'api/search/full.json')),
    layoutCacheBytes,
  };
}
