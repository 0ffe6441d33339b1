import { statSync } from 'node:fs';
import { posix } from 'node:path';
import { resolveCatalogPath, rootPolicy } from '@switchyard/loader';

/**
 * Where links lead: the one resolver behind both link checks, the one on what the build wrote (every
 * page's hrefs) and the one on what authors wrote (links in bodies and custom docs).
 */

/** Links no check follows: other schemes (`https:`, `mailto:`), protocol-relative, fragment or query only. */
export function isExternal(href: string): boolean {
  const h = href.trim();
  return (
    h === '' || h.startsWith('#') || h.startsWith('?') || h.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(h)
  );
}

/** A link's target on the site: a path below the base (decoded, without query or fragment), or outside it. */
export type SiteTarget = { path: string } | { outside: true };

/**
 * Resolves a link as a browser on `pageUrl` (a URL path, base included) would, and removes the base.
 * Undefined for external links.
 */
export function siteTarget(href: string, pageUrl: string, base: string): SiteTarget | undefined {
  if (isExternal(href)) return undefined;
  let pathname: string;
  try {
    pathname = new URL(href.trim(), `http://site${pageUrl}`).pathname;
  } catch {
    return { outside: true };
  }
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Kept as written: a malformed escape names no file, and the check says so.
  }
  const prefix = base.replace(/\/+$/, '');
  if (!prefix) return { path };
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return { outside: true };
  return { path: path.slice(prefix.length) || '/' };
}

/** One key per target: `/docs/x/` and `/docs/x` are the same page. */
export function targetKey(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/**
 * A link relative to a catalog file (`../OrderCreated/index.mdx`, `./openapi.yml#/paths`), resolved to
 * the catalog file it names: a path from the catalog root, and the query and fragment to keep. Outside
 * when it climbs above the root; undefined for external and site-absolute links.
 */
export function catalogTarget(
  href: string,
  fromFile: string,
): { file: string; suffix: string } | { outside: true } | undefined {
  const h = href.trim();
  if (isExternal(h) || h.startsWith('/')) return undefined;
  const cut = h.search(/[?#]/);
  let path = cut === -1 ? h : h.slice(0, cut);
  const suffix = cut === -1 ? '' : h.slice(cut);
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept as written.
  }
  // The text step of the path policy; the file itself is checked when it is copied (body-links.ts).
  const where = resolveCatalogPath(path, posix.dirname(fromFile));
  if ('refused' in where) return { outside: true };
  return { file: where.path, suffix };
}

/**
 * Whether the output folder holds a page or file at a site path, as a static host resolves it: the file,
 * the folder's `index.html`, or the path with `.html`. Cached, so each target is looked up once.
 */
export function outputIndex(outDir: string): (path: string) => boolean {
  const known = new Map<string, boolean>();
  const policy = rootPolicy(outDir);
  const isFile = (p: string) => {
    const found = policy.resolve(p);
    if ('refused' in found) return false;
    try {
      return statSync(found.real).isFile();
    } catch {
      return false;
    }
  };
  return (path) => {
    const key = targetKey(path);
    let found = known.get(key);
    if (found === undefined) {
      const rel = key.replace(/^\/+/, '');
      found = isFile(rel) || isFile(rel === '' ? 'index.html' : `${rel}/index.html`) || isFile(`${rel}.html`);
      known.set(key, found);
    }
    return found;
  };
}
