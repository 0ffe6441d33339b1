import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** A catalog folder to compare, and how to clean it up when it was extracted from git. */
export interface CatalogSource {
  dir: string;
  /** `HEAD~1`, a folder path, or "working tree". */
  label: string;
  dispose(): void;
}

function git(args: string[], cwd: string) {
  return spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 });
}

/**
 * A folder as is, or a git revision of the catalog folder `dir`: `git archive` of the revision, limited to
 * the catalog's path inside the repository, unpacked into a temporary folder.
 */
export function openSource(spec: string, dir: string, cwd: string): CatalogSource {
  const asFolder = resolve(cwd, spec);
  if (existsSync(asFolder) && statSync(asFolder).isDirectory()) {
    return { dir: asFolder, label: spec, dispose: () => {} };
  }
  const top = git(['rev-parse', '--show-toplevel'], dir);
  if (top.status !== 0) {
    throw new UsageError(`"${spec}" is not a folder, and ${dir} is not inside a git repository.`);
  }
  const prefix = git(['rev-parse', '--show-prefix'], dir).stdout.toString().trim();
  const root = top.stdout.toString().trim();
  const verified = git(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], root);
  if (verified.status !== 0) throw new UsageError(`"${spec}" is neither a folder nor a git revision.`);
  const archive = git(['archive', '--format=tar', spec, ...(prefix ? [prefix] : [])], root);
  if (archive.status !== 0) {
    throw new UsageError(`git archive ${spec} failed: ${archive.stderr.toString().trim()}`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'switchyard-diff-'));
  const untar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout });
  if (untar.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tar could not unpack ${spec}: ${untar.stderr.toString().trim()}`);
  }
  return {
    dir: join(tmp, prefix),
    label: spec,
    dispose: () => rmSync(tmp, { recursive: true, force: true }),
  };
}
