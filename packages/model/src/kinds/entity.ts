import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, referenceList, referenceSchema } from './_shared.js';
import { defineKind, type FieldPath, isKind, type PointerSite } from './kind.js';

export interface EntityProperty {
  name: string;
  type: string;
  required?: boolean | undefined;
  description?: string | undefined;
  references?: string | undefined;
  referenceTarget?: string | undefined;
  referencesIdentifier?: string | undefined;
  relationType?: string | undefined;
  enum?: (string | number)[] | undefined;
  properties?: EntityProperty[] | undefined;
  items?: { type: string; properties?: EntityProperty[] | undefined } | undefined;
}

export const entityPropertySchema: z.ZodType<EntityProperty> = z.lazy(() =>
  z.strictObject({
    name: z.string().min(1),
    type: z.string(),
    required: z.boolean().optional(),
    description: z.string().optional(),
    references: z.string().optional(),
    referenceTarget: z.string().optional(),
    referencesIdentifier: z.string().optional(),
    relationType: z.string().optional(),
    enum: z.array(z.union([z.string(), z.number()])).optional(),
    properties: z.array(entityPropertySchema).optional(),
    items: z
      .strictObject({ type: z.string(), properties: z.array(entityPropertySchema).optional() })
      .optional(),
  }),
);

export const entitySchema = z.object({
  ...commonShape,
  aggregateRoot: z.boolean().optional(),
  identifier: z.string().optional(),
  properties: z.array(entityPropertySchema).optional(),
  /** Services and domains that use the entity, written on the entity (EventCatalog 4). */
  services: z.array(referenceSchema).optional(),
  domains: z.array(referenceSchema).optional(),
});
export type Entity = z.infer<typeof entitySchema>;

/** `references` on a property points to another entity (or the kind named by `referenceTarget`). */
function referenceSites(
  props: EntityProperty[] | undefined,
  path: FieldPath,
  out: PointerSite[],
): PointerSite[] {
  props?.forEach((p, i) => {
    const here = [...path, i];
    if (p.references) {
      const target = p.referenceTarget && isKind(p.referenceTarget) ? p.referenceTarget : 'entity';
      out.push({
        path: [...here, 'references'],
        id: p.references,
        targets: [target],
        relation: 'references',
        label: p.name,
      });
    }
    referenceSites(p.properties, [...here, 'properties'], out);
    referenceSites(p.items?.properties, [...here, 'items', 'properties'], out);
  });
  return out;
}

export const entityKind = defineKind({
  kind: 'entity',
  plural: 'entities',
  label: 'Entity',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: entitySchema,
  pointers: (e) => [
    ...commonPointers(e),
    ...referenceSites(e.properties, ['properties'], []),
    ...referenceList(e.services, ['services'], ['service'], 'uses', { reverse: true }),
    ...referenceList(e.domains, ['domains'], ['domain'], 'contains', { reverse: true }),
  ],
  files: commonFiles,
});
