import { safeUrl } from '../shared/url-policy.js';

/**
 * A page that sends the browser on to `to` at once (a meta refresh, with a link for those that do not
 * follow it). A target the URL policy refuses gets neither: the page shows its title only.
 */
export function redirectPage(to: string, title: string): string {
  const safeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const target = safeUrl(to);
  const head = `<!doctype html><meta charset="utf-8"><title>${safeText(title)}</title>`;
  if (target === undefined) return `${head}<p>${safeText(title)}</p>`;
  const safe = safeText(target);
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${safe}"><link rel="canonical" href="${safe}"><title>${safeText(title)}</title><a href="${safe}">${safeText(title)}</a>`;
}
