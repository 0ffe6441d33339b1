import type { Kind } from '@switchyard/model';

/** What a file in the catalog is, read from its place in the folder tree (never from its content). */
export type Placement =
  | {
      kind: Kind;
      /** The resource's folder, relative to the root. */
      dir: string;
      /** For `<resource>/versioned/<v>/index.md`, the `<v>` folder name. */
      versionFolder?: string;
    }
  | { kind: 'changelog' | 'ubiquitous-language'; dir: string; attachment: true };

/** Collection folders whose direct children are resources of a kind. */
const collections: Record<string, Kind> = {
  domains: 'domain',
  subdomains: 'domain',
  systems: 'system',
  services: 'service',
  events: 'event',
  commands: 'command',
  queries: 'query',
  channels: 'channel',
  containers: 'container',
  flows: 'flow',
  diagrams: 'diagram',
  entities: 'entity',
  agents: 'agent',
  adrs: 'adr',
  'data-products': 'data-product',
};

/** Collections that may group their resources in sub-folders (`channels/payments/outcomes/index.md`). */
const nestable = new Set(['channels', 'containers', 'flows', 'diagrams']);

const markdown = /\.mdx?$/;

/** Folders never read: dependencies, build output, assets, custom Astro code and layouts. */
export const ignoredRootFolders = new Set([
  'node_modules',
  'dist',
  'public',
  '_data',
  'components',
  'pages',
  'layouts',
]);

/**
 * Where a `/`-separated path relative to the catalog root sits in the EventCatalog layout,
 * or undefined for files that are not resources (assets, READMEs, schemas).
 */
export function classify(path: string): Placement | undefined {
  if (!markdown.test(path)) return undefined;
  const parts = path.split('/');
  const file = parts[parts.length - 1] as string;
  const dirParts = parts.slice(0, -1);
  const dir = dirParts.join('/');
  if (parts.length === 2 && (parts[0] === 'teams' || parts[0] === 'users')) {
    return { kind: parts[0] === 'teams' ? 'team' : 'user', dir };
  }
  if (parts[0] === 'docs' && parts.length >= 2) return { kind: 'doc', dir };
  const base = file.replace(markdown, '');
  if (base === 'changelog') return { kind: 'changelog', dir, attachment: true };
  if (base === 'ubiquitous-language') return { kind: 'ubiquitous-language', dir, attachment: true };
  if (base !== 'index') return undefined;

  let resourceParts = dirParts;
  let versionFolder: string | undefined;
  if (dirParts.length >= 3 && dirParts[dirParts.length - 2] === 'versioned') {
    versionFolder = dirParts[dirParts.length - 1];
    resourceParts = dirParts.slice(0, -2);
  }
  if (resourceParts.length < 2) return undefined;
  const direct = collections[resourceParts[resourceParts.length - 2] as string];
  const found = direct ?? nestedKind(resourceParts);
  if (!found) return undefined;
  return versionFolder === undefined ? { kind: found, dir } : { kind: found, dir, versionFolder };
}

/** For grouping folders inside a nestable collection: the nearest nestable collection above, if no other intervenes. */
function nestedKind(resourceParts: string[]): Kind | undefined {
  for (let i = resourceParts.length - 3; i >= 0; i--) {
    const name = resourceParts[i] as string;
    if (nestable.has(name)) return collections[name];
    if (collections[name] || name === 'versioned') return undefined;
  }
  return undefined;
}
