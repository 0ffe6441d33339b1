import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { serveStatic } from '@hono/node-server/serve-static';
import { type RootPolicy, rootPolicy } from '@switchyard/loader';
import type { Context } from 'hono';

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
  types[/\.[^./\\]*$/.exec(file)?.[0]?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** What a request target means for the file system: the site path's segments, or why it is a bad request. */
export type SitePath = { segments: string[] } | { bad: string };

/**
 * The one traversal rule of every server (`preview`, `dev`, `serve`), on the request target as the client
 * sent it. A bad request (400) is: a target that is not a path, a backslash, bad percent-encoding, and any
 * segment that after one decoding is `.` or `..`, holds `/`, `\` or NUL, or still holds a percent escape
 * (double encoding such as `%252e`). What is left is looked up through the path policy (`findSiteFile`).
 */
export function parseSitePath(target: string): SitePath {
  if (!target.startsWith('/')) return { bad: 'The request target is not a path.' };
  const path = target.split(/[?#]/)[0] ?? '/';
  if (path.includes('\\')) return { bad: 'The path holds a backslash.' };
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { bad: 'The path is not valid percent-encoding.' };
    }
    if (segment === '.' || segment === '..' || /[\\/\0]/.test(segment) || /%[0-9a-f]{2}/i.test(segment))
      return { bad: 'The path tries to leave the site.' };
    segments.push(segment);
  }
  return { segments };
}

/**
 * The file a site path names, as a static host serves it (`x`, `x/index.html`, `x.html`), through the path
 * policy of the site folder: its real path, or undefined when there is none really inside.
 */
export function findSiteFile(policy: RootPolicy, segments: readonly string[]): string | undefined {
  const path = segments.join('/');
  const candidates = path === '' ? ['index.html'] : [path, `${path}/index.html`, `${path}.html`];
  for (const candidate of candidates) {
    const found = policy.resolve(candidate);
    if (!('real' in found)) continue;
    if (isFile(found.real)) return found.real;
  }
  return undefined;
}

export interface SiteFilesOptions {
  /** The built site's folder, if there is one; asked on every request. */
  root: () => string | undefined;
  /** The site's `base` (`/catalog/`): files are served under it. */
  base: () => string;
  /** Changes HTML on its way out (the dev server's reload script). */
  transformHtml?: (html: string) => string;
  /**
   * Called with a good path's segments (below the base) before its file is looked up: the dev server renders
   * the page there on demand.
   */
  beforeLookup?: (segments: readonly string[]) => Promise<void>;
}

/** What the site answers a request with: a file, a bad request (400), or nothing (the caller's 404). */
export type SiteAnswer = Response | undefined;

/**
 * The one static file server of `preview`, `dev` and `serve`: the traversal rule (`parseSitePath`), the
 * base, the path policy (`findSiteFile`), then Hono's `serveStatic` sends the file (HEAD, ranges,
 * Last-Modified), with our content types. `notFound` answers with the site's own `404.html` when it has one.
 */
export function createSiteFiles(options: SiteFilesOptions) {
  let policy: RootPolicy | undefined;
  const policyFor = (root: string) => {
    if (policy?.root !== root) policy = rootPolicy(root);
    return policy;
  };

  async function answer(c: Context): Promise<SiteAnswer> {
    const parsed = parseSitePath(requestTarget(c));
    if ('bad' in parsed) return c.text(`Bad request: ${parsed.bad}\n`, 400);
    const root = options.root();
    const base = options.base().split('/').filter(Boolean);
    if (!root || base.some((s, i) => parsed.segments[i] !== s)) return undefined;
    const segments = parsed.segments.slice(base.length);
    await options.beforeLookup?.(segments);
    const file = findSiteFile(policyFor(root), segments);
    if (!file) return undefined;
    const type = contentTypeOf(file);
    if (options.transformHtml && type.startsWith('text/html')) {
      const html = await readFile(file, 'utf8').catch(() => undefined);
      if (html === undefined) return undefined;
      return c.body(options.transformHtml(html), 200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
      });
    }
    const sent = await serveStatic({ path: file })(c, async () => {});
    if (!(sent instanceof Response)) return undefined;
    sent.headers.set('Content-Type', type);
    sent.headers.set('Cache-Control', 'no-cache');
    return sent;
  }

  /** The site's `404.html` (through the same policy), else a plain page; status 404. */
  function notFound(c: Context): Response {
    const root = options.root();
    const page = root ? findSiteFile(policyFor(root), ['404.html']) : undefined;
    return c.html(page ? readPage(page) : notFoundPage, 404);
  }

  return { answer, notFound };
}

const notFoundPage =
  '<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>';

function readPage(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return notFoundPage;
  }
}

/**
 * The request target as the client sent it: Node's raw `req.url` when served by @hono/node-server (its
 * URL parsing has already removed `..` segments, which the rule answers with 400), else the URL's path.
 */
function requestTarget(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (typeof incoming?.url === 'string') return incoming.url;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
