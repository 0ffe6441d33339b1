import { z } from 'zod';

/** A pointer to a resource, enough to show and follow it. */
export const linkSchema = z
  .object({
    key: z.string().describe('`kind:id@version` (no `@version` for teams, users and docs)'),
    kind: z.string(),
    id: z.string(),
    version: z.string().describe('"" for kinds without versions'),
    name: z.string(),
    url: z.string().describe('the page of the resource on the site'),
  })
  .describe('A resource, as other shapes point to it')
  .meta({ id: 'Link' });
export type Link = z.infer<typeof linkSchema>;

export const ownerRefSchema = z.object({ kind: z.enum(['team', 'user']), id: z.string(), name: z.string() });

/** `api/catalog.json`: every resource (newest version of each id), in one list. */
export const catalogIndexSchema = z
  .object({
    title: z.string(),
    count: z.number().int().nonnegative(),
    resources: z.array(
      z.object({
        kind: z.string(),
        id: z.string(),
        version: z.string(),
        versions: z.array(z.string()).describe('every version, newest first'),
        name: z.string(),
        summary: z.string().optional(),
        owners: z.array(ownerRefSchema),
        url: z.string(),
        api: z.string().describe('the resource as JSON: `api/{kind plural}/{id}/{version}.json`'),
      }),
    ),
  })
  .describe('The index of the catalog: every resource, newest version of each');
export type CatalogIndex = z.infer<typeof catalogIndexSchema>;

const relatedSchema = z
  .object({
    relation: z
      .string()
      .describe('how this resource relates: "sends", "ownedBy"; incoming ones read inverted: "sentBy"'),
    resource: linkSchema,
    label: z.string().optional(),
    requested: z
      .string()
      .optional()
      .describe('the version the pointer asked for (`^1.0.0`), when not latest'),
    via: z.array(linkSchema).optional().describe('channels a send or receive goes through'),
  })
  .meta({ id: 'Related' });

const peerSchema = z.object({ resource: linkSchema, channels: z.array(linkSchema) }).meta({ id: 'Peer' });

const flowStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  resource: linkSchema.optional(),
  next: z.array(z.object({ id: z.string(), label: z.string().optional() })),
});

/** `api/{kind plural}/{id}/{version}.json`: one resource and its resolved relations. */
export const resourceDocSchema = z
  .object({
    ...linkSchema.shape,
    summary: z.string().optional(),
    versions: z.array(z.string()),
    latest: z.boolean(),
    owners: z.array(linkSchema),
    domains: z.array(linkSchema).describe('domains the resource belongs to, nearest first'),
    data: z.record(z.string(), z.unknown()).describe('the frontmatter as written'),
    outgoing: z.array(relatedSchema),
    incoming: z.array(relatedSchema),
    producers: z.array(peerSchema).optional().describe('messages: who sends it'),
    consumers: z.array(peerSchema).optional().describe('messages: who receives it'),
    sends: z.array(peerSchema).optional().describe('services, domains, agents: what they send'),
    receives: z.array(peerSchema).optional().describe('services, domains, agents: what they receive'),
    flows: z.array(z.object({ flow: linkSchema, steps: z.array(z.string()) })),
    steps: z.array(flowStepSchema).optional().describe('flows: the steps in order'),
    body: z.string().describe('the Markdown/MDX body, unchanged'),
  })
  .describe('One resource at one version, with its relations resolved');
export type ResourceDoc = z.infer<typeof resourceDocSchema>;

/** `api/graph.json`: every resource version as a node, every resolved pointer as an edge. */
export const graphSchema = z
  .object({
    nodes: z.array(linkSchema),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        relation: z.string(),
        label: z.string().optional(),
        via: z.array(z.string()).optional(),
      }),
    ),
  })
  .describe('The catalog as a graph: node keys are `kind:id@version`');
export type Graph = z.infer<typeof graphSchema>;

/** Every shape the API writes, by the name docs/api.md uses. */
export const apiShapes = {
  'catalog.json': catalogIndexSchema,
  '{kind plural}/{id}/{version}.json': resourceDocSchema,
  'graph.json': graphSchema,
} as const;

/** The JSON Schema (2020-12) of each shape. */
export function apiJsonSchemas(): Record<keyof typeof apiShapes, object> {
  const out = {} as Record<keyof typeof apiShapes, object>;
  for (const [name, schema] of Object.entries(apiShapes)) {
    out[name as keyof typeof apiShapes] = z.toJSONSchema(schema, { io: 'output' });
  }
  return out;
}
