/** Small DOM helpers shared by the scripts: element creation, a live region, platform checks. */

import { unsafeAttributes } from '../shared/url-policy.js';

type Attr = string | number | boolean | null | undefined;
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element. `class` sets the class list; `true` sets an empty attribute; `false`, null and
 * undefined leave it out, and so does the URL policy an attribute whose URL it refuses (links built from
 * JSON become inert text). Children that are strings become text (never parsed as HTML).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const refused = unsafeAttributes(tag, attrs);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined || refused.includes(name)) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

let liveRegion: HTMLElement | undefined;

/** Reads a short message to screen readers (a polite live region, visually hidden). */
export function announce(message: string): void {
  if (!liveRegion) {
    liveRegion = h('div', { class: 'sy-visually-hidden', role: 'status', 'aria-live': 'polite' });
    // Inline, so it stays hidden even if the stylesheet has no `.sy-visually-hidden`.
    liveRegion.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
    document.body.appendChild(liveRegion);
  }
  const region = liveRegion;
  region.textContent = '';
  // A separate task, so the same message twice in a row is still read.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** Whether a keyboard event's target is a place where the user types (so single-key shortcuts stay off). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

export function isMac(): boolean {
  return /Mac|iPhone|iPad|iPod/.test(navigator.userAgent);
}

/** Runs `fn` when the browser is idle (or after a delay where there is no `requestIdleCallback`). */
export function whenIdle(fn: () => void, timeout = 3000): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 1500);
}

/** Reads sessionStorage / localStorage without throwing (private mode, storage disabled, quota). */
export function storageGet(storage: 'local' | 'session', key: string): string | null {
  try {
    return (storage === 'local' ? localStorage : sessionStorage).getItem(key);
  } catch {
    return null;
  }
}

export function storageSet(storage: 'local' | 'session', key: string, value: string): void {
  try {
    (storage === 'local' ? localStorage : sessionStorage).setItem(key, value);
  } catch {
    // Storage full or disabled: the feature works without it.
  }
}
