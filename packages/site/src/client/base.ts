/**
 * The page's settings, read from the `<meta>` tags the server renders, and the URLs built from them.
 * Every other script gets the site base from here, never from `location`.
 */

function meta(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? undefined;
}

/** The site base, always ending in `/` (`/`, `/catalog/`). */
export function siteBase(): string {
  const value = meta('sy-base') || '/';
  return value.endsWith('/') ? value : `${value}/`;
}

/** Whether page URLs end in `/` (`sy-trailing-slash`). */
export function trailingSlash(): boolean {
  return meta('sy-trailing-slash') === 'true';
}

/** The build's version string (`sy-build`), or undefined in a page that has none (nothing is cached then). */
export function buildVersion(): string | undefined {
  return meta('sy-build') || undefined;
}

/** A file of the output (`api/nav.json`, `_sy/vendor/minisearch.js`): base prefixed, as is. */
export function assetUrl(path: string): string {
  return siteBase() + path.replace(/^\/+/, '');
}

/** A page of the site (`docs/services/orders`): base prefixed, trailing slash per the site's setting. */
export function pageUrl(path: string): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  if (clean === '') return siteBase();
  return siteBase() + clean + (trailingSlash() ? '/' : '');
}

/**
 * A page URL reduced to a comparable key: its path, decoded, without `index.html` or a trailing slash,
 * so `/docs/x`, `/docs/x/` and `/docs/x/index.html` are the same page.
 */
export function pageKey(href: string): string {
  let path: string;
  try {
    path = new URL(href, location.href).pathname;
  } catch {
    path = href;
  }
  try {
    path = decodeURI(path);
  } catch {
    // Keep the path as written when it is not valid percent-encoding.
  }
  path = path.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** Fetches a JSON file of the output; rejects on a network error or a status other than 2xx. */
export async function fetchJson<T>(path: string): Promise<T> {
  return JSON.parse(await fetchText(assetUrl(path))) as T;
}

/** Fetches a URL as text; rejects on a network error or a status other than 2xx. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}
