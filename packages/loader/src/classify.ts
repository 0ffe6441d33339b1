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
const collections = new Map<string, Kind>(
  Object.entries({
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
  } satisfies Record<string, Kind>),
);

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
  const found = collectionKind(resourceParts);
  if (!found) return undefined;
  return versionFolder === undefined ? { kind: found, dir } : { kind: found, dir, versionFolder };
}

/**
 * The kind of the nearest collection folder above a resource folder. Folders between the collection and
 * the resource only group (`events/Billing/InvoicePaid/`, `services/Team/TeamService/`), at any depth, as
 * EventCatalog 2 and later read them; a `versioned` folder in between means the path is not a resource.
 */
function collectionKind(resourceParts: string[]): Kind | undefined {
  for (let i = resourceParts.length - 2; i >= 0; i--) {
    const name = resourceParts[i] as string;
    const kind = collections.get(name);
    if (kind) return kind;
    if (name === 'versioned') return undefined;
  }
  return undefined;
}
