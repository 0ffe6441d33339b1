import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FederationSource } from './federation-config.js';

const run = promisify(execFile);

/** A source made available on disk: the folder to load, and for git the commit checked out. */
export interface FetchedSource {
  source: FederationSource;
  folder: string;
  commit?: string;
}

/** Where git sources are cloned: inside the hub's `.switchyard/` folder, which loading skips. */
export const federationCache = (hubRoot: string) => join(hubRoot, '.switchyard', 'federation');

/**
 * Makes a source's catalog folder available. A path is used where it is. A git source is cloned once into
 * the cache, then fetched; it is checked out at `pin` (the lock file's commit) when given, else at `ref`.
 */
export async function fetchSource(
  hubRoot: string,
  source: FederationSource,
  pin?: string,
): Promise<FetchedSource> {
  if (source.path) return { source, folder: resolve(hubRoot, source.path) };
  const url = source.git as string;
  const repo = join(federationCache(hubRoot), source.name);
  const remote =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url) ? url : resolve(hubRoot, url);
  if (!existsSync(join(repo, '.git'))) {
    await mkdir(federationCache(hubRoot), { recursive: true });
    await git(hubRoot, ['clone', '--quiet', '--no-checkout', '--', remote, repo]);
  } else {
    await git(repo, ['remote', 'set-url', 'origin', remote]);
    await git(repo, ['fetch', '--quiet', '--tags', 'origin']);
  }
  const target = pin ?? (await resolveRef(repo, source.ref));
  await git(repo, ['checkout', '--quiet', '--force', '--detach', target]);
  const commit = (await git(repo, ['rev-parse', 'HEAD'])).trim();
  const folder = source.dir ? resolve(repo, source.dir) : repo;
  const inside = relative(repo, folder);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new Error(`"dir" ${source.dir} leads outside the repository.`);
  return { source, folder, commit };
}

async function resolveRef(repo: string, ref: string | undefined): Promise<string> {
  const candidates = ref ? [`origin/${ref}`, ref] : ['origin/HEAD'];
  for (const candidate of candidates) {
    const found = await git(repo, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]).catch(
      () => '',
    );
    if (found.trim()) return found.trim();
  }
  throw new Error(`the ref "${ref ?? 'HEAD'}" is not in the repository.`);
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, {
      cwd,
      // No prompts, and only transports that fetch data (never `ext::`, which runs commands).
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ALLOW_PROTOCOL: 'file:git:http:https:ssh' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`git ${args[0]} failed: ${(e.stderr || e.message).trim().split('\n')[0]}`);
  }
}
