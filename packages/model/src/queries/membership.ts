import type { Catalog } from '../catalog.js';
import { isMessageKind, type Kind } from '../kinds/kind.js';
import type { Resource } from '../resource.js';
import { incomingToAnyVersion, isNewest, outgoingFrom, uniqueResources } from './_edges.js';
import { producersOf } from './messages.js';

/** The domains and systems that list a resource (any version of it) under `services`, `systems`, `domains`... */
export function parentsOf(catalog: Catalog, resource: Resource, kind?: Kind): Resource[] {
  const parents = incomingToAnyVersion(catalog, resource, ['contains'])
    .map((e) => catalog.byKey.get(e.from))
    .filter(
      (r): r is Resource =>
        r !== undefined && isNewest(catalog, r) && (kind === undefined || r.kind === kind),
    );
  return uniqueResources(parents);
}

/** What a domain or system lists, optionally of one kind. */
export function childrenOf(catalog: Catalog, container: Resource, kind?: Kind): Resource[] {
  return outgoingFrom(catalog, container, ['contains'])
    .map((e) => catalog.byKey.get(e.to))
    .filter((r): r is Resource => r !== undefined && (kind === undefined || r.kind === kind));
}

/**
 * The resources whose membership a resource shares: itself, or for a message that no domain or system
 * lists, the newest versions of the services (and domains, agents) that send it. A message belongs where
 * it is produced.
 */
function membershipAnchors(catalog: Catalog, resource: Resource): Resource[] {
  if (!isMessageKind(resource.kind) || parentsOf(catalog, resource).length > 0) return [resource];
  return uniqueResources(producersOf(catalog, resource, { anyVersion: true }).map((p) => p.resource));
}

/**
 * Domains a resource belongs to, nearest first: domains that list it, domains that list a system that
 * lists it, then the parents of those domains (a subdomain's domain). Messages belong to their producers' domains.
 */
export function domainsOf(catalog: Catalog, resource: Resource): Resource<'domain'>[] {
  const found: Resource[] = [];
  const anchors = membershipAnchors(catalog, resource);
  const seen = new Set<string>(anchors.map((a) => a.key));
  if (resource.kind === 'domain') return [];
  let frontier = anchors;
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

/** Systems a resource belongs to (systems that list it; for a message, its producers' systems). */
export function systemsOf(catalog: Catalog, resource: Resource): Resource<'system'>[] {
  const found = membershipAnchors(catalog, resource).flatMap((a) => parentsOf(catalog, a, 'system'));
  return uniqueResources(found) as Resource<'system'>[];
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
