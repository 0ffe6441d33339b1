import { z } from 'zod';
import type { FieldPath, FileSite, Kind, PointerSite, Relation } from './kind.js';

const text = z.string();
const nonEmpty = z.string().min(1, 'must not be empty');

/** `{id, version?}`; a missing version means latest. */
export const pointerSchema = z.strictObject({
  id: nonEmpty,
  version: text.optional(),
});
export type Pointer = z.infer<typeof pointerSchema>;

/** An owner: a team or user id, or `{id, collection}` to say which. */
export const ownerSchema = z.union([
  nonEmpty,
  z.strictObject({ id: nonEmpty, collection: z.enum(['teams', 'users']).optional() }),
]);

/**
 * A reference to another resource as EventCatalog's collections write it: the id, or `{id, collection}`
 * (and here also a version). Used where EventCatalog says `reference('services')`.
 */
export const referenceSchema = z.union([
  nonEmpty,
  z.strictObject({ id: nonEmpty, collection: text.optional(), version: text.optional() }),
]);
export type Reference = z.infer<typeof referenceSchema>;

/** `{content, ...}`; EventCatalog 1.x also wrote `tags` and `externalLinks` as `{label, url}`. */
const linkSchema = z.strictObject({ label: text, url: text.optional(), href: text.optional() });

export const badgeSchema = z.strictObject({
  content: text,
  backgroundColor: text.optional(),
  textColor: text.optional(),
  icon: text.optional(),
  url: text.optional(),
});

const specificationType = z.enum(['openapi', 'asyncapi', 'graphql']);
const headers = z.record(z.string(), z.string());

/** The array form `[{type, path, name?}]` and the legacy object `{openapiPath, asyncapiPath, graphqlPath}`. */
export const specificationsSchema = z.union([
  z.array(
    z.strictObject({
      type: specificationType,
      path: nonEmpty,
      name: text.optional(),
      headers: headers.optional(),
    }),
  ),
  z.strictObject({
    openapiPath: text.optional(),
    asyncapiPath: text.optional(),
    graphqlPath: text.optional(),
  }),
]);

export const attachmentSchema = z.union([
  text,
  z.strictObject({
    url: text,
    title: text.optional(),
    description: text.optional(),
    type: text.optional(),
    icon: text.optional(),
  }),
]);

/** Fields every versioned resource may have. Required: id, name, version. */
export const commonShape = {
  id: nonEmpty,
  name: nonEmpty,
  version: nonEmpty,
  summary: text.optional(),
  owners: z.array(ownerSchema).optional(),
  badges: z.array(badgeSchema).optional(),
  draft: z.union([z.boolean(), z.strictObject({ title: text.optional(), message: text })]).optional(),
  deprecated: z
    .union([
      z.boolean(),
      z.strictObject({ message: text.optional(), date: z.union([text, z.date()]).optional() }),
    ])
    .optional(),
  hidden: z.boolean().optional(),
  editUrl: text.optional(),
  repository: z.strictObject({ language: text.optional(), url: text.optional() }).optional(),
  schemaPath: text.optional(),
  specifications: specificationsSchema.optional(),
  sidebar: z
    .strictObject({
      label: text.optional(),
      badge: text.optional(),
      color: text.optional(),
      backgroundColor: text.optional(),
    })
    .optional(),
  styles: z
    .strictObject({
      icon: text.optional(),
      node: z.strictObject({ color: text.optional(), label: text.optional() }).optional(),
    })
    .optional(),
  resourceGroups: z
    .array(
      z.strictObject({
        id: text.optional(),
        title: text.optional(),
        items: z
          .array(z.strictObject({ id: nonEmpty, version: text.optional(), type: text.optional() }))
          .optional(),
        limit: z.number().optional(),
        sidebar: z.boolean().optional(),
      }),
    )
    .optional(),
  attachments: z.array(attachmentSchema).optional(),
  diagrams: z.array(pointerSchema).optional(),
  visualiser: z.boolean().optional(),
  /** Which boxes the page's details panel shows (`{producers: {visible: false}}`); every kind has its own. */
  detailsPanel: z.record(z.string(), z.unknown()).optional(),
  /** EventCatalog 1.x: `[{label, url}]` shown with the resource. */
  tags: z.array(linkSchema).optional(),
  externalLinks: z.array(linkSchema).optional(),
  /** Written by EventCatalog's own tools into frontmatter; accepted and not used. */
  versions: z.array(text).optional(),
  latestVersion: text.optional(),
  catalog: z.unknown().optional(),
};

type Common = {
  owners?: z.infer<typeof ownerSchema>[] | undefined;
  diagrams?: Pointer[] | undefined;
  schemaPath?: string | undefined;
  specifications?: z.infer<typeof specificationsSchema> | undefined;
  attachments?: z.infer<typeof attachmentSchema>[] | undefined;
};

/** Sites for a list of plain pointers. */
export function pointerList(
  list: readonly Pointer[] | undefined,
  path: FieldPath,
  targets: readonly Kind[],
  relation: Relation,
): PointerSite[] {
  if (!list) return [];
  return list.map((p, i) => ({ path: [...path, i], id: p.id, version: p.version, targets, relation }));
}

/**
 * Fields EventCatalog 4 gives teams and users besides their own: where they were synced from, and the
 * `owned*` lists it fills in itself (ownership here is read from resources' `owners`, so these are kept
 * only so that a catalog written by EventCatalog's tools reads cleanly).
 */
export const peopleShape = {
  source: z.strictObject({ provider: text, id: text.optional(), url: text.optional() }).optional(),
  readOnly: z.boolean().optional(),
  ownedAgents: z.array(z.unknown()).optional(),
  ownedDomains: z.array(z.unknown()).optional(),
  ownedServices: z.array(z.unknown()).optional(),
  ownedEvents: z.array(z.unknown()).optional(),
  ownedCommands: z.array(z.unknown()).optional(),
  ownedQueries: z.array(z.unknown()).optional(),
};

/**
 * Sites for a list of references (`reference('services')`). `reverse` makes the edge run from what is
 * named to the writer (a data store's `services` that write to it); `byName` lets 1.x lists name by name.
 */
export function referenceList(
  list: readonly Reference[] | undefined,
  path: FieldPath,
  targets: readonly Kind[],
  relation: Relation,
  options: { reverse?: true; byName?: true } = {},
): PointerSite[] {
  return (list ?? []).map((r, i) => ({
    path: [...path, i],
    id: typeof r === 'string' ? r : r.id,
    version: typeof r === 'string' ? undefined : r.version,
    targets,
    relation,
    ...options,
  }));
}

/** Sites for `owners`: teams first, then users, reported as unknown-owner when neither exists. */
export function ownerSites(
  owners: Common['owners'],
  path: FieldPath = ['owners'],
  relation: Relation = 'ownedBy',
) {
  if (!owners) return [];
  return owners.map((o, i): PointerSite => {
    const id = typeof o === 'string' ? o : o.id;
    const collection = typeof o === 'string' ? undefined : o.collection;
    const targets: Kind[] =
      collection === 'users' ? ['user'] : collection === 'teams' ? ['team'] : ['team', 'user'];
    return { path: [...path, i], id, targets, relation, unknownCode: 'unknown-owner' };
  });
}

/** Pointers every versioned resource may hold: owners and diagrams. */
export function commonPointers(data: Common): PointerSite[] {
  return [...ownerSites(data.owners), ...pointerList(data.diagrams, ['diagrams'], ['diagram'], 'hasDiagram')];
}

/** Files every versioned resource may name: schemaPath, specifications, local attachments. */
export function commonFiles(
  data: Common & { schemas?: { path?: string | undefined; file?: string | undefined }[] | undefined },
): FileSite[] {
  const sites: FileSite[] = [];
  if (data.schemaPath) sites.push({ path: ['schemaPath'], file: data.schemaPath, role: 'schema' });
  data.schemas?.forEach((s, i) => {
    // EventCatalog 4 names the file `path` or `file`; entries with only an `id` or `ref` name none.
    const field = s.path !== undefined ? 'path' : 'file';
    const file = s[field];
    if (file) sites.push({ path: ['schemas', i, field], file, role: 'schema' });
  });
  const specs = data.specifications;
  if (Array.isArray(specs)) {
    specs.forEach((s, i) => {
      sites.push({ path: ['specifications', i, 'path'], file: s.path, role: 'specification' });
    });
  } else if (specs) {
    for (const key of ['openapiPath', 'asyncapiPath', 'graphqlPath'] as const) {
      const file = specs[key];
      if (file) sites.push({ path: ['specifications', key], file, role: 'specification' });
    }
  }
  return sites;
}
