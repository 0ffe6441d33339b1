import {
  type Catalog,
  diagnostic,
  domainsOf,
  formatRef,
  kindDef,
  nameOf,
  ownersOf,
  type Resource,
  summaryOf,
  versionsOf,
} from '@switchyard/model';
import {
  type CatalogSchemas,
  checkExample,
  detectFormat,
  diffFields,
  diffText,
  type ParsedSchema,
  parseCatalogSchemas,
  parseSchemaFile,
  resolveRelative,
  type SchemaEntry,
} from '@switchyard/schemas';
import { renderToString } from 'preact-render-to-string';
import { renderBody } from '../node/render-page.js';
import { jsonList } from '../node/writer.js';
import { bodyUses, conventionalSites } from '../render/components/conventional-file.js';
import type { SchemaExample, SiteSchemas } from '../render/components/schema-data.js';
import {
  changelogPath,
  distinctFieldNames,
  schemaPagePath,
  specPath,
} from '../render/components/schema-data.js';
import { FieldChanges, TextDiff } from '../render/components/schema-diff.js';
import { ApiPage } from '../render/pages/schemas-api.js';
import { ChangelogPage } from '../render/pages/schemas-changelog.js';
import { ExplorerPage } from '../render/pages/schemas-explorer.js';
import { type SchemaDiff, SchemaPage } from '../render/pages/schemas-schema.js';
import type { SchemaDiffFile, SchemaRow } from '../shared/schemas-explorer.js';
import type { PrepareContext, SectionContext, SiteSection } from './section.js';

const messageKinds = new Set(['event', 'command', 'query']);
/** Past this many versions, a resource's diff file holds consecutive pairs and pairs with the newest only. */
const allPairsUpTo = 10;

/** Files a body shows with `<SchemaViewer file="...">` / `<Schema file="...">` that frontmatter does not name. */
function bodySchemaFiles(r: Resource): string[] {
  const out: string[] = [];
  for (const m of r.body.matchAll(/<(?:SchemaViewer|Schema)\b[^>]*?\bfile=["']([^"']+)["']/g)) {
    const file = resolveRelative(
      r.source.dir ? `${r.source.dir}/x` : 'x',
      (m[1] as string).replace(/^\.\//, ''),
    );
    if (file) out.push(file);
  }
  return out;
}

/** The catalog's files by folder, so that finding a resource's examples does not scan every file. */
/** By file list: a dev server prepares one resource at a time over the same list. */
const folders = new WeakMap<readonly string[], Map<string, string[]>>();

function filesByFolder(files: readonly string[]): Map<string, string[]> {
  const known = folders.get(files);
  if (known) return known;
  const out = new Map<string, string[]>();
  folders.set(files, out);
  for (const f of files) {
    const folder = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    const list = out.get(folder);
    if (list) list.push(f);
    else out.set(folder, [f]);
  }
  return out;
}

function examplesOf(
  r: Resource,
  byFolder: Map<string, string[]>,
  read: PrepareContext['readFile'],
  schema: ParsedSchema | undefined,
): SchemaExample[] {
  const folder = r.source.dir ? `${r.source.dir}/examples` : 'examples';
  return (byFolder.get(folder) ?? []).map((file) => {
    const text = read(file) ?? '';
    const problems: string[] = [];
    if (file.endsWith('.json') && schema?.ok && schema.fields.length > 0) {
      try {
        problems.push(...checkExample(schema.fields, JSON.parse(text)));
      } catch (error) {
        problems.push(`not valid JSON: ${(error as Error).message}`);
      }
    }
    return { file, text, problems };
  });
}

/** The first schema (not spec) of a resource version that parsed. */
const mainSchema = (schemas: SiteSchemas, r: Resource): SchemaEntry | undefined =>
  schemas.byResource.get(r.key)?.find((e) => e.role === 'schema' && e.parsed.ok && !e.parsed.api);

/** The schema diff from `from` to `to`, when both have a schema. */
function schemaDiff(
  schemas: SiteSchemas,
  read: PrepareContext['readFile'],
  from: Resource,
  to: Resource,
): SchemaDiff | undefined {
  const a = mainSchema(schemas, from);
  const b = mainSchema(schemas, to);
  if (!a || !b) return undefined;
  const patch = diffText(
    `v${from.version}/${a.written}`,
    read(a.file) ?? '',
    `v${to.version}/${b.written}`,
    read(b.file) ?? '',
  );
  return { from, changes: diffFields(a.parsed, b.parsed), patch };
}

/** The version just older than this one that has a schema. */
function previousWithSchema(catalog: Catalog, schemas: SiteSchemas, r: Resource): Resource | undefined {
  const list = versionsOf(catalog, r.kind, r.id);
  return list.slice(list.indexOf(r) + 1).find((v) => mainSchema(schemas, v));
}

function changelogsByKey(catalog: Catalog): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const r of catalog.resources)
    if (r.kind === 'changelog' && r.attachedTo) out.set(formatRef(r.attachedTo), r);
  return out;
}

/** Adds the files bodies ask for by EventCatalog 1.x convention (bare `<Schema />`, `<OpenAPI />`). */
async function addConventionalEntries(ctx: PrepareContext, parsed: CatalogSchemas): Promise<void> {
  const named = new Map<string, SchemaEntry[]>();
  for (const e of parsed.entries) named.set(e.resource.key, [...(named.get(e.resource.key) ?? []), e]);
  for (const r of ctx.catalog.resources) {
    for (const site of conventionalSites(r, ctx.readFile, named.get(r.key) ?? [])) {
      const text = ctx.readFile(site.file);
      if (text === undefined || !detectFormat(site.file, text, site.hint)) continue;
      let result = parsed.byFile.get(site.file);
      if (!result) {
        result = await parseSchemaFile(site.file, ctx.readFile, { format: site.hint });
        parsed.byFile.set(site.file, result);
        parsed.diagnostics.push(...result.diagnostics);
      }
      parsed.entries.push({ ...site, parsed: result });
    }
  }
}

/**
 * The resources `prepare` computes for: all of them, or on demand (`extend`) every version of the resources
 * in `only` (a page shows its older versions' schemas: diffs, changelogs).
 */
function inScope(ctx: PrepareContext): readonly Resource[] {
  const only = ctx.only;
  if (!ctx.extend || !only) return ctx.catalog.resources;
  const ids = new Set<string>();
  for (const key of only) {
    const r = ctx.catalog.byKey.get(key);
    if (r) ids.add(`${r.kind}:${r.id}`);
  }
  return [...ids].flatMap((id) => ctx.catalog.versions.get(id) ?? []);
}

/** SiteSchemas while `prepare` fills it in. */
interface Filling {
  byFile: Map<string, ParsedSchema>;
  byResource: Map<string, SchemaEntry[]>;
  examples: Map<string, SchemaExample[]>;
  changelogs: Set<string>;
}

/** What an earlier on-demand `prepare` computed, less the resources computed again now. */
function carriedOver(previous: SiteSchemas | undefined, again: readonly Resource[]): Filling {
  const keys = new Set(again.map((r) => r.key));
  const keep = <V,>(map: ReadonlyMap<string, readonly V[]> | undefined) =>
    new Map([...(map ?? [])].filter(([key]) => !keys.has(key)).map(([key, list]) => [key, [...list]]));
  return {
    byFile: new Map(previous?.byFile ?? []),
    byResource: keep(previous?.byResource),
    examples: keep(previous?.examples),
    changelogs: new Set([...(previous?.changelogs ?? [])].filter((key) => !keys.has(key))),
  };
}

async function prepare(ctx: PrepareContext): Promise<{ schemas: SiteSchemas }> {
  const resources = inScope(ctx);
  const scoped = { ...ctx, catalog: { ...ctx.catalog, resources } };
  const parsed: CatalogSchemas = await parseCatalogSchemas(scoped.catalog, ctx.readFile);
  const byFile = parsed.byFile;
  for (const r of resources) {
    for (const file of bodySchemaFiles(r)) {
      const text = ctx.readFile(file);
      if (byFile.has(file) || text === undefined || !detectFormat(file, text)) continue;
      const result = await parseSchemaFile(file, ctx.readFile);
      byFile.set(file, result);
      parsed.diagnostics.push(...result.diagnostics);
    }
  }
  await addConventionalEntries(scoped, parsed);
  for (const d of parsed.diagnostics) ctx.report(d);
  const schemas = carriedOver(ctx.extend?.schemas, ctx.extend ? resources : ctx.catalog.resources);
  for (const [file, result] of byFile) schemas.byFile.set(file, result);
  const { byResource, examples } = schemas;
  for (const e of parsed.entries) {
    const list = byResource.get(e.resource.key) ?? [];
    list.push(e);
    byResource.set(e.resource.key, list);
  }
  const byFolder = filesByFolder(ctx.loaded.files);
  for (const r of resources) {
    if (!messageKinds.has(r.kind) && !bodyUses(r.body, ['EventExamples'])) continue;
    const list = examplesOf(r, byFolder, ctx.readFile, mainSchema(schemas, r)?.parsed);
    if (list.length === 0) continue;
    examples.set(r.key, list);
    for (const e of list) {
      if (e.problems.length === 0) continue;
      const more = e.problems.length > 1 ? ` (and ${e.problems.length - 1} more)` : '';
      ctx.report(
        diagnostic(
          'example-invalid',
          `The example does not match the schema of ${r.id}: ${e.problems[0]}${more}.`,
          { file: e.file, line: 1, column: 1 },
        ),
      );
    }
  }
  const changelogs = changelogsByKey(ctx.catalog);
  const withChangelog = new Set(schemas.changelogs);
  for (const r of resources) {
    if (changelogs.has(r.key)) withChangelog.add(r.key);
    if (kindDef(r.kind).versioned && byResource.has(r.key) && previousWithSchema(ctx.catalog, schemas, r))
      withChangelog.add(r.key);
  }
  return { schemas: { ...schemas, changelogs: withChangelog } };
}

function* rowsOf(ctx: SectionContext, schemas: SiteSchemas): Generator<SchemaRow> {
  for (const list of ctx.catalog.versions.values()) {
    const r = list[0] as Resource;
    const entries = schemas.byResource.get(r.key) ?? [];
    const versions = list.filter((v) => schemas.byResource.has(v.key)).map((v) => v.version);
    const owners = ownersOf(ctx.catalog, r);
    for (const e of entries) {
      yield {
        kind: r.kind,
        plural: kindDef(r.kind).plural,
        id: r.id,
        name: e.name ?? nameOf(r),
        version: r.version,
        versions,
        format: e.parsed.format,
        file: e.written,
        url: ctx.urls.page(specPath(r, e) ?? schemaPagePath(r)),
        docs: ctx.urls.resource(r),
        domains: domainsOf(ctx.catalog, r).map((d) => d.id),
        owners: [...owners.teams, ...owners.users].map((o) => o.id),
        fields: distinctFieldNames([e.parsed]),
        summary: (summaryOf(r) ?? '').slice(0, 160),
      };
    }
  }
}

/** Every pair of versions (older → newer and back), or for long histories the ones people compare. */
function diffFileOf(ctx: SectionContext, schemas: SiteSchemas, versions: Resource[]): SchemaDiffFile {
  const pairs: Record<string, string> = {};
  versions.forEach((a, i) => {
    versions.forEach((b, j) => {
      if (i === j) return;
      if (versions.length > allPairsUpTo && Math.abs(i - j) !== 1 && i !== 0 && j !== 0) return;
      const diff = schemaDiff(schemas, ctx.readFile, b, a);
      if (!diff) return;
      pairs[`${b.version}..${a.version}`] = renderToString(
        <>
          <FieldChanges changes={diff.changes} />
          <details class="sy-diff-details">
            <summary>Text diff</summary>
            <TextDiff patch={diff.patch} />
          </details>
        </>,
      );
    });
  });
  return { versions: versions.map((v) => v.version), pairs };
}

async function build(ctx: SectionContext): Promise<void> {
  const schemas = ctx.base.schemas;
  if (!schemas) return;
  const { catalog } = ctx;
  // On a dev rebuild, only the pages of what changed (and its neighbours) are written again.
  const wanted = (key: string) => !ctx.only || ctx.only.has(key);
  for (const key of schemas.byResource.keys()) {
    const resource = catalog.byKey.get(key);
    if (!resource || !kindDef(resource.kind).versioned || !wanted(key)) continue;
    const page = { ...ctx.base, resource };
    const previous = previousWithSchema(catalog, schemas, resource);
    const diff = previous ? schemaDiff(schemas, ctx.readFile, previous, resource) : undefined;
    const path = schemaPagePath(resource);
    await ctx.writePage(
      path,
      await ctx.render(() => <SchemaPage resource={resource} path={path} diff={diff} />, page),
    );
    for (const entry of schemas.byResource.get(key) ?? []) {
      const api = specPath(resource, entry);
      if (api)
        await ctx.writePage(
          api,
          await ctx.render(() => <ApiPage resource={resource} entry={entry} path={api} />, page),
        );
    }
  }
  for (const path of ctx.wide ? ['/schemas', '/schemas/explorer'] : []) {
    await ctx.writePage(path, await ctx.render(() => <ExplorerPage path={path} />));
  }
  if (ctx.wide) await ctx.write('api/schemas/index.json', jsonList(rowsOf(ctx, schemas)));
  for (const list of catalog.versions.values()) {
    // A dev rebuild writes the diff files of what changed only.
    if (ctx.only && !list.some((v) => ctx.only?.has(v.key))) continue;
    const versions = list.filter((v) => mainSchema(schemas, v));
    const first = versions[0];
    if (!first || versions.length < 2) continue;
    await ctx.write(
      `api/schemas/diff/${kindDef(first.kind).plural}/${first.id}.json`,
      JSON.stringify(diffFileOf(ctx, schemas, versions)),
    );
  }
  const changelogs = changelogsByKey(catalog);
  for (const key of schemas.changelogs) {
    const resource = catalog.byKey.get(key);
    if (!resource || !wanted(key)) continue;
    const log = changelogs.get(key);
    const rendered = log ? await renderBody(log, ctx.base, ctx.bodyLinks) : undefined;
    const previous = previousWithSchema(catalog, schemas, resource);
    const diff = previous ? schemaDiff(schemas, ctx.readFile, previous, resource) : undefined;
    const path = changelogPath(resource);
    const html = await ctx.render(
      () => (
        <ChangelogPage
          resource={resource}
          path={path}
          body={rendered?.body}
          toc={rendered?.toc ?? []}
          diff={diff}
        />
      ),
      { ...ctx.base, resource },
    );
    await ctx.writePage(path, html);
  }
}

/** Schemas & APIs: parses every schema and spec before pages render, then writes the schema, API, explorer and changelog pages. */
export const schemasSection: SiteSection = { name: 'schemas', prepare, build };
