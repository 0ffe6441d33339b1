import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, pointerSchema } from './_shared.js';
import { defineKind, kinds, type PointerSite } from './kind.js';

const port = pointerSchema.extend({ contract: z.looseObject({}).optional() });

export const dataProductSchema = z.object({
  ...commonShape,
  inputs: z.array(port).optional(),
  outputs: z.array(port).optional(),
});
export type DataProduct = z.infer<typeof dataProductSchema>;

export const dataProductKind = defineKind({
  kind: 'data-product',
  plural: 'data-products',
  label: 'Data product',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: dataProductSchema,
  pointers: (d) => {
    const ports = (
      list: z.infer<typeof port>[] | undefined,
      field: 'inputs' | 'outputs',
      relation: 'input' | 'output',
    ) =>
      (list ?? []).map(
        (p, i): PointerSite => ({ path: [field, i], id: p.id, version: p.version, targets: kinds, relation }),
      );
    return [
      ...commonPointers(d),
      ...ports(d.inputs, 'inputs', 'input'),
      ...ports(d.outputs, 'outputs', 'output'),
    ];
  },
  files: commonFiles,
});
