import { type Dirent, readdirSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createCatalogIgnore } from './catalog-ignore.js';
import { ignoredRootFolders } from './classify.js';
import { type RootPolicy, rootPolicy } from './inside-root.js';

export interface WalkResult {
  /** Every file found, `/`-separated and relative to the policy's root, sorted. */
  files: string[];
  /**
   * Entries that were not read, with why: folders that could not be read, broken links, and (`outside`)
   * symbolic links whose real target lies outside the root.
   */
  problems: { path: string; message: string; outside?: true }[];
}

/**
 * Lists the files under `start` (root-relative, `''` for the root) through the path policy: follows
 * symbolic links only while their real target stays inside the root, and never into a folder already seen
 * (no loops). `skip` leaves out a root-relative path and everything under it.
 */
export async function walkFolder(
  policy: RootPolicy,
  start: string,
  skip: (path: string) => boolean = () => false,
): Promise<WalkResult> {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const startDir = join(policy.root, start);
  const startReal = await realpath(startDir).catch(() => undefined);
  if (startReal === undefined) return { files, problems };
  if (!policy.containsReal(startReal)) {
    problems.push({ path: start, message: outsideMessage(policy, startReal), outside: true });
    return { files, problems };
  }
  const seen = new Set<string>([startReal]);
  let visited = 0;

  async function visit(dir: string, rel: string, real: string): Promise<void> {
    let entries: Dirent[];
    // Other work gets a turn every 100 folders (a server answering while it checks the catalog).
    if (++visited % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      // Read in place: a catalog has a folder per resource, and one promise per folder cost 4x (L: 1.6 s).
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: rel, message: (error as Error).message });
      return;
    }
    const subdirs: [string, string, string][] = [];
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (skip(childRel)) continue;
      const full = join(dir, name);
      let childReal = join(real, name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await realpath(full);
          if (!policy.containsReal(target)) {
            problems.push({ path: childRel, message: outsideMessage(policy, target), outside: true });
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
        subdirs.push([full, childRel, childReal]);
      } else if (isFile) files.push(childRel);
    }
    for (const [full, childRel, childReal] of subdirs) await visit(full, childRel, childReal);
  }

  await visit(startDir, start, startReal);
  files.sort();
  return { files, problems };
}

function outsideMessage(policy: RootPolicy, target: string): string {
  return `is a link to ${relative(policy.root, target)}, outside the catalog; it is not read`;
}

/**
 * Lists the catalog's files: everything but what the catalog ignore list leaves out (dot-folders,
 * node_modules, the output folders in `outDirs`) and the root folders that hold no resources (public/,
 * dist/, components/...).
 */
export async function walkCatalog(root: string, outDirs: readonly string[] = []): Promise<WalkResult> {
  const ignored = createCatalogIgnore(root, outDirs);
  return walkFolder(
    rootPolicy(root),
    '',
    (path) => ignored(path) || (!path.includes('/') && ignoredRootFolders.has(path)),
  );
}
