import type { CatalogState } from '@switchyard/api';
import { domainsOf, getResource, ownedBy, type Resource } from '@switchyard/model';

/** `domain:<id>`: what a scoped server may show. */
export interface Scope {
  domain: string;
}

export function parseScope(text: string | undefined): Scope | undefined {
  if (text === undefined) return undefined;
  const match = /^domain:([^@\s]+)$/.exec(text.trim());
  if (!match) throw new Error(`--scope must be "domain:<id>", not "${text}".`);
  return { domain: match[1] as string };
}

export type Visibility = (resource: Resource) => boolean;

/**
 * Which resources a server shows. Unscoped: all. Scoped to a domain: the domain, its subdomains, and what
 * belongs to them as the model's `domainsOf` defines it (what they list, what their systems list, messages
 * their services send); teams and users only when they own something visible. Answers are cached per
 * catalog, since a reload replaces the state.
 */
export function visibilityFor(state: CatalogState, scope: Scope | undefined): Visibility {
  if (!scope) return () => true;
  const { catalog } = state;
  if (!getResource(catalog, 'domain', scope.domain))
    throw new Error(`--scope names domain "${scope.domain}", which the catalog does not have.`);
  const cache = new Map<string, boolean>();
  const inDomain = (r: Resource) =>
    (r.kind === 'domain' && r.id === scope.domain) ||
    domainsOf(catalog, r).some((d) => d.id === scope.domain);
  const visible: Visibility = (r) => {
    const known = cache.get(r.key);
    if (known !== undefined) return known;
    cache.set(r.key, false);
    const answer =
      r.kind === 'team' || r.kind === 'user'
        ? ownedBy(catalog, r).some((owned) => inDomain(owned))
        : inDomain(r);
    cache.set(r.key, answer);
    return answer;
  };
  return visible;
}
