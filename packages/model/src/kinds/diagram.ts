import { z } from 'zod';
import { commonFiles, commonPointers, commonShape } from './_shared.js';
import { defineKind } from './kind.js';

export const diagramSchema = z.object({ ...commonShape });
export type Diagram = z.infer<typeof diagramSchema>;

/** A hand-drawn or Mermaid diagram page, versioned like any resource. */
export const diagramKind = defineKind({
  kind: 'diagram',
  plural: 'diagrams',
  label: 'Diagram',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: diagramSchema,
  pointers: commonPointers,
  files: commonFiles,
});
