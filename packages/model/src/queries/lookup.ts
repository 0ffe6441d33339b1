import type { Catalog } from '../catalog.js';
import type { Kind } from '../kinds/kind.js';
import { kindDefs } from '../kinds/registry.js';
import type { NodeKey } from '../ref.js';
import type { DataOf, Resource } from '../resource.js';
import { resolveVersion } from '../version.js';

/**
 * A resource by kind, id and version. The version may be exact, `latest` (or missing), a range
 * (`^1.0.0`, `~1.2`) or an x-pattern (`1.x`): the highest matching version is returned.
 */
export function getResource<K extends Kind>(
  catalog: Catalog,
  kind: K,
  id: string,
  version?: string,
): Resource<K> | undefined {
  const list = catalog.versions.get(`${kind}:${id}`);
  if (!list) return undefined;
  const picked = resolveVersion(
    list.map((r) => r.version),
    version,
  );
  return list.find((r) => r.version === picked) as Resource<K> | undefined;
}

export function getByKey(catalog: Catalog, key: NodeKey): Resource | undefined {
  return catalog.byKey.get(key);
}

/** Every version of a resource, newest first. */
export function versionsOf(catalog: Catalog, kind: Kind, id: string): readonly Resource[] {
  return catalog.versions.get(`${kind}:${id}`) ?? [];
}

export function latestOf<K extends Kind>(catalog: Catalog, kind: K, id: string): Resource<K> | undefined {
  return versionsOf(catalog, kind, id)[0] as Resource<K> | undefined;
}

export function isLatest(catalog: Catalog, resource: Resource): boolean {
  return versionsOf(catalog, resource.kind, resource.id)[0] === resource;
}

/** The newest version of every resource of a kind (or every version with `allVersions`). */
export function resourcesOf<K extends Kind>(
  catalog: Catalog,
  kind: K,
  options: { allVersions?: boolean } = {},
): readonly Resource<K>[] {
  if (options.allVersions) return catalog.resources.filter((r) => r.kind === kind) as Resource<K>[];
  return (catalog.latestByKind.get(kind) ?? []) as Resource<K>[];
}

/** Typed frontmatter of a resource of a known kind. */
export function dataOf<K extends Kind>(resource: Resource<K>): DataOf<K> {
  return resource.data;
}

export type Counts = Record<Kind, number> & { versions: number };

/** How many resources of each kind (current versions), and how many older versions in all. */
export function countResources(catalog: Catalog): Counts {
  const counts = { versions: 0 } as Counts;
  for (const kind of Object.keys(kindDefs) as Kind[]) counts[kind] = 0;
  for (const list of catalog.versions.values()) {
    const newest = list[0] as Resource;
    counts[newest.kind] += 1;
    if (newest.kind !== 'changelog' && newest.kind !== 'ubiquitous-language')
      counts.versions += list.length - 1;
  }
  return counts;
}
