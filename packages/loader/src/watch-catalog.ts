import { createCatalogIgnore } from './catalog-ignore.js';
import { watchTree } from './watch-tree.js';

/**
 * How long a catalog folder must be quiet before a change set is handed on: long enough that an editor's
 * save (write to a temporary file, rename, touch: events a few milliseconds apart) arrives as one set,
 * short enough to feel immediate (it is part of every edit's wait). A longer burst (`git checkout`) may
 * arrive as two sets: each reload reads only what changed.
 */
export const watchDebounceMs = 40;

export interface WatchOptions {
  /**
   * The output folders to ignore (config `outDir`, `--out`), relative to the root or absolute; asked on
   * every event, so a reloaded config takes effect at once.
   */
  outDirs: () => readonly (string | undefined)[];
  /** Called with the root-relative, `/`-separated paths that changed once they settle. Calls never overlap. */
  onChange: (changed: ReadonlySet<string>) => Promise<void>;
  /** A failed `onChange` (default: written to stderr); watching goes on. */
  onError?: (error: unknown) => void;
  debounceMs?: number;
}

export interface CatalogWatcher {
  close(): void;
}

/**
 * The one watcher of a catalog folder (`dev`, `serve`, `mcp`): the whole tree (watch-tree.ts), debounced,
 * skipping what the catalog ignore list skips (dot-folders, node_modules, the output folders wherever
 * they are).
 */
export function watchCatalog(root: string, options: WatchOptions): CatalogWatcher {
  let ignoreKey: string | undefined;
  let ignored: (path: string) => boolean = () => false;
  const isIgnored = (path: string) => {
    const outs = options.outDirs().filter((d): d is string => typeof d === 'string' && d !== '');
    const key = outs.join('\0');
    if (key !== ignoreKey) {
      ignoreKey = key;
      ignored = createCatalogIgnore(root, outs);
    }
    return ignored(path);
  };
  const onError =
    options.onError ??
    ((error: unknown) => process.stderr.write(`Reload failed: ${(error as Error).message}\n`));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let pending = new Set<string>();
  const watcher = watchTree(root, isIgnored, (path) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      pending = new Set();
      running = running.then(() => options.onChange(changed)).catch(onError);
    }, options.debounceMs ?? watchDebounceMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
