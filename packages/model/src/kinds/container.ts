import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, referenceList, referenceSchema } from './_shared.js';

const reverse = { reverse: true } as const;

import { defineKind } from './kind.js';

export const containerSchema = z.object({
  ...commonShape,
  container_type: z
    .enum([
      'database',
      'cache',
      'objectStore',
      'searchIndex',
      'dataWarehouse',
      'dataLake',
      'externalSaaS',
      'other',
    ])
    .optional(),
  technology: z.string().optional(),
  purpose: z.string().optional(),
  authoritative: z.boolean().optional(),
  access_mode: z.string().optional(),
  classification: z.string().optional(),
  residency: z.string().optional(),
  retention: z.string().optional(),
  /** Who reads and writes the store, written on the store (the same edges as their writesTo/readsFrom). */
  services: z.array(referenceSchema).optional(),
  servicesThatWriteToContainer: z.array(referenceSchema).optional(),
  servicesThatReadFromContainer: z.array(referenceSchema).optional(),
  dataProductsThatWriteToContainer: z.array(referenceSchema).optional(),
  dataProductsThatReadFromContainer: z.array(referenceSchema).optional(),
});
export type Container = z.infer<typeof containerSchema>;

/** A data store (database, cache, bucket, index...). EventCatalog calls it a container. */
export const containerKind = defineKind({
  kind: 'container',
  plural: 'containers',
  label: 'Data store',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: containerSchema,
  pointers: (c) => [
    ...commonPointers(c),
    ...referenceList(c.services, ['services'], ['service'], 'uses', reverse),
    ...referenceList(
      c.servicesThatWriteToContainer,
      ['servicesThatWriteToContainer'],
      ['service'],
      'writesTo',
      reverse,
    ),
    ...referenceList(
      c.servicesThatReadFromContainer,
      ['servicesThatReadFromContainer'],
      ['service'],
      'readsFrom',
      reverse,
    ),
    ...referenceList(
      c.dataProductsThatWriteToContainer,
      ['dataProductsThatWriteToContainer'],
      ['data-product'],
      'writesTo',
      reverse,
    ),
    ...referenceList(
      c.dataProductsThatReadFromContainer,
      ['dataProductsThatReadFromContainer'],
      ['data-product'],
      'readsFrom',
      reverse,
    ),
  ],
  files: commonFiles,
});
