import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  buildCatalog,
  checkGraph,
  type Diagnostic,
  diagnostic,
  kindDef,
  locate,
  type Resource,
  sortDiagnostics,
} from '@switchyard/model';
import { type LoadedCatalog, loadCatalog } from '../load-catalog.js';
import { writeFileAtomic } from '../write/atomic.js';
import { type ConflictRule, type FederationSource, resolveFederationConfig } from './federation-config.js';
import { type FetchedSource, fetchSource } from './fetch-source.js';

export const lockFileName = 'switchyard-federation.lock.json';

export interface LockedSource {
  name: string;
  path?: string;
  git?: string;
  ref?: string;
  commit?: string;
  /** sha256 over the source's resource files (path and content), to see what changed since. */
  digest: string;
  resources: number;
}

export interface FederationLock {
  version: 1;
  sources: LockedSource[];
}

export interface FederatedCatalog extends LoadedCatalog {
  /** Every source merged, in order, with what the lock file records of it. */
  sources: LockedSource[];
  /** `kind:id@version` → name of the source its resource came from. */
  origin: ReadonlyMap<string, string>;
  /** Source name → the absolute folder it was loaded from. */
  sourceRoots: ReadonlyMap<string, string>;
}

export interface FederateOptions {
  /** Ignore the lock file's commits and take each git source's ref as it is now. */
  update?: boolean;
}

/**
 * Merges the hub catalog and the catalogs its config lists under `federation` into one. Each source is
 * loaded on its own (its diagnostics name it), then all resources are built into one graph so pointers
 * cross sources. The same `kind:id@version` in two sources is a conflict: an error, or settled in favour
 * of the preferred source, as the config says. Paths in the result are relative to the hub.
 */
export async function federateCatalog(
  hubDir: string,
  options: FederateOptions = {},
): Promise<FederatedCatalog> {
  const hub = await loadCatalog(hubDir);
  const diagnostics: Diagnostic[] = [];
  const { config, problems } = resolveFederationConfig(hub.config.federation);
  const at = { file: configFile(hub.root), line: 1, column: 1 };
  for (const p of problems) diagnostics.push(diagnostic('config-error', p, at));
  const lock = readLock(hub.root);

  const loaded: { name: string; fetched?: FetchedSource; catalog: LoadedCatalog }[] = [];
  if (config?.includeHub !== false) loaded.push({ name: 'hub', catalog: hub });
  for (const source of config?.sources ?? []) {
    const pinned = options.update ? undefined : lockedCommit(lock, source);
    try {
      const fetched = await fetchSource(hub.root, source, pinned);
      if (!existsSync(fetched.folder)) throw new Error(`${fetched.folder} does not exist.`);
      loaded.push({
        name: source.name,
        fetched,
        catalog: await loadCatalog(fetched.folder),
      });
    } catch (error) {
      diagnostics.push(
        diagnostic(
          'federation-source-failed',
          `Source "${source.name}" was not merged: ${(error as Error).message}`,
          at,
        ),
      );
    }
  }

  const origin = new Map<string, string>();
  const kept = new Map<string, { resource: Resource; source: string }>();
  const relocated = new Map<string, Resource>();
  for (const { name, catalog } of loaded) {
    const toHub = (file: string) => hubPath(hub.root, catalog.root, file);
    // Graph problems are judged on the merged catalog: a pointer may name a resource of another source.
    const graphOnly = new Set(
      [...buildCatalog(catalog.catalog.resources).diagnostics, ...checkGraph(catalog.catalog)].map(keyOf),
    );
    for (const d of catalog.diagnostics) {
      if (graphOnly.has(keyOf(d))) continue;
      diagnostics.push({ ...d, file: toHub(d.file), message: `${d.message} [source: ${name}]` });
    }
    for (const resource of catalog.catalog.resources) {
      const moved = relocate(resource, toHub);
      const first = kept.get(resource.key);
      if (!first) {
        kept.set(resource.key, { resource: moved, source: name });
        continue;
      }
      const winner = settle(config?.onConflict ?? { kind: 'error' }, first.source, name);
      const label = `${kindDef(resource.kind).label.toLowerCase()} "${resource.id}"${resource.version ? ` version ${resource.version}` : ''}`;
      const both = `sources "${first.source}" (${first.resource.source.file}) and "${name}" (${moved.source.file})`;
      if (winner === undefined) {
        diagnostics.push(
          diagnostic(
            'federation-conflict',
            `The ${label} is in ${both}; the one from "${first.source}" is used.`,
            locate(moved, ['id']),
          ),
        );
      } else {
        diagnostics.push(
          diagnostic(
            'federation-preferred',
            `The ${label} is in ${both}; "${winner}" is preferred by the config.`,
            locate(moved, ['id']),
          ),
        );
        if (winner === name) kept.set(resource.key, { resource: moved, source: name });
      }
    }
  }
  for (const [key, { resource, source }] of kept) {
    origin.set(key, source);
    relocated.set(key, resource);
  }
  const built = buildCatalog([...relocated.values()]);
  diagnostics.push(...built.diagnostics, ...checkGraph(built.catalog));

  const sources = loaded.map(({ name, fetched, catalog }) => lockEntry(name, fetched, catalog));
  return {
    root: hub.root,
    catalog: built.catalog,
    config: hub.config,
    diagnostics: sortDiagnostics(dedupe(diagnostics)),
    files: loaded.flatMap(({ catalog }) => catalog.files.map((f) => hubPath(hub.root, catalog.root, f))),
    sources,
    origin,
    sourceRoots: new Map(loaded.map(({ name, catalog }) => [name, catalog.root])),
  };
}

/** Writes the lock file beside the hub's config. */
export async function writeFederationLock(
  federated: Pick<FederatedCatalog, 'root' | 'sources'>,
): Promise<string> {
  const file = join(federated.root, lockFileName);
  const lock: FederationLock = { version: 1, sources: federated.sources };
  await writeFileAtomic(file, `${JSON.stringify(lock, null, 2)}\n`);
  return file;
}

function readLock(root: string): FederationLock | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(root, lockFileName), 'utf8')) as FederationLock;
    return parsed.version === 1 && Array.isArray(parsed.sources) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function lockedCommit(lock: FederationLock | undefined, source: FederationSource): string | undefined {
  const entry = lock?.sources.find((s) => s.name === source.name);
  return entry && entry.git === source.git && entry.ref === source.ref ? entry.commit : undefined;
}

/** The source whose resource wins, or undefined when a conflict is an error. */
function settle(rule: ConflictRule, first: string, second: string): string | undefined {
  if (rule.kind === 'error') return undefined;
  const rank = (name: string) => {
    const i = rule.order.indexOf(name);
    return i === -1 ? rule.order.length : i;
  };
  return rank(second) < rank(first) ? second : first;
}

function relocate(resource: Resource, toHub: (file: string) => string): Resource {
  const source = resource.source;
  return {
    ...resource,
    source: {
      file: toHub(source.file),
      dir: toHub(source.dir),
      bodyLine: source.bodyLine,
      position: (key, atKey) => source.position(key, atKey),
    },
  };
}

function hubPath(hubRoot: string, sourceRoot: string, file: string): string {
  if (sourceRoot === hubRoot) return file;
  return relative(hubRoot, join(sourceRoot, file)).split(sep).join('/');
}

function lockEntry(name: string, fetched: FetchedSource | undefined, loaded: LoadedCatalog): LockedSource {
  const hash = createHash('sha256');
  const files = loaded.catalog.resources.map((r) => r.source.file).sort();
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    try {
      hash.update(readFileSync(join(loaded.root, file)));
    } catch {
      // A file that vanished since loading still counts by its name.
    }
  }
  const s = fetched?.source;
  return {
    name,
    ...(s?.path ? { path: s.path } : {}),
    ...(s?.git ? { git: s.git } : {}),
    ...(s?.ref ? { ref: s.ref } : {}),
    ...(fetched?.commit ? { commit: fetched.commit } : {}),
    digest: hash.digest('hex'),
    resources: loaded.catalog.resources.length,
  };
}

function configFile(root: string): string {
  for (const f of [
    'switchyard.config.ts',
    'switchyard.config.mjs',
    'switchyard.config.js',
    'eventcatalog.config.js',
  ]) {
    if (existsSync(join(root, f))) return f;
  }
  return 'eventcatalog.config.js';
}

const keyOf = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = keyOf(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
