import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/**
 * The path policy: every file Switchyard reads, copies or serves from a folder (the catalog, a built site)
 * resolves inside that folder after `realpath`. A path is first checked as text (no NUL, not absolute, no
 * `..` that climbs above the root; backslashes count as separators), then as a file (its real path, every
 * symbolic link followed, must still lie inside the root's real path). Nothing else in the code decides this.
 */

/** Why a path was refused. */
export type Refusal = 'nul' | 'absolute' | 'climbs' | 'link-out' | 'missing';

/** A root-relative, `/`-separated path (`''` is the root itself), or why the text cannot be one. */
export type CatalogPath = { path: string } | { refused: Exclude<Refusal, 'link-out' | 'missing'> };

/** A path that exists inside the root: its real absolute path, and the root-relative path asked for. */
export type Inside = { real: string; path: string } | { refused: Refusal };

/** How each refusal reads after a quoted path (`The schema path "x" leads outside the catalog`). */
export const refusalText: Readonly<Record<Refusal, string>> = {
  nul: 'holds a NUL character',
  absolute: 'is absolute',
  climbs: 'leads outside the catalog',
  'link-out': 'is a symbolic link that leads outside the catalog',
  missing: 'does not exist',
};

/**
 * The text step: `path` as written in a file of folder `fromDir` (root-relative), as a root-relative path.
 * Never touches the disk.
 */
export function resolveCatalogPath(path: string, fromDir = ''): CatalogPath {
  if (path.includes('\0')) return { refused: 'nul' };
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:(\/|$)/.test(p)) return { refused: 'absolute' };
  const joined = posix.normalize(posix.join(fromDir.replace(/\\/g, '/') || '.', p)).replace(/\/+$/, '');
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return { refused: 'climbs' };
  return { path: joined === '.' || joined === '' ? '' : joined };
}

export interface RootPolicy {
  /** The root as given, absolute. */
  readonly root: string;
  /** A root-relative path (or one relative to `fromDir`) that exists and really lies inside the root. */
  resolve(path: string, fromDir?: string): Inside;
  /** Whether a real (already `realpath`ed) absolute path is the root or lies inside it. */
  containsReal(real: string): boolean;
}

/** The policy for one root folder; its real path is looked up once. */
export function rootPolicy(root: string): RootPolicy {
  const absolute = resolve(root);
  let rootReal: string | undefined;
  const real = () => {
    rootReal ??= realOrUndefined(absolute) ?? absolute;
    return rootReal;
  };
  const containsReal = (p: string) => {
    const r = real();
    return p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  };
  return {
    root: absolute,
    containsReal,
    resolve(path, fromDir) {
      const text = resolveCatalogPath(path, fromDir);
      if ('refused' in text) return text;
      const target = realOrUndefined(join(real(), text.path));
      if (target === undefined) return { refused: 'missing' };
      return containsReal(target) ? { real: target, path: text.path } : { refused: 'link-out' };
    },
  };
}

/** `rootPolicy(root).resolve(path)`, for a single question. */
export function resolveInside(root: string, path: string): Inside {
  return rootPolicy(root).resolve(path);
}

/**
 * Copies a root-relative file to `to` (an absolute path, folders made) when it exists and really lies
 * inside the root: the file's content, never a link. Returns why it was not copied, if it was not.
 */
export async function copyInside(policy: RootPolicy, path: string, to: string): Promise<Refusal | undefined> {
  const found = policy.resolve(path);
  if ('refused' in found) return found.refused;
  try {
    if (!statSync(found.real).isFile()) return 'missing';
    await mkdir(dirname(to), { recursive: true });
    await copyFile(found.real, to);
    return undefined;
  } catch {
    return 'missing';
  }
}

/**
 * Where a file may be written (importers, `export`, version archives): `path` (root-relative, or absolute)
 * as an absolute path, when it lies inside the root as text and its deepest part that exists really lies
 * inside (no link on the way leads out, and the file itself is no broken link). Undefined otherwise.
 */
export function writableInside(root: string, path: string): string | undefined {
  const policy = rootPolicy(root);
  const text = resolveCatalogPath(isAbsolute(path) ? relative(policy.root, resolve(path)) : path);
  if ('refused' in text) return undefined;
  for (let probe = text.path; ; probe = parentOf(probe)) {
    const found = policy.resolve(probe);
    if ('real' in found) return join(policy.root, text.path);
    if (found.refused !== 'missing' || probe === '' || existsAsLink(join(policy.root, probe)))
      return undefined;
  }
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

function existsAsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Files larger than this are not read through a root reader (schemas and specifications included). */
export const maxReadBytes = 16 * 1024 * 1024;

/**
 * Reads root-relative files as UTF-8 text through the policy: undefined for anything refused, missing,
 * not a file or over `maxBytes`. The reader handed to `@switchyard/schemas`, the site build and the API.
 * With `cache`, each path is read once (a dev server drops saved files from it).
 */
export function createRootReader(
  root: string,
  options: { cache?: Map<string, string | undefined>; maxBytes?: number } = {},
): (path: string) => string | undefined {
  const policy = rootPolicy(root);
  const limit = options.maxBytes ?? maxReadBytes;
  const cache = options.cache;
  return (path) => {
    if (cache?.has(path)) return cache.get(path);
    const text = readInside(policy, path, limit);
    cache?.set(path, text);
    return text;
  };
}

function readInside(policy: RootPolicy, path: string, limit: number): string | undefined {
  const found = policy.resolve(path);
  if ('refused' in found) return undefined;
  try {
    const info = statSync(found.real);
    if (!info.isFile() || info.size > limit) return undefined;
    return readFileSync(found.real, 'utf8');
  } catch {
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path); // One system call, where the JavaScript version lstats every segment.
  } catch {
    return undefined;
  }
}
