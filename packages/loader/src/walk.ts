import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ignoredRootFolders } from './classify.js';

export interface WalkResult {
  /** Every file under the root, `/`-separated and relative to it, sorted. */
  files: string[];
  /** Folders that could not be read, with why. */
  problems: { path: string; message: string }[];
}

/**
 * Lists the catalog's files. Skips dot-folders, node_modules at any depth, the root folders that hold
 * no resources (public/, dist/, components/...) and `skip` (the output folder). Follows symbolic links
 * only while they stay inside the root, and never into a folder already seen (no loops).
 */
export async function walkCatalog(root: string, skip: readonly string[] = []): Promise<WalkResult> {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const rootReal = await realpath(root);
  const seen = new Set<string>([rootReal]);
  const skipped = new Set(skip.map((s) => s.replace(/\/+$/, '')));

  async function visit(dir: string, rel: string, real: string): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: rel, message: (error as Error).message });
      return;
    }
    const subdirs: Promise<void>[] = [];
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (rel === '' && ignoredRootFolders.has(name)) continue;
      if (skipped.has(childRel)) continue;
      const full = join(dir, name);
      let childReal = join(real, name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await realpath(full);
          const inside = target === rootReal || target.startsWith(rootReal + sep);
          if (!inside) {
            problems.push({
              path: childRel,
              message: `is a link to ${relative(rootReal, target)}, outside the catalog; it is not read`,
            });
            continue;
          }
          const s = await stat(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
          childReal = target;
        } catch (error) {
          problems.push({ path: childRel, message: `is a broken link (${(error as Error).message})` });
          continue;
        }
      }
      if (isDir) {
        // Each real folder is read once, so links can neither loop nor list a file twice.
        if (seen.has(childReal)) continue;
        seen.add(childReal);
        subdirs.push(visit(full, childRel, childReal));
      } else if (isFile) files.push(childRel);
    }
    await Promise.all(subdirs);
  }

  await visit(root, '', rootReal);
  files.sort();
  return { files, problems };
}
