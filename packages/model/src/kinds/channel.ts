import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind } from './kind.js';

export const channelSchema = z.object({
  ...commonShape,
  /** May hold `{param}` placeholders named in `parameters`. */
  address: z.string().optional(),
  protocols: z.array(z.string()).optional(),
  deliveryGuarantee: z.string().optional(),
  parameters: z
    .record(
      z.string(),
      z.strictObject({
        enum: z.array(z.string()).optional(),
        default: z.string().optional(),
        description: z.string().optional(),
        examples: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  routes: z.array(pointerSchema).optional(),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelKind = defineKind({
  kind: 'channel',
  plural: 'channels',
  label: 'Channel',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: channelSchema,
  pointers: (c) => [...commonPointers(c), ...pointerList(c.routes, ['routes'], ['channel'], 'routesTo')],
  files: commonFiles,
});
