import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';

/** Files the build reads for pages (schemas, specifications) above this size are not read. */
const maxReadBytes = 16 * 1024 * 1024;

/**
 * Reads files the pages name (schemas, specifications, `<Schema file>`), relative to the catalog root,
 * cached. Never reads outside the root: absolute paths, `..` that climbs out, and symbolic links whose
 * target lies outside (checked on the real path) read as missing; the loader has reported them.
 */
export function readerFor(
  root: string,
  cache: Map<string, string | undefined> = new Map(),
): (path: string) => string | undefined {
  let rootReal: string | undefined;
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    rootReal ??= realOrUndefined(root) ?? resolve(root);
    const text =
      isAbsolute(path) || path.includes('\0') ? undefined : readInside(rootReal, resolve(root, path));
    cache.set(path, text);
    return text;
  };
}

function readInside(rootReal: string, full: string): string | undefined {
  const real = realOrUndefined(full);
  if (real === undefined || !real.startsWith(rootReal + sep)) return undefined;
  try {
    const bytes = readFileSync(real);
    return bytes.length > maxReadBytes ? undefined : bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** For `cp`'s filter: copies only what really lies inside `root` (no link out of the catalog is followed). */
export function insideRoot(root: string): (path: string) => boolean {
  const rootReal = realOrUndefined(root) ?? resolve(root);
  return (path) => {
    const real = realOrUndefined(path);
    return real !== undefined && (real === rootReal || real.startsWith(rootReal + sep));
  };
}
