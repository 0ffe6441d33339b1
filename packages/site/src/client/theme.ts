/**
 * The theme toggle. The server's inline script applies the stored theme before paint; this only toggles
 * `<html data-theme>` between `light` and `dark`, stores the choice in localStorage `sy-theme`, and keeps
 * the toggle's label and other open tabs in step.
 */
import { storageGet, storageSet } from './dom.js';

export const THEME_KEY = 'sy-theme';
type Theme = 'light' | 'dark';

const dark = () => window.matchMedia('(prefers-color-scheme: dark)');

function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

export function currentTheme(): Theme {
  const set = document.documentElement.dataset.theme;
  if (isTheme(set)) return set;
  return dark().matches ? 'dark' : 'light';
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  label(theme);
}

function label(theme: Theme): void {
  const next = theme === 'dark' ? 'light' : 'dark';
  for (const button of document.querySelectorAll<HTMLElement>('[data-sy-theme-toggle]')) {
    button.setAttribute('aria-label', `Switch to ${next} theme`);
    button.title = `Switch to ${next} theme`;
  }
}

export function initTheme(): void {
  label(currentTheme());

  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-sy-theme-toggle]');
    if (!button) return;
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    apply(next);
    storageSet('local', THEME_KEY, next);
  });

  // Another tab toggled the theme.
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_KEY && isTheme(event.newValue)) apply(event.newValue);
  });

  // No choice stored: follow the system as it changes.
  dark().addEventListener('change', (event) => {
    if (!isTheme(storageGet('local', THEME_KEY))) apply(event.matches ? 'dark' : 'light');
  });
}
