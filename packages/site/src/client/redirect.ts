/**
 * Loaded (as a module, so once the page is parsed) by the site's redirect pages only: moves on to the page's canonical
 * URL keeping the visitor's query and fragment (`?embed=1`, `#fields`), which a meta refresh would drop.
 * The meta refresh stays, in `<noscript>`, for browsers without scripts.
 */
const target = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
if (target) location.replace(target + location.search + location.hash);
