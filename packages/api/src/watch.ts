import { type FSWatcher, watch } from 'node:fs';

/**
 * Calls `onChange` once a burst of edits in a catalog folder settles (120 ms), skipping node_modules, dot
 * folders and the output folders named in `ignore`. Calls never overlap. Returns the watcher, to close.
 */
export function watchCatalog(
  root: string,
  ignore: readonly string[],
  onChange: () => Promise<void>,
): FSWatcher {
  const skip = new RegExp(
    `(^|[\\\\/])(node_modules|\\.[^\\\\/]+|${ignore.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || 'dist'})([\\\\/]|$)`,
  );
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return watch(root, { recursive: true }, (_event, file) => {
    if (!file || skip.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(onChange).catch((error: unknown) => {
        process.stderr.write(`Reload failed: ${(error as Error).message}\n`);
      });
    }, 120);
  });
}
