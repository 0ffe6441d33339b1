/**
 * The entry point, loaded on every page as `<script type="module" src="{base}_sy/client/main.js">`.
 * Starts each feature on its own, so one failing does not stop the others.
 */
import { initCards } from './cards.js';
import { initCopy } from './copy.js';
import { initDiscover } from './discover.js';
import { initEmbed } from './embed.js';
import { initScore } from './score.js';
import { initSearch } from './search.js';
import { initSidebar } from './sidebar.js';
import { initTabs } from './tabs.js';
import { initTheme } from './theme.js';
import { initToc } from './toc.js';

const features: [string, () => unknown][] = [
  ['embed', initEmbed],
  ['theme', initTheme],
  ['sidebar', initSidebar],
  ['search', initSearch],
  ['copy', initCopy],
  ['toc', initToc],
  ['cards', initCards],
  ['discover', initDiscover],
  ['tabs', initTabs],
  ['score', initScore],
  [
    'schemas',
    () =>
      document.querySelector('[data-sy-schemas]')
        ? import('./schemas-explorer.js').then((m) => m.initSchemasExplorer())
        : undefined,
  ],
  // `<sy-diagram>` (diagram.ts) defines itself when loaded: only pages that have one load it.
  ['diagram', () => (document.querySelector('sy-diagram') ? import('./diagram.js') : undefined)],
  [
    'visualiser',
    () =>
      document.querySelector('[data-sy-vis]')
        ? import('./diagram.js').then(() => import('./visualiser.js')).then((m) => m.initVisualiser())
        : undefined,
  ],
];

function start(): void {
  for (const [name, init] of features) {
    try {
      const result = init();
      if (result instanceof Promise) result.catch((error: unknown) => report(name, error));
    } catch (error) {
      report(name, error);
    }
  }
}

function report(name: string, error: unknown): void {
  console.error(`[switchyard] ${name} failed to start`, error);
}

// Module scripts run after the document is parsed; this also covers one loaded with `async`.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
