/**
 * The embed form of every page: `?embed=1` shows the page alone (no header, rail, sidebar or aside) for an
 * iframe in Backstage or another portal. It sets `sy-embed` on `<html>` (site.css hides the chrome), keeps
 * `?embed=1` on links to other pages of the site, and tells the parent frame the page's height.
 */
export function isEmbedded(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

export function initEmbed(): void {
  if (!isEmbedded(window.location.search)) return;
  const root = document.documentElement;
  root.classList.add('sy-embed');
  const origin = window.location.origin;
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== origin || link.target) return;
    const url = new URL(link.href);
    if (url.hash && url.pathname === window.location.pathname) return;
    url.searchParams.set('embed', '1');
    link.href = url.href;
  });
  if (window.parent === window) return;
  const report = () =>
    window.parent.postMessage({ type: 'switchyard:height', height: root.scrollHeight }, '*');
  new ResizeObserver(report).observe(document.body);
  report();
}
