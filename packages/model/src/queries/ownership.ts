import type { Catalog } from '../catalog.js';
import type { Resource } from '../resource.js';
import { incomingTo, isNewest, outgoingFrom, uniqueResources } from './_edges.js';

export interface Owners {
  teams: Resource<'team'>[];
  users: Resource<'user'>[];
}

/** The teams and users named in a resource's `owners`, teams first. */
export function ownersOf(catalog: Catalog, resource: Resource): Owners {
  const owners: Owners = { teams: [], users: [] };
  for (const e of outgoingFrom(catalog, resource, ['ownedBy'])) {
    const owner = catalog.byKey.get(e.to);
    if (owner?.kind === 'team') owners.teams.push(owner as Resource<'team'>);
    else if (owner?.kind === 'user') owners.users.push(owner as Resource<'user'>);
  }
  return owners;
}

/**
 * What a team or user owns: the newest version of each resource naming them in `owners`.
 * With `viaTeams`, a user also owns what the teams they belong to own.
 */
export function ownedBy(catalog: Catalog, owner: Resource, options: { viaTeams?: boolean } = {}): Resource[] {
  const direct = incomingTo(catalog, owner, ['ownedBy'])
    .map((e) => catalog.byKey.get(e.from))
    .filter((r): r is Resource => r !== undefined && isNewest(catalog, r));
  if (!options.viaTeams || owner.kind !== 'user') return direct;
  const viaTeams = teamsOf(catalog, owner).flatMap((t) => ownedBy(catalog, t));
  return uniqueResources([...direct, ...viaTeams]);
}

/** A team's members: users it lists in `members`, and users listing it in `associatedTeams`. */
export function membersOf(catalog: Catalog, team: Resource): Resource<'user'>[] {
  const listed = outgoingFrom(catalog, team, ['hasMember']).map((e) => catalog.byKey.get(e.to));
  const joined = incomingTo(catalog, team, ['memberOf']).map((e) => catalog.byKey.get(e.from));
  return uniqueResources(
    [...listed, ...joined].filter((r): r is Resource => r?.kind === 'user'),
  ) as Resource<'user'>[];
}

/** The teams a user belongs to, either way it is written. */
export function teamsOf(catalog: Catalog, user: Resource): Resource<'team'>[] {
  const listed = outgoingFrom(catalog, user, ['memberOf']).map((e) => catalog.byKey.get(e.to));
  const joined = incomingTo(catalog, user, ['hasMember']).map((e) => catalog.byKey.get(e.from));
  return uniqueResources(
    [...listed, ...joined].filter((r): r is Resource => r?.kind === 'team'),
  ) as Resource<'team'>[];
}
