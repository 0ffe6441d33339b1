/**
 * Copy buttons. `<button data-sy-copy="{id}">` copies the text of the element with that id;
 * `<button data-sy-copy="page-markdown" data-sy-src="{url}">` fetches the URL and copies its text.
 * The button's label (or its `[data-sy-copy-label]` child) reads "Copied" for 1.5 s.
 */

import { fetchText } from './base.js';
import { announce, h } from './dom.js';

const FEEDBACK_MS = 1500;
const labels = new WeakMap<HTMLElement, Node[]>();
const timers = new WeakMap<HTMLElement, number>();

export function initCopy(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>('[data-sy-copy]');
    if (!button || button.hasAttribute('disabled')) return;
    event.preventDefault();
    void copyFrom(button);
  });
}

async function copyFrom(button: HTMLElement): Promise<void> {
  const target = button.dataset.syCopy ?? '';
  let ok: boolean;
  if (target === 'page-markdown') {
    const src = button.dataset.sySrc;
    ok = src ? await copyText(fetchText(src)) : false;
  } else {
    const source = document.getElementById(target);
    ok = source ? await copyText(Promise.resolve(textOf(source))) : false;
  }
  feedback(button, ok ? 'Copied' : 'Copy failed');
}

/** The text a reader sees in a code block: `<textarea>`/`<input>` value, or the element's text. */
function textOf(el: HTMLElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  return el.textContent ?? '';
}

/**
 * Writes text to the clipboard. A text still being fetched goes through a `ClipboardItem` holding the
 * promise, so Safari keeps the click's permission; then `writeText`; then a hidden textarea.
 */
export async function copyText(text: Promise<string>): Promise<boolean> {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (clipboard?.write && typeof ClipboardItem !== 'undefined') {
    try {
      const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
      await clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return true;
    } catch {
      // Fall through: older engines reject a promise inside a ClipboardItem.
    }
  }
  let value: string;
  try {
    value = await text;
  } catch {
    return false;
  }
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(value);
      return true;
    } catch {
      // Fall through to the textarea (insecure context, no permission).
    }
  }
  return copyWithTextarea(value);
}

function copyWithTextarea(value: string): boolean {
  const active = document.activeElement;
  const area = h('textarea', { readonly: true, 'aria-hidden': 'true', tabindex: -1 });
  area.value = value;
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (active instanceof HTMLElement) active.focus({ preventScroll: true });
  return ok;
}

function feedback(button: HTMLElement, message: string): void {
  const label = button.querySelector<HTMLElement>('[data-sy-copy-label]') ?? button;
  if (!labels.has(button)) labels.set(button, Array.from(label.childNodes));
  const previous = timers.get(button);
  if (previous !== undefined) clearTimeout(previous);
  label.textContent = message;
  button.dataset.syCopied = message === 'Copied' ? 'true' : 'false';
  announce(message);
  timers.set(
    button,
    window.setTimeout(() => {
      label.replaceChildren(...(labels.get(button) ?? []));
      labels.delete(button);
      timers.delete(button);
      delete button.dataset.syCopied;
    }, FEEDBACK_MS),
  );
}
