/**
 * The sidebar: fills `<nav data-sy-sidebar data-current="{href}">` from `{base}api/nav.json`, kept in
 * sessionStorage per build (`sy-build`) so moving between pages does not fetch it again. Items with
 * children are `<details>`; the branch holding the current page is open, its link has
 * `aria-current="page"` and is scrolled into view within the sidebar.
 */
import type { Nav as NavData, NavItem } from '../shared/contracts.js';
import { assetUrl, buildVersion, fetchText, pageKey, siteBase } from './base.js';
import { h, storageGet, storageSet } from './dom.js';

const CACHE_PREFIX = 'sy-nav:';
/** Above this many items, closed branches are filled when first opened rather than up front. */
const LAZY_ABOVE = 1500;

export async function initSidebar(): Promise<void> {
  const nav = document.querySelector<HTMLElement>('[data-sy-sidebar]');
  if (!nav) return;
  if (!nav.hasAttribute('aria-label') && !nav.hasAttribute('aria-labelledby'))
    nav.setAttribute('aria-label', 'Catalog');
  nav.setAttribute('aria-busy', 'true');
  try {
    const data = await loadNav();
    renderNav(nav, data, nav.dataset.current || location.pathname);
  } catch {
    nav.replaceChildren(h('p', { class: 'sy-nav-error' }, 'The navigation could not be loaded.'));
  } finally {
    nav.removeAttribute('aria-busy');
  }
}

async function loadNav(): Promise<NavData> {
  const url = assetUrl('api/nav.json');
  const build = buildVersion();
  const key = build === undefined ? undefined : `${CACHE_PREFIX}${build}:${url}`;
  if (key) {
    const cached = storageGet('session', key);
    if (cached) {
      try {
        return JSON.parse(cached) as NavData;
      } catch {
        // A damaged entry: fetch again.
      }
    }
  }
  const text = await fetchText(url);
  const data = JSON.parse(text) as NavData;
  if (key) {
    dropOldEntries(key);
    storageSet('session', key, text);
  }
  return data;
}

/** Removes the navigation cached for earlier builds, so a long session does not fill the storage. */
function dropOldEntries(keep: string): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(CACHE_PREFIX) && key !== keep) sessionStorage.removeItem(key);
    }
  } catch {
    // Storage disabled.
  }
}

interface Placement {
  /** The item whose page this is. */
  current?: NavItem;
  /** Failing that, the deepest item whose page contains this one (`/docs/events/x` for `/docs/events/x/1.0.0`). */
  near?: NavItem;
  /** The items to render open: the ancestors of `current` or `near`, and `current` itself. */
  open: Set<NavItem>;
  lazy: boolean;
}

export function renderNav(nav: HTMLElement, data: NavData, currentHref: string): void {
  const placement = place(data, pageKey(currentHref));
  const fragment = document.createDocumentFragment();
  data.groups.forEach((group, index) => {
    const titleId = `sy-nav-group-${index}`;
    fragment.append(
      h(
        'div',
        { class: 'sy-nav-group' },
        group.title && h('p', { class: 'sy-nav-group-title', id: titleId }, group.title),
        fill(
          h('ul', { class: 'sy-nav-list', 'aria-labelledby': group.title ? titleId : undefined }),
          group.items,
          placement,
        ),
      ),
    );
  });
  nav.replaceChildren(fragment);
  nav.dataset.syReady = 'true';
  const link = nav.querySelector<HTMLElement>('[aria-current="page"], .sy-nav-link--near');
  if (link) requestAnimationFrame(() => revealInSidebar(nav, link));
}

function place(data: NavData, key: string): Placement {
  const placement: Placement = { open: new Set(), lazy: false };
  let count = 0;
  let nearLength = 0;
  let nearPath: NavItem[] = [];
  const home = pageKey(siteBase());
  const walk = (items: NavItem[], path: NavItem[]): void => {
    for (const item of items) {
      count++;
      const itemKey = pageKey(item.href);
      const trail = [...path, item];
      if (!placement.current && itemKey === key) {
        placement.current = item;
        for (const open of trail) placement.open.add(open);
      } else if (itemKey !== home && key.startsWith(`${itemKey}/`) && itemKey.length > nearLength) {
        nearLength = itemKey.length;
        placement.near = item;
        nearPath = trail;
      }
      if (item.children?.length) walk(item.children, trail);
    }
  };
  for (const group of data.groups) walk(group.items, []);
  if (placement.current) delete placement.near;
  else for (const open of nearPath) placement.open.add(open);
  placement.lazy = count > LAZY_ABOVE;
  return placement;
}

function fill(list: HTMLUListElement, items: NavItem[], placement: Placement): HTMLUListElement {
  for (const item of items) list.append(renderItem(item, placement));
  return list;
}

function renderItem(item: NavItem, placement: Placement): HTMLLIElement {
  const link = h(
    'a',
    {
      class: item === placement.near ? 'sy-nav-link sy-nav-link--near' : 'sy-nav-link',
      href: item.href,
      'aria-current': item === placement.current ? 'page' : undefined,
    },
    h('span', { class: 'sy-nav-label' }, item.label),
    item.badge && ' ',
    item.badge && h('span', { class: 'sy-badge sy-nav-badge' }, item.badge),
  );
  const li = h('li', { class: 'sy-nav-item', 'data-kind': item.kind });
  const children = item.children ?? [];
  if (children.length === 0) {
    li.append(link);
    return li;
  }
  const open = placement.open.has(item);
  const list = h('ul', { class: 'sy-nav-list' });
  const summary = h('summary', { class: 'sy-nav-summary' }, link);
  const details = h('details', { class: 'sy-nav-branch', open }, summary, list);
  if (open || !placement.lazy) fill(list, children, placement);
  else {
    const fillOnce = () => {
      if (!list.hasChildNodes()) fill(list, children, placement);
    };
    // Before the branch opens (click or key on the summary), or after (find in page opens it too).
    summary.addEventListener('click', fillOnce);
    details.addEventListener('toggle', () => details.open && fillOnce());
  }
  li.append(details);
  return li;
}

/** Scrolls the sidebar (not the page) so the link sits a third of the way down, if it is out of view. */
function revealInSidebar(nav: HTMLElement, link: HTMLElement): void {
  let box: HTMLElement | null = nav;
  while (box && box !== document.body && box !== document.documentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight + 1) break;
    box = box.parentElement;
  }
  if (!box || box === document.body || box === document.documentElement) return;
  const boxRect = box.getBoundingClientRect();
  const linkRect = link.getBoundingClientRect();
  if (linkRect.top >= boxRect.top && linkRect.bottom <= boxRect.bottom) return;
  box.scrollTop += linkRect.top - boxRect.top - box.clientHeight / 3;
}
