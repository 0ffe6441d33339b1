import { basename } from 'node:path';

/** One catalog to merge: a folder, or a git repository (cloned with the system's git). */
export interface FederationSource {
  /** Names the source in diagnostics, the lock file and the cache folder. */
  name: string;
  /** A local folder, relative to the hub catalog. */
  path?: string;
  /** A git URL (or a local repository path) to clone. */
  git?: string;
  /** Branch, tag or commit to check out (default: the remote's default branch). */
  ref?: string;
  /** The catalog's folder inside the repository (default: its root). */
  dir?: string;
}

export type ConflictRule = { kind: 'error' } | { kind: 'prefer'; order: string[] };

export interface FederationConfig {
  sources: FederationSource[];
  onConflict: ConflictRule;
  /** Include the hub catalog's own resources, as the source named "hub" (default true). */
  includeHub: boolean;
}

/**
 * Reads `federation` from the config: either a list of sources, or
 * `{ sources, onConflict: 'error' | { prefer: 'name' | ['a', 'b'] }, includeHub }`.
 * Returns the problems as sentences; an invalid source is dropped.
 */
export function resolveFederationConfig(raw: unknown): { config?: FederationConfig; problems: string[] } {
  if (raw === undefined) return { problems: [] };
  const problems: string[] = [];
  const object = Array.isArray(raw) ? { sources: raw } : raw;
  if (typeof object !== 'object' || object === null) {
    return { problems: ['"federation" must be a list of sources or an object with "sources".'] };
  }
  const o = object as Record<string, unknown>;
  const sources: FederationSource[] = [];
  const list = Array.isArray(o.sources) ? o.sources : [];
  if (!Array.isArray(o.sources)) problems.push('"federation.sources" must be a list.');
  const names = new Set<string>(['hub']);
  list.forEach((item, i) => {
    const read = readSource(item, `"federation.sources[${i}]"`, names);
    if (typeof read === 'string') problems.push(read);
    else {
      names.add(read.name);
      sources.push(read);
    }
  });
  let onConflict: ConflictRule = { kind: 'error' };
  const rule = o.onConflict;
  if (typeof rule === 'object' && rule !== null && 'prefer' in rule) {
    const prefer = (rule as { prefer: unknown }).prefer;
    const order = (Array.isArray(prefer) ? prefer : [prefer]).filter(
      (p): p is string => typeof p === 'string',
    );
    const unknown = order.filter((n) => !names.has(n));
    if (unknown.length > 0)
      problems.push(`"federation.onConflict.prefer" names no source: ${unknown.join(', ')}.`);
    onConflict = { kind: 'prefer', order };
  } else if (rule !== undefined && rule !== 'error') {
    problems.push('"federation.onConflict" must be "error" or { prefer: "source name" }.');
  }
  return { config: { sources, onConflict, includeHub: o.includeHub !== false }, problems };
}

/** One source, or the sentence saying what is wrong with it. */
function readSource(item: unknown, at: string, names: ReadonlySet<string>): FederationSource | string {
  if (typeof item !== 'object' || item === null) return `${at} must be an object.`;
  const s = item as Record<string, unknown>;
  const text = (key: string) => (typeof s[key] === 'string' && s[key] ? (s[key] as string) : undefined);
  const path = text('path');
  const git = text('git');
  const ref = text('ref');
  const dir = text('dir');
  if (Boolean(path) === Boolean(git)) return `${at} needs exactly one of "path" or "git".`;
  if (git?.startsWith('-')) return `${at}: "git" must be a URL or a path, not "${git}".`;
  if (ref?.startsWith('-')) return `${at}: "ref" must not start with "-".`;
  const fallback = basename((path ?? git ?? '').replace(/\.git$/, '').replace(/[\\/]+$/, ''));
  const name = safeName(text('name') ?? fallback);
  if (!name || names.has(name)) return `${at}: give it a unique "name" (letters, digits, - _ .).`;
  return {
    name,
    ...(path ? { path } : {}),
    ...(git ? { git } : {}),
    ...(ref ? { ref } : {}),
    ...(dir ? { dir } : {}),
  };
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '');
}
