/**
 * "On this page": marks the `.sy-toc a` link of the section being read with `aria-current="true"`.
 * The section being read is the last heading above a line 30% down the viewport; a heading whose link
 * was just followed stays marked while the page scrolls to it, and at the end of the page (where the
 * last headings may never reach the line).
 */

const LINE = 0.3;
const PIN_MS = 1000;

interface Entry {
  link: HTMLAnchorElement;
  heading: HTMLElement;
}

export function initToc(): void {
  const entries: Entry[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.sy-toc a[href*="#"]')) {
    const heading = targetOf(link);
    if (heading) entries.push({ link, heading });
  }
  if (entries.length === 0) return;

  let current: HTMLAnchorElement | undefined;
  let pinned: { entry: Entry; until: number } | undefined;

  const mark = (link: HTMLAnchorElement | undefined) => {
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'true');
    current = link;
  };

  const update = () => {
    if (pinned) {
      const root = document.documentElement;
      const atEnd = window.innerHeight + window.scrollY >= root.scrollHeight - 2;
      const rect = pinned.entry.heading.getBoundingClientRect();
      const visible = rect.bottom > 0 && rect.top < window.innerHeight;
      if (performance.now() < pinned.until || (atEnd && visible)) {
        mark(pinned.entry.link);
        return;
      }
      pinned = undefined;
    }
    const line = window.innerHeight * LINE;
    let active = entries[0];
    for (const entry of entries) {
      if (entry.heading.getBoundingClientRect().top <= line + 1) active = entry;
      else break;
    }
    mark(active?.link);
  };

  const pin = (entry: Entry | undefined) => {
    if (!entry) return;
    pinned = { entry, until: performance.now() + PIN_MS };
    mark(entry.link);
    // Scrolling may have ended while pinned, with no heading crossing the line after it.
    setTimeout(update, PIN_MS + 50);
  };

  // Fires when a heading crosses into or out of the top band: the only moments the answer changes.
  const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${100 - LINE * 100}% 0px` });
  for (const entry of entries) observer.observe(entry.heading);

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('.sy-toc a');
    if (link) pin(entries.find((e) => e.link === link));
  });
  const fromHash = () => entries.find((e) => e.heading.id === decodeHash(location.hash));
  window.addEventListener('hashchange', () => pin(fromHash()));
  if (location.hash) pin(fromHash());
  update();
}

function targetOf(link: HTMLAnchorElement): HTMLElement | null {
  const url = new URL(link.href, location.href);
  if (url.pathname !== location.pathname || !url.hash) return null;
  return document.getElementById(decodeHash(url.hash));
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}
