/** The machine and commit a benchmark ran on, and the catalogs beside the repository it builds. */
import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** EventCatalog's own example catalog, beside the repository (it may be absent). */
export const fixtureDir = join(repoRoot, '../shared/fixtures/eventcatalog-acme');
export const exampleDir = join(repoRoot, 'examples/acme');

/** The commit measured, `+` when the work tree has changes; null outside a git checkout. */
function commitOf(dir: string): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? '+' : ''}`;
  } catch {
    return null;
  }
}

export function environment() {
  const cpuList = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${release()}`,
    arch: process.arch,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    commit: commitOf(repoRoot),
  };
}
