import { join } from 'node:path';
import type { CatalogConfig } from '@switchyard/model';
import { readText } from './read-text.js';

/**
 * Which EventCatalog major version a catalog was written for, when it can be told: the
 * `@eventcatalog/core` dependency in the catalog's own package.json (as walked: links out are not followed), else settings only 1.x had in its
 * config (`users`, `basePath`, `primaryCTA`). Undefined when nothing says.
 */
export function detectEventCatalogMajor(
  root: string,
  config: CatalogConfig,
  files: readonly string[],
): number | undefined {
  const fromPackage = files.includes('package.json') ? packageMajor(root) : undefined;
  if (fromPackage !== undefined) return fromPackage;
  if (Array.isArray(config.users) || config.basePath !== undefined || config.primaryCTA !== undefined)
    return 1;
  return undefined;
}

function packageMajor(root: string): number | undefined {
  const read = readText(join(root, 'package.json'));
  if ('error' in read) return undefined;
  let pkg: unknown;
  try {
    pkg = JSON.parse(read.text);
  } catch {
    return undefined;
  }
  if (!pkg || typeof pkg !== 'object') return undefined;
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const deps = (pkg as Record<string, unknown>)[field];
    const spec =
      deps && typeof deps === 'object' ? (deps as Record<string, unknown>)['@eventcatalog/core'] : undefined;
    const major = typeof spec === 'string' ? /^[\^~>=v\s]*(\d+)/.exec(spec)?.[1] : undefined;
    if (major !== undefined) return Number(major);
  }
  return undefined;
}
