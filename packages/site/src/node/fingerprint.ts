import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedCatalog } from '@switchyard/loader';

/**
 * What a build's output depends on, as one hash: the resolved config, every file of the catalog (path,
 * size and modification time) and Switchyard's own code. Equal fingerprints mean an equal site, so a
 * rebuild with nothing changed can stop after loading.
 */
export function buildFingerprint(loaded: LoadedCatalog): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(loaded.config));
  for (const file of loaded.files) hash.update(`\n${file}:${stamp(join(loaded.root, file))}`);
  for (const dir of codeDirs()) for (const file of listFiles(dir)) hash.update(`\n${file}:${stamp(file)}`);
  return hash.digest('hex');
}

/** Written in the output folder's marker: the fingerprint and what the build reported. */
export interface BuildRecord<Result> {
  note: string;
  fingerprint: string;
  result: Result;
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
