import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * What in a catalog folder is not the catalog, at any depth: dot-files and dot-folders, node_modules, and
 * the output folders (config `outDir`, `--out`), wherever they are, with the `<out>.building-<pid>` and
 * `<out>.previous-<pid>` folders a build swaps through. The one ignore list of the walk and the watcher.
 * `path` is root-relative and `/`-separated.
 */
export function createCatalogIgnore(root: string, outDirs: readonly string[]): (path: string) => boolean {
  const outs = outDirs.flatMap((dir) => outputPrefixes(root, dir));
  return (path) => {
    if (path === '') return false;
    const segments = path.split('/');
    if (segments.some((s) => s.startsWith('.') || s === 'node_modules')) return true;
    return outs.some((out) => isOutput(segments, out));
  };
}

/** The output folder as root-relative segments: as given, and through the root's real path. */
function outputPrefixes(root: string, dir: string): string[][] {
  const abs = resolve(root, dir);
  const found: string[][] = [];
  const roots = [resolve(root)];
  try {
    roots.push(realpathSync(root));
  } catch {
    // The root's real path is its path.
  }
  for (const r of roots) {
    const rel = relative(r, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
    found.push(rel.split(sep));
  }
  return found;
}

function isOutput(segments: readonly string[], out: readonly string[]): boolean {
  if (segments.length < out.length) return false;
  for (let i = 0; i < out.length - 1; i++) if (segments[i] !== out[i]) return false;
  const last = out[out.length - 1] as string;
  const seg = segments[out.length - 1] as string;
  return (
    seg === last || (seg.startsWith(`${last}.`) && /^\.(building|previous)-\d+$/.test(seg.slice(last.length)))
  );
}
