import type { z } from 'zod';

/** Every kind of resource a catalog holds. */
export const kinds = [
  'domain',
  'system',
  'service',
  'event',
  'command',
  'query',
  'channel',
  'container',
  'flow',
  'entity',
  'agent',
  'adr',
  'data-product',
  'diagram',
  'team',
  'user',
  'doc',
  'changelog',
  'ubiquitous-language',
] as const;

export type Kind = (typeof kinds)[number];

export const messageKinds = ['event', 'command', 'query'] as const satisfies readonly Kind[];
export type MessageKind = (typeof messageKinds)[number];

export function isKind(value: string): value is Kind {
  return (kinds as readonly string[]).includes(value);
}

export function isMessageKind(kind: Kind): kind is MessageKind {
  return (messageKinds as readonly string[]).includes(kind);
}

/** A path into frontmatter, as zod and the yaml document API both speak it. */
export type FieldPath = readonly (string | number)[];

/**
 * Named relations. Each reads "<from> <relation> <to>"; `inverseRelation` names the other direction
 * so pages can say "sent by", "owner of", and so on.
 */
export const relations = {
  contains: 'containedIn',
  sends: 'sentBy',
  receives: 'receivedBy',
  sendsTo: 'carriesFrom',
  receivesFrom: 'carriesTo',
  triggers: 'triggeredBy',
  travelsOn: 'carries',
  writesTo: 'writtenBy',
  readsFrom: 'readBy',
  uses: 'usedBy',
  ownedBy: 'ownerOf',
  hasMember: 'memberOf',
  memberOf: 'hasMember',
  routesTo: 'routedFrom',
  relatesTo: 'relatedFrom',
  step: 'stepOf',
  appliesTo: 'governedBy',
  supersedes: 'supersededBy',
  supersededBy: 'supersedes',
  amends: 'amendedBy',
  amendedBy: 'amends',
  related: 'related',
  decidedBy: 'decided',
  references: 'referencedBy',
  hasDiagram: 'diagramOf',
  input: 'inputOf',
  output: 'outputOf',
} as const;

export type Relation = keyof typeof relations;

/** A pointer written in a resource's frontmatter, and where. */
export interface PointerSite {
  path: FieldPath;
  id: string;
  version?: string | undefined;
  /** Kinds the pointer may name, tried in order (owners: teams first, then users). */
  targets: readonly Kind[];
  relation: Relation;
  /** The pointer this one qualifies (the send a channel belongs to, the receive a trigger belongs to). */
  parent?: PointerSite;
  label?: string | undefined;
  /** Diagnostic to use when nothing matches (owners are warnings, everything else errors). */
  unknownCode?: 'unknown-owner';
  /**
   * The edge runs from what is named to the resource writing it: EventCatalog 1.x messages list their
   * `producers`, which makes the same `sends` edge a service's own `sends` makes.
   */
  reverse?: true;
  /** The pointer may name its target by `name` when no id matches (1.x named services, not ids). */
  byName?: true;
}

/** A file named in frontmatter, relative to the resource's folder. */
export interface FileSite {
  path: FieldPath;
  file: string;
  role: 'schema' | 'specification' | 'attachment';
}

/** A problem a kind finds in its own data that its schema cannot express (e.g. a flow step pointing to no step). */
export interface KindIssue {
  code: 'flow-step-unknown-next' | 'flow-step-duplicate-id' | 'invalid-frontmatter';
  path: FieldPath;
  message: string;
}

/**
 * What shared code needs to know about a kind. Shared code never branches on a specific kind:
 * each kind declares its schema, its pointers, its files and its own checks.
 */
export interface KindDef<S extends z.ZodObject = z.ZodObject> {
  kind: Kind;
  /** Folder and URL segment: `services`, `data-products`. */
  plural: string;
  /** Shown to people: `Service`, `Data store`. */
  label: string;
  /** Resources of this kind have versions (teams, users and custom docs do not). */
  versioned: boolean;
  /**
   * Where a resource's id comes from: its frontmatter `id`; its path (custom docs: `flows/01-place-an-order`);
   * or the resource it sits beside (a changelog, a domain's ubiquitous language), whose id and version it takes.
   */
  identifiedBy: 'frontmatter' | 'path' | 'attachment';
  schema: S;
  pointers(data: z.infer<S>): PointerSite[];
  files?(data: z.infer<S>): FileSite[];
  check?(data: z.infer<S>): KindIssue[];
}

export function defineKind<S extends z.ZodObject>(def: KindDef<S>): KindDef<S> {
  return def;
}
