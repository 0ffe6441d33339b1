import type { Resource } from '@switchyard/model';
import type { SchemaEntry } from '@switchyard/schemas';

/**
 * EventCatalog 1.x found a resource's files by name in its folder, not from frontmatter: a bare
 * `<Schema />` showed its `schema.*`, `<OpenAPI />` its `openapi.*`, `<AsyncAPI />` its `asyncapi.*`.
 * The names tried, in order (render code has no folder listing, so the names are fixed).
 */
export const conventionalNames = {
  schema: [
    'schema.json',
    'schema.avsc',
    'schema.yaml',
    'schema.yml',
    'schema.proto',
    'schema.graphql',
    'schema.xsd',
  ],
  openapi: ['openapi.yaml', 'openapi.yml', 'openapi.json'],
  asyncapi: ['asyncapi.yaml', 'asyncapi.yml', 'asyncapi.json'],
} as const;

export type Convention = keyof typeof conventionalNames;

type Read = (path: string) => string | undefined;

/**
 * The root-relative path of a file written relative to the resource's folder (`./` and `../` resolved), as
 * text. A path that climbs above the root keeps its `..` and an absolute one stays absolute: the reader
 * (the path policy, `createRootReader`) refuses both.
 */
export function inFolder(resource: Resource, written: string): string {
  if (written.startsWith('/')) return written;
  const out: string[] = [];
  for (const part of `${resource.source.dir}/${written}`.split('/')) {
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '' && part !== '.') out.push(part);
  }
  return out.join('/');
}

/** The first conventional file of the resource's folder that exists, as written (relative to the folder). */
export function conventionalFile(resource: Resource, convention: Convention, read: Read): string | undefined {
  return conventionalNames[convention].find((name) => read(inFolder(resource, name)) !== undefined);
}

/** What a bare `<Schema />` shows: the frontmatter's `schemaPath`, else the 1.x `schema.*` of the folder. */
export function defaultSchemaFile(resource: Resource, read: Read): string | undefined {
  return schemaPathOf(resource) ?? conventionalFile(resource, 'schema', read);
}

function schemaPathOf(resource: Resource): string | undefined {
  const named = (resource.data as { schemaPath?: unknown }).schemaPath;
  return typeof named === 'string' && named.trim() !== '' ? named : undefined;
}

/** Whether a body uses `<Name …>` for one of `names`; with `bare`, only uses without a `file` attribute. */
export function bodyUses(body: string, names: readonly string[], bare = false): boolean {
  for (const m of body.matchAll(new RegExp(`<(?:${names.join('|')})\\b([^>]*)>`, 'g'))) {
    if (!bare || !/\bfile\s*=/.test(m[1] ?? '')) return true;
  }
  return false;
}

const specConventions = [
  ['OpenAPI', 'openapi'],
  ['AsyncAPI', 'asyncapi'],
] as const;

/**
 * The files a body asks for by 1.x convention that frontmatter does not name, for the schemas section to
 * parse with the rest: the `schema.*` of a bare `<Schema />` when there is no `schemaPath`, and the spec
 * of `<OpenAPI />`/`<AsyncAPI />` when no spec of that format is named. `named` lists the formats of the
 * resource's named entries.
 */
export function conventionalSites(
  resource: Resource,
  read: Read,
  named: readonly SchemaEntry[],
): Omit<SchemaEntry, 'parsed'>[] {
  const out: Omit<SchemaEntry, 'parsed'>[] = [];
  const { body } = resource;
  const site = (written: string, role: SchemaEntry['role'], hint?: string) => {
    const file = inFolder(resource, written);
    if (named.some((e) => e.file === file)) return;
    out.push({ resource, file, written, role, ...(hint ? { hint } : {}) });
  };
  const bareSchema = bodyUses(body, ['Schema', 'SchemaViewer'], true);
  if (bareSchema && !schemaPathOf(resource) && !named.some((e) => e.role === 'schema')) {
    const written = conventionalFile(resource, 'schema', read);
    if (written) site(written, 'schema');
  }
  for (const [component, format] of specConventions) {
    if (!bodyUses(body, [component]) || named.some((e) => e.parsed.format === format)) continue;
    const written = conventionalFile(resource, format, read);
    if (written) site(written, 'specification', format);
  }
  return out;
}
