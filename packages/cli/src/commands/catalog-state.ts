import { join, resolve } from 'node:path';
import { type CatalogState, createCatalogState } from '@switchyard/api';
import {
  createRootReader,
  type LoadedCatalog,
  loadCatalog,
  loadConfig,
  readSnapshot,
  walkCatalog,
  writeSnapshot,
} from '@switchyard/loader';
import { resolveConfig } from '@switchyard/model';
import { FieldIndex, parseCatalogSchemas } from '@switchyard/schemas';
import { createUrls, fingerprintInTurns, isBuildOutput } from '@switchyard/site';

/** Catalog files the API and MCP answers quote are at most this large. */
const maxFileBytes = 5 * 1024 * 1024;

/**
 * The snapshot of the loaded catalog (loader's snapshot.ts), kept in the build output folder: `build`
 * writes it, `serve` and `mcp` start from it while it is fresh and write it after a full load. A dot-file,
 * so the catalog walk and the watcher never see it.
 */
export const snapshotName = '.switchyard-model.bin';

/** Every field of every schema and spec the catalog names, by field name. */
async function indexFields(loaded: LoadedCatalog): Promise<FieldIndex> {
  const parsed = await parseCatalogSchemas(loaded.catalog, createRootReader(loaded.root));
  const index = new FieldIndex();
  for (const entry of parsed.entries) if (entry) index.add(entry.resource.key, entry.parsed);
  return index;
}

/** What the HTTP API and the MCP server answer from, for a loaded catalog. */
export function catalogStateOf(loaded: LoadedCatalog): CatalogState {
  const urls = createUrls(loaded.config);
  let fields: Promise<FieldIndex | undefined> | undefined;
  return createCatalogState({
    catalog: loaded.catalog,
    title: loaded.config.title,
    urlOf: (r, options) => urls.resource(r, options),
    readFile: createRootReader(loaded.root, { maxBytes: maxFileBytes }),
    fields: () => {
      fields ??= indexFields(loaded).catch((error: unknown) => {
        process.stderr.write(`Schema fields could not be indexed: ${(error as Error).message}\n`);
        return undefined;
      });
      return fields;
    },
  });
}

/** Where the snapshot of the catalog at `root` lives: in the build output folder the config (or `out`) names. */
async function snapshotFolder(root: string, out?: string) {
  const raw = await loadConfig(root);
  if (raw.diagnostics.length > 0) return undefined;
  const config = resolveConfig(raw.config);
  const dir = resolve(root, out ?? config.outDir);
  return { config, out: dir, file: join(dir, snapshotName) };
}

/** The catalog's fingerprint as its files are now (config, each file's size and time, the code) and where its snapshot is. */
export interface SnapshotPlace {
  file: string;
  /** The build output folder holding it. */
  out: string;
  fingerprint: string;
}

/**
 * Where the snapshot of the catalog at `root` lives and the fingerprint it must carry, from the config and a
 * walk with a stat of every file (no file is read). Undefined when no snapshot applies: the config does not
 * load cleanly, or the walk met a problem.
 */
export async function snapshotPlace(root: string, out?: string): Promise<SnapshotPlace | undefined> {
  const folder = await snapshotFolder(root, out);
  if (!folder) return undefined;
  const walked = await walkCatalog(root, [folder.config.outDir]);
  if (walked.problems.length > 0) return undefined;
  const fingerprint = await fingerprintInTurns(folder.config, root, walked.files);
  return { file: folder.file, out: folder.out, fingerprint };
}

/**
 * Writes the snapshot into the build output folder, only if that folder is a Switchyard build (never a
 * folder of the user's) and `place` was computed before `loaded` was read: a file saved meanwhile makes the
 * snapshot stale rather than wrong. Failing to write costs the next start its speed only.
 */
export async function saveSnapshot(loaded: LoadedCatalog, place: SnapshotPlace | undefined): Promise<void> {
  if (!place || !isBuildOutput(place.out)) return;
  await writeSnapshot(loaded, place.file, place.fingerprint).catch(() => undefined);
}

export interface LoadStateOptions {
  /** The build output folder that holds the snapshot (default: outDir from the config). */
  out?: string | undefined;
  /** Skip the snapshot (a reload after a change: it cannot be fresh). */
  changed?: boolean | undefined;
}

export interface CatalogStart {
  loaded: LoadedCatalog;
  state: CatalogState;
  /** Whether the catalog came from the snapshot `build` left. */
  snapshot: boolean;
  /**
   * Settles once the snapshot is checked against the catalog's files: with the catalog loaded from them
   * when it changed since the snapshot (the caller swaps it in), else with undefined.
   */
  current: Promise<LoadedCatalog | undefined>;
}

/**
 * Loads a catalog into the state the HTTP API and the MCP server answer from. From the snapshot in the
 * build output, when there is one: answers start at once (from the catalog as it was built, like the site
 * served beside them), while the files are checked against it; when they changed, `current` brings the
 * catalog as it is. Without one, from the files (then the snapshot is written for the next start). Schemas
 * are parsed for the field index in the background, on first use.
 */
export async function loadCatalogState(root: string, options: LoadStateOptions = {}): Promise<CatalogStart> {
  const folder = options.changed ? undefined : await snapshotFolder(root, options.out).catch(() => undefined);
  const restored = folder && readSnapshot(root, folder.file);
  if (restored) {
    const current = snapshotPlace(root, options.out)
      .catch(() => undefined)
      .then(async (place) => {
        if (place?.fingerprint === restored.fingerprint) return undefined;
        const loaded = await loadCatalog(root);
        await saveSnapshot(loaded, place);
        return loaded;
      });
    return { loaded: restored.loaded, state: catalogStateOf(restored.loaded), snapshot: true, current };
  }
  const place = await snapshotPlace(root, options.out).catch(() => undefined);
  const loaded = await loadCatalog(root);
  await saveSnapshot(loaded, place);
  return { loaded, state: catalogStateOf(loaded), snapshot: false, current: Promise.resolve(undefined) };
}
