import { safeUrl } from '../shared/url-policy.js';

/** Where the redirect script is served, below the base. */
export const redirectScriptPath = '/_sy/client/redirect.js';

/**
 * A page that sends the browser on to `to` at once. With `script` (the URL of `client/redirect.js`), the
 * script moves on keeping the visitor's query and fragment, and the meta refresh is the fallback for
 * browsers without scripts; without it, a meta refresh. Both carry a link for those that follow neither.
 * A target the URL policy refuses gets none of these: the page shows its title only.
 */
export function redirectPage(to: string, title: string, script?: string): string {
  const safeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const target = safeUrl(to);
  const head = `<!doctype html><meta charset="utf-8"><title>${safeText(title)}</title>`;
  if (target === undefined) return `${head}<p>${safeText(title)}</p>`;
  const safe = safeText(target);
  const refresh = `<meta http-equiv="refresh" content="0; url=${safe}">`;
  const scriptUrl = script === undefined ? undefined : safeUrl(script);
  const move =
    scriptUrl === undefined
      ? refresh
      : `<script type="module" src="${safeText(scriptUrl)}"></script><noscript>${refresh}</noscript>`;
  return `<!doctype html><meta charset="utf-8"><link rel="canonical" href="${safe}">${move}<title>${safeText(title)}</title><a href="${safe}">${safeText(title)}</a>`;
}
