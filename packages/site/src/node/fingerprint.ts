import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedCatalog } from '@switchyard/loader';
import type { Counts, Diagnostic, ResolvedConfig } from '@switchyard/model';

/**
 * What a build's output depends on, as one hash: the resolved config, every file of the catalog (path,
 * size and modification time) and Switchyard's own code. Equal fingerprints mean an equal site, so a
 * rebuild with nothing changed can stop after loading.
 */
export function buildFingerprint(loaded: LoadedCatalog): string {
  return fingerprintOf(loaded.config, loaded.root, loaded.files);
}

/** The same fingerprint from the config and the file list alone, before the catalog is read. */
export function fingerprintOf(config: ResolvedConfig, root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of fingerprintParts(config, root, files)) hash.update(part);
  return hash.digest('hex');
}

/**
 * The same fingerprint, letting other work run every 2,000 files: a server that answers from a snapshot
 * checks it against the catalog meanwhile, and a stat of 50,000 files must not hold its first answers.
 */
export async function fingerprintInTurns(
  config: ResolvedConfig,
  root: string,
  files: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  let n = 0;
  for (const part of fingerprintParts(config, root, files)) {
    hash.update(part);
    if (++n % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/** What the fingerprint hashes, in order: the config, then each catalog file and code file with its stamp. */
function* fingerprintParts(
  config: ResolvedConfig,
  root: string,
  files: readonly string[],
): Generator<string> {
  yield JSON.stringify(config);
  for (const file of files) yield `\n${file}:${stamp(join(root, file))}`;
  yield* codeParts();
}

/** Each file of Switchyard's compiled code with its stamp. */
function* codeParts(): Generator<string> {
  for (const dir of codeDirs()) for (const file of listFiles(dir)) yield `\n${file}:${stamp(file)}`;
}

/** Written in the output folder's marker: the fingerprint and what the build reported. */
export interface BuildRecord<Result> {
  note: string;
  fingerprint: string;
  result: Result;
  /** What loading the catalog reported, so an up-to-date check that does not load can report it again. */
  load?: { diagnostics: Diagnostic[]; counts: Counts };
}

export function readBuildRecord<Result>(markerFile: string): BuildRecord<Result> | undefined {
  try {
    const record = JSON.parse(readFileSync(markerFile, 'utf8')) as BuildRecord<Result>;
    return typeof record.fingerprint === 'string' ? record : undefined;
  } catch {
    return undefined; // A marker from an older build, or none: build.
  }
}

function stamp(path: string): string {
  try {
    const info = statSync(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return 'gone';
  }
}

let codeHash: string | undefined;
/**
 * Switchyard's own compiled code, as a hash of each file's path and stamp: what a cache of drawn output
 * (the layout cache) is only good for. Computed once per process.
 */
export function codeFingerprint(): string {
  if (codeHash === undefined) {
    const hash = createHash('sha256');
    for (const part of codeParts()) hash.update(part);
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

let code: string[] | undefined;
/** The compiled code of the packages a build runs (this one, and the ones it imports). */
function codeDirs(): string[] {
  code ??= [
    '@switchyard/model',
    '@switchyard/loader',
    '@switchyard/schemas',
    '@switchyard/api',
    '@switchyard/site',
  ].flatMap((name) => {
    try {
      const dist = dirname(fileURLToPath(import.meta.resolve(name)));
      return name === '@switchyard/site' ? [dist, join(dist, '../assets')] : [dist];
    } catch {
      return [];
    }
  });
  return code;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js') || entry.name.endsWith('.css')) out.push(path);
    }
  };
  try {
    walk(dir);
  } catch {
    // A package laid out differently: its files are simply not part of the fingerprint.
  }
  return out.sort();
}
