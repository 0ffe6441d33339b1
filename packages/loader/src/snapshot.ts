import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import {
  buildCatalog,
  type Diagnostic,
  type ResolvedConfig,
  type Resource,
  type Source,
} from '@switchyard/model';
import { parseFrontmatter } from './frontmatter.js';
import { createRootReader } from './inside-root.js';
import type { LoadedCatalog } from './load-catalog.js';

/**
 * A loaded catalog as plain data, for `v8.serialize` or `structuredClone` (a cache file, a worker thread):
 * the resources without their `source.position` function, the config, the file list and what loading
 * reported. The graph is not in it: `restoreSnapshot` rebuilds it with the model's `buildCatalog`.
 */
export interface CatalogSnapshot {
  config: ResolvedConfig;
  files: readonly string[];
  diagnostics: Diagnostic[];
  resources: SnapshotResource[];
}

/** A resource as data. `at` is the one position of a resource not read from frontmatter (config users). */
export type SnapshotResource = Omit<Resource, 'source'> & {
  source: Omit<Source, 'position'> & { at?: readonly [number, number] | undefined };
};

/** Resource files whose positions are read again from their frontmatter when asked. */
const frontmatterFile = /\.mdx?$/i;

/**
 * The snapshot of a loaded catalog. `bodies: false` leaves out every resource's Markdown body and what was
 * read from it (its `[[type|id]]` references and MDX imports, which make no edge), for a reader that draws
 * the graph and never shows a body: at bench L the bodies are 17.7 MB of the resources' text, and their
 * references 30 MB of the loaded model.
 */
export function snapshotOf(loaded: LoadedCatalog, options: { bodies?: boolean } = {}): CatalogSnapshot {
  const bodies = options.bodies ?? true;
  const resources = loaded.catalog.resources.map((r): SnapshotResource => {
    const { position, ...source } = r.source;
    const data = bodies ? r : { ...r, body: '', references: [], imports: [] };
    if (frontmatterFile.test(source.file)) return { ...data, source };
    return { ...data, source: { ...source, at: position('', false) } };
  });
  return { config: loaded.config, files: loaded.files, diagnostics: loaded.diagnostics, resources };
}

/**
 * The loaded catalog again, from a snapshot of the catalog at `root`. Positions are read from the file
 * (through the path policy) the first time a diagnostic asks for one; the graph is rebuilt.
 */
export function restoreSnapshot(root: string, snapshot: CatalogSnapshot): LoadedCatalog {
  const read = createRootReader(root);
  const resources = snapshot.resources.map((r): Resource => {
    const { at, ...rest } = r.source;
    let position: Source['position'];
    if (at) position = () => at;
    else {
      let parsed: Source['position'] | undefined;
      position = (key, atKey) => {
        parsed ??= parseFrontmatter(read(rest.file) ?? '').position;
        return parsed(key, atKey);
      };
    }
    return { ...r, source: { ...rest, position } } as Resource;
  });
  return {
    root,
    catalog: buildCatalog(resources).catalog,
    config: snapshot.config,
    diagnostics: snapshot.diagnostics,
    files: snapshot.files,
  };
}

/*
 * The file: one JSON header line, then the v8 serialization of the snapshot. The header says what the
 * snapshot was made from (`fingerprint`, given by the caller: the catalog's files and config and the code),
 * for which V8, and the payload's length and CRC-32, so a stale, foreign, cut or damaged file is refused
 * before it is deserialized.
 */
const format = 'switchyard-catalog-snapshot/1';

interface Header {
  format: string;
  v8: string;
  fingerprint: string;
  bytes: number;
  crc32: number;
}

/** Writes the snapshot of `loaded` to `file` whole or not at all (a temporary file renamed into place). */
export async function writeSnapshot(loaded: LoadedCatalog, file: string, fingerprint: string): Promise<void> {
  const payload = serialize(snapshotOf(loaded));
  const header: Header = {
    format,
    v8: process.versions.v8,
    fingerprint,
    bytes: payload.length,
    crc32: crc32(payload),
  };
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A snapshot read back: the catalog, and the fingerprint it was written with. */
export interface ReadSnapshot {
  loaded: LoadedCatalog;
  fingerprint: string;
}

/**
 * The catalog at `root` from the snapshot in `file`, when it reads back whole (and, given `fingerprint`,
 * was made from the catalog as it is: written with that fingerprint); undefined otherwise (no file, stale,
 * damaged, another format or V8 version): the caller loads the catalog instead.
 */
export function readSnapshot(root: string, file: string, fingerprint?: string): ReadSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(10);
  if (end < 0 || end > 4096) return undefined;
  let header: Partial<Header>;
  try {
    header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Partial<Header>;
  } catch {
    return undefined;
  }
  if (header.format !== format || header.v8 !== process.versions.v8) return undefined;
  if (typeof header.fingerprint !== 'string') return undefined;
  if (fingerprint !== undefined && header.fingerprint !== fingerprint) return undefined;
  const payload = bytes.subarray(end + 1);
  if (payload.length !== header.bytes || crc32(payload) !== header.crc32) return undefined;
  try {
    const snapshot = deserialize(payload) as CatalogSnapshot;
    if (!isSnapshot(snapshot)) return undefined;
    return { loaded: restoreSnapshot(root, snapshot), fingerprint: header.fingerprint };
  } catch {
    return undefined;
  }
}

function isSnapshot(value: unknown): value is CatalogSnapshot {
  const s = value as Partial<CatalogSnapshot> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.config === 'object' &&
    Array.isArray(s.files) &&
    Array.isArray(s.diagnostics) &&
    Array.isArray(s.resources) &&
    s.resources.every((r) => typeof r?.key === 'string' && typeof r.source?.file === 'string')
  );
}
