import type { Catalog } from '../catalog.js';
import type { Kind } from '../kinds/kind.js';
import type { Resource } from '../resource.js';
import { incomingToAnyVersion, isNewest, outgoingFrom, uniqueResources } from './_edges.js';

/** The domains and systems that list a resource (any version of it) under `services`, `systems`, `domains`... */
export function parentsOf(catalog: Catalog, resource: Resource, kind?: Kind): Resource[] {
  const parents = incomingToAnyVersion(catalog, resource, ['contains'])
    .map((e) => catalog.byKey.get(e.from))
    .filter((r): r is Resource => r !== undefined && isNewest(catalog, r) && (kind === undefined || r.kind === kind));
  return uniqueResources(parents);
}

/** What a domain or system lists, optionally of one kind. */
export function childrenOf(catalog: Catalog, container: Resource, kind?: Kind): Resource[] {
  return outgoingFrom(catalog, container, ['contains'])
    .map((e) => catalog.byKey.get(e.to))
    .filter((r): r is Resource => r !== undefined && (kind === undefined || r.kind === kind));
}

/**
 * Domains a resource belongs to, nearest first: domains that list it, domains that list a system that
 * lists it, then the parents of those domains (a subdomain's domain).
 */
export function domainsOf(catalog: Catalog, resource: Resource): Resource<'domain'>[] {
  const found: Resource[] = [];
  const seen = new Set<string>([resource.key]);
  let frontier = [resource];
  while (frontier.length > 0) {
    const next: Resource[] = [];
    for (const r of frontier) {
      for (const parent of parentsOf(catalog, r)) {
        if (seen.has(parent.key)) continue;
        seen.add(parent.key);
        if (parent.kind === 'domain') found.push(parent);
        if (parent.kind === 'domain' || parent.kind === 'system') next.push(parent);
      }
    }
    frontier = next;
  }
  return found as Resource<'domain'>[];
}

/** Systems a resource belongs to (systems that list it). */
export function systemsOf(catalog: Catalog, resource: Resource): Resource<'system'>[] {
  return parentsOf(catalog, resource, 'system') as Resource<'system'>[];
}

/** The domain that lists this domain under `domains`, if it is a subdomain. */
export function parentDomainOf(catalog: Catalog, domain: Resource): Resource<'domain'> | undefined {
  return parentsOf(catalog, domain, 'domain')[0] as Resource<'domain'> | undefined;
}

export function subdomainsOf(catalog: Catalog, domain: Resource): Resource<'domain'>[] {
  return childrenOf(catalog, domain, 'domain') as Resource<'domain'>[];
}

/**
 * Services of a domain: those it lists, and those of the systems it lists (a domain of systems
 * reaches its services through them).
 */
export function servicesOfDomain(catalog: Catalog, domain: Resource): Resource<'service'>[] {
  const direct = childrenOf(catalog, domain, 'service');
  const viaSystems = childrenOf(catalog, domain, 'system').flatMap((s) => childrenOf(catalog, s, 'service'));
  return uniqueResources([...direct, ...viaSystems]) as Resource<'service'>[];
}
