import { z } from 'zod';
import { messagingPointers, messagingShape } from './_messaging.js';
import { commonFiles, commonPointers, commonShape, pointerList, pointerSchema } from './_shared.js';
import { defineKind } from './kind.js';

const pointers = z.array(pointerSchema).optional();

export const domainSchema = z.object({
  ...commonShape,
  ...messagingShape,
  services: pointers,
  systems: pointers,
  domains: pointers,
  entities: pointers,
  flows: pointers,
  'data-products': pointers,
  agents: pointers,
  containers: pointers,
});
export type Domain = z.infer<typeof domainSchema>;

/** A domain, or a subdomain when another domain lists it under `domains`. */
export const domainKind = defineKind({
  kind: 'domain',
  plural: 'domains',
  label: 'Domain',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: domainSchema,
  pointers: (d) => [
    ...commonPointers(d),
    ...messagingPointers(d),
    ...pointerList(d.services, ['services'], ['service'], 'contains'),
    ...pointerList(d.systems, ['systems'], ['system'], 'contains'),
    ...pointerList(d.domains, ['domains'], ['domain'], 'contains'),
    ...pointerList(d.entities, ['entities'], ['entity'], 'contains'),
    ...pointerList(d.flows, ['flows'], ['flow'], 'contains'),
    ...pointerList(d['data-products'], ['data-products'], ['data-product'], 'contains'),
    ...pointerList(d.agents, ['agents'], ['agent'], 'contains'),
    ...pointerList(d.containers, ['containers'], ['container'], 'contains'),
  ],
  files: commonFiles,
});
