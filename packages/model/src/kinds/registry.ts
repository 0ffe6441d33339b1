import { adrKind } from './adr.js';
import { agentKind } from './agent.js';
import { changelogKind } from './changelog.js';
import { channelKind } from './channel.js';
import { containerKind } from './container.js';
import { dataProductKind } from './data-product.js';
import { diagramKind } from './diagram.js';
import { docKind } from './doc.js';
import { domainKind } from './domain.js';
import { entityKind } from './entity.js';
import { flowKind } from './flow.js';
import type { Kind, KindDef } from './kind.js';
import { commandKind, eventKind, queryKind } from './message.js';
import { serviceKind } from './service.js';
import { systemKind } from './system.js';
import { teamKind } from './team.js';
import { ubiquitousLanguageKind } from './ubiquitous-language.js';
import { userKind } from './user.js';

/** The definition of every kind, by kind. The one place a new kind is registered. */
export const kindDefs = {
  domain: domainKind,
  system: systemKind,
  service: serviceKind,
  event: eventKind,
  command: commandKind,
  query: queryKind,
  channel: channelKind,
  container: containerKind,
  flow: flowKind,
  entity: entityKind,
  agent: agentKind,
  adr: adrKind,
  'data-product': dataProductKind,
  diagram: diagramKind,
  team: teamKind,
  user: userKind,
  doc: docKind,
  changelog: changelogKind,
  'ubiquitous-language': ubiquitousLanguageKind,
} as const satisfies Record<Kind, KindDef>;

export type KindDefs = typeof kindDefs;

export function kindDef(kind: Kind): KindDef {
  return kindDefs[kind] as unknown as KindDef;
}

/** Finds a kind by its plural (`services`) or its own name (`service`). */
export function kindByPlural(plural: string): Kind | undefined {
  for (const def of Object.values(kindDefs))
    if (def.plural === plural || def.kind === plural) return def.kind;
  return undefined;
}

/** "entity", "data store", "ADR": a kind's label inside a sentence. */
export function singularLabel(kind: Kind): string {
  const label = kindDef(kind).label;
  return label === label.toUpperCase() ? label : label.toLowerCase();
}

/** "entities", "queries", "ADRs", "data stores": a kind's label in the plural, as people read it. */
export function pluralLabel(kind: Kind): string {
  const one = singularLabel(kind);
  return one.endsWith('y') ? `${one.slice(0, -1)}ies` : `${one}s`;
}
