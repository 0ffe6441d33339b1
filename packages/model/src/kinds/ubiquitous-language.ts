import { z } from 'zod';
import { defineKind } from './kind.js';

export const ubiquitousLanguageSchema = z.object({
  dictionary: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string().min(1),
        summary: z.string().optional(),
        description: z.string().optional(),
        icon: z.string().optional(),
      }),
    )
    .optional(),
});
export type UbiquitousLanguage = z.infer<typeof ubiquitousLanguageSchema>;

/** The terms of a domain (`ubiquitous-language.md` in the domain's folder). */
export const ubiquitousLanguageKind = defineKind({
  kind: 'ubiquitous-language',
  plural: 'ubiquitous-languages',
  label: 'Ubiquitous language',
  versioned: true,
  identifiedBy: 'attachment',
  schema: ubiquitousLanguageSchema,
  pointers: () => [],
});
