/**
 * ⌘K in headless Chromium (playwright-core, Debian's /usr/bin/chromium): on a loaded page, Ctrl+K opens the
 * palette, a query is typed, and the time until its first result is in the page is taken inside the page
 * (performance.now(), a MutationObserver), so the browser's round trips do not count.
 */
import { existsSync } from 'node:fs';

export interface SearchLatency {
  page: string;
  query: string;
  runs: number;
  /** Ctrl+K to the palette open with its input focused (median, ms). */
  medianOpenMs: number;
  /** Query typed (one input event) to the first result shown (median, ms). */
  medianResultsMs: number;
  /** Ctrl+K to the first result, both together (median, ms). */
  medianTotalMs: number;
  /** Results listed for the query on the last run. */
  results: number;
}

export const chromiumPath = '/usr/bin/chromium';

/** Runs in the page: open the palette, type, wait for results; every time in ms from the page's clock. */
const inPage = async (query: string) => {
  const until = (ready: () => boolean, limitMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (ready()) return resolve();
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`nothing after ${limitMs} ms`));
      }, limitMs);
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        clearTimeout(timer);
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
    });
  const input = () => document.querySelector<HTMLInputElement>('dialog[open] .sy-search-input');
  const t0 = performance.now();
  document.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }),
  );
  await until(() => input() !== null, 10_000);
  const opened = performance.now();
  const box = input() as HTMLInputElement;
  const first = query.split(' ')[0] ?? query;
  const names = () => [...document.querySelectorAll('dialog[open] .sy-search-results .sy-search-name')];
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  const typed = performance.now();
  await until(() => names().some((n) => (n.textContent ?? '').toLowerCase().includes(first)), 10_000);
  const shown = performance.now();
  return { openMs: opened - t0, resultsMs: shown - typed, totalMs: shown - t0, results: names().length };
};

export async function measureSearch(url: string, query: string, runs = 5): Promise<SearchLatency> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is not there`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const times: { openMs: number; resultsMs: number; totalMs: number; results: number }[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh page each run: the first open on a page is the one that matters.
      const page = await browser.newPage();
      // Not 'networkidle': the dev server's page keeps its event stream open.
      await page.goto(url, { waitUntil: 'load' });
      // The page reads the quick index when idle after load; ⌘K is timed as a reader would press it, after.
      await page
        .waitForFunction(
          () =>
            performance.getEntriesByType('resource').some((e) => e.name.includes('api/search/quick.json')),
          undefined,
          { timeout: 15_000 },
        )
        .catch(() => {});
      await page.waitForTimeout(300);
      times.push(await page.evaluate(inPage, query));
      await page.close();
    }
    const med = (pick: (t: (typeof times)[number]) => number) => {
      const sorted = times.map(pick).sort((a, b) => a - b);
      return sorted[sorted.length >> 1] as number;
    };
    return {
      page: new URL(url).pathname,
      query,
      runs,
      medianOpenMs: med((t) => t.openMs),
      medianResultsMs: med((t) => t.resultsMs),
      medianTotalMs: med((t) => t.totalMs),
      results: times[times.length - 1]?.results ?? 0,
    };
  } finally {
    await browser.close();
  }
}
