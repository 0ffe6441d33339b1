/** A page that sends the browser on to `to` at once (a meta refresh, with a link for those that do not follow it). */
export function redirectPage(to: string, title: string): string {
  const safeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const safe = safeText(to);
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${safe}"><link rel="canonical" href="${safe}"><title>${safeText(title)}</title><a href="${safe}">${safeText(title)}</a>`;
}
