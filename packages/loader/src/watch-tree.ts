import { type FSWatcher, lstatSync, readdirSync, watch } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Watches a folder tree, reporting root-relative, `/`-separated paths that changed; folders `ignored` says
 * are not watched at all. macOS and Windows watch recursively natively. Elsewhere (Linux) each folder gets
 * a watcher of its own: Node 20's recursive mode there follows files, and loses a file after an editor's
 * save by rename (two saves seen of four), and it watches node_modules and the output folder too. A folder
 * that appears is watched at once and each file in it reported, since its files may have been written
 * before its watcher started.
 */
export function watchTree(
  root: string,
  ignored: (path: string) => boolean,
  onPath: (path: string) => void,
): { close(): void } {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    const native = watch(root, { recursive: true }, (_event, file) => {
      const path = file?.toString().split(sep).join('/');
      if (path && !ignored(path)) onPath(path);
    });
    return { close: () => native.close() };
  }
  const watchers = new Map<string, FSWatcher>();

  const add = (rel: string, report: boolean) => {
    if (watchers.has(rel) || (rel !== '' && ignored(rel))) return;
    const dir = rel === '' ? root : join(root, rel);
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => name && changed(rel, name.toString(), event));
    } catch {
      return; // gone already, or not readable
    }
    watcher.on('error', () => drop(rel));
    watchers.set(rel, watcher);
    let entries: import('node:fs').Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Removed meanwhile: its watcher reports it.
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) add(child, report);
      else if (report && !ignored(child)) onPath(child);
    }
  };

  const drop = (rel: string) => {
    for (const [path, watcher] of watchers) {
      if (path === rel || path.startsWith(`${rel}/`)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  const changed = (rel: string, name: string, event: string) => {
    const path = rel === '' ? name : `${rel}/${name}`;
    if (ignored(path)) return;
    onPath(path);
    if (event !== 'rename') return;
    if (isDirectory(join(root, path))) add(path, true);
    else if (watchers.has(path)) drop(path);
  };

  add('', false);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** A folder, not a link to one (the walk decides about links; a watcher never follows one out). */
function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
