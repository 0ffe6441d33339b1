import { type Catalog, type Diagnostic, kindDef, type Resource } from '@switchyard/model';
import { detectFormat } from './detect.js';
import { resolveRelative } from './files.js';
import { parseSchemaFile } from './parse.js';
import type { ParsedSchema, ReadFile } from './types.js';

/** A schema or spec named by a resource (`schemaPath`, `schemas`, `specifications`), parsed. */
export interface SchemaEntry {
  resource: Resource;
  /** The file, relative to the catalog root. */
  file: string;
  /** As written in frontmatter, relative to the resource's folder. */
  written: string;
  role: 'schema' | 'specification';
  /** The specification's `type` (openapi, asyncapi, graphql) or a schema's `format`. */
  hint?: string;
  /** The name frontmatter gives it, if any. */
  name?: string;
  parsed: ParsedSchema;
}

export interface CatalogSchemas {
  entries: SchemaEntry[];
  /** Parsed files by root-relative path (a file named by several resources is parsed once). */
  byFile: Map<string, ParsedSchema>;
  /** Problems of every parsed file, each reported once. */
  diagnostics: Diagnostic[];
}

function describeSite(
  resource: Resource,
  path: readonly (string | number)[],
): { hint?: string; name?: string } {
  const data = resource.data as {
    schemas?: { format?: string; name?: string }[];
    specifications?: { type?: string; name?: string }[] | Record<string, string>;
  };
  if (path[0] === 'schemas' && typeof path[1] === 'number') {
    const s = data.schemas?.[path[1]];
    return { ...(s?.format ? { hint: s.format } : {}), ...(s?.name ? { name: s.name } : {}) };
  }
  if (path[0] === 'specifications') {
    if (typeof path[1] === 'number' && Array.isArray(data.specifications)) {
      const s = data.specifications[path[1]];
      return { ...(s?.type ? { hint: s.type } : {}), ...(s?.name ? { name: s.name } : {}) };
    }
    if (typeof path[1] === 'string') return { hint: path[1].replace(/Path$/, '') };
  }
  return {};
}

/** Every schema and spec file the resources name, relative to the root, with how each is named. */
export function schemaSitesOf(resource: Resource): Omit<SchemaEntry, 'parsed'>[] {
  const sites = kindDef(resource.kind).files?.(resource.data as never) ?? [];
  const out: Omit<SchemaEntry, 'parsed'>[] = [];
  for (const site of sites) {
    if (site.role === 'attachment' || /^[a-z]+:\/\//i.test(site.file)) continue;
    const file = resolveRelative(
      resource.source.dir ? `${resource.source.dir}/x` : 'x',
      site.file.replace(/^\.\//, ''),
    );
    if (!file) continue;
    out.push({ resource, file, written: site.file, role: site.role, ...describeSite(resource, site.path) });
  }
  return out;
}

/**
 * Parses every schema and spec the catalog's resources name, at most `concurrency` at once. Files that are
 * missing (the loader reports them) or in no format read here (`schema.sql`) are left out; every other
 * problem is a diagnostic of the result.
 */
export async function parseCatalogSchemas(
  catalog: Catalog,
  read: ReadFile,
  concurrency = 8,
): Promise<CatalogSchemas> {
  const sites = catalog.resources.flatMap(schemaSitesOf).filter((s) => {
    const text = read(s.file);
    return text !== undefined && detectFormat(s.file, text, s.hint) !== undefined;
  });
  const byFile = new Map<string, ParsedSchema>();
  const pending = new Map<string, Promise<ParsedSchema>>();
  const entries: SchemaEntry[] = new Array(sites.length);
  let next = 0;
  const lane = async () => {
    while (next < sites.length) {
      const i = next++;
      const site = sites[i] as Omit<SchemaEntry, 'parsed'>;
      let job = pending.get(site.file);
      if (!job) {
        job = parseSchemaFile(site.file, read, { format: site.hint });
        pending.set(site.file, job);
      }
      const parsed = await job;
      byFile.set(site.file, parsed);
      entries[i] = { ...site, parsed };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sites.length) }, lane));
  const diagnostics = [...byFile.values()].flatMap((p) => p.diagnostics);
  return { entries, byFile, diagnostics };
}
