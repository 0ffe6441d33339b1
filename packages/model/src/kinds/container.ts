import { z } from 'zod';
import { commonFiles, commonPointers, commonShape } from './_shared.js';
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
  pointers: commonPointers,
  files: commonFiles,
});
