import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

export const contentTypeOf = (file: string) =>
  types[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** What a request path means for the file system: a list of safe segments, or why not. */
export type SitePath = { segments: string[] } | { malformed: true } | { refused: true };

/**
 * Reads a raw (still percent-encoded) URL path. Bad percent-encoding is malformed (400). Anything that
 * could step outside the site is refused (answered 404, never looked up): `..` or `.` segments, backslashes,
 * NUL, and percent signs left after one decoding (double encoding such as `%252e%252e`).
 */
export function parseSitePath(rawPath: string): SitePath {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { malformed: true };
    }
    if (segment === '.' || segment === '..' || /[\\\0/]/.test(segment) || /%[0-9a-f]{2}/i.test(segment))
      return { refused: true };
    segments.push(segment);
  }
  return { segments };
}

/**
 * The file a site path names inside `root`, as a static host serves it (`x`, `x/index.html`, `x.html`),
 * checked again after resolving symbolic links. Undefined when there is none inside the root.
 */
export function findSiteFile(root: string, segments: readonly string[]): string | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const target = join(realRoot, ...segments);
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    try {
      const real = realpathSync(candidate);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) continue;
      if (statSync(real).isFile()) return real;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

export function readSiteFile(file: string): Uint8Array {
  return readFileSync(file);
}
