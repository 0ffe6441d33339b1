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

export const badgeSchema = z.strictObject({
  content: text,
  backgroundColor: text.optional(),
  textColor: text.optional(),
  icon: text.optional(),
  url: text.optional(),
});

const specificationType = z.enum(['openapi', 'asyncapi', 'graphql']);

/** The array form `[{type, path, name?}]` and the legacy object `{openapiPath, asyncapiPath, graphqlPath}`. */
export const specificationsSchema = z.union([
  z.array(z.strictObject({ type: specificationType, path: nonEmpty, name: text.optional() })),
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
  sidebar: z.strictObject({ label: text.optional(), badge: text.optional() }).optional(),
  styles: z
    .strictObject({
      icon: text.optional(),
      node: z.strictObject({ color: text.optional(), label: text.optional() }).optional(),
    })
    .optional(),
  resourceGroups: z.array(z.looseObject({ id: text.optional(), title: text.optional() })).optional(),
  attachments: z.array(attachmentSchema).optional(),
  diagrams: z.array(pointerSchema).optional(),
  visualiser: z.boolean().optional(),
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
export function commonFiles(data: Common & { schemas?: { path: string }[] | undefined }): FileSite[] {
  const sites: FileSite[] = [];
  if (data.schemaPath) sites.push({ path: ['schemaPath'], file: data.schemaPath, role: 'schema' });
  data.schemas?.forEach((s, i) => {
    sites.push({ path: ['schemas', i, 'path'], file: s.path, role: 'schema' });
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
