import { type Catalog, isHidden, nameOf, ownersOf, type Resource, summaryOf } from '@switchyard/model';
import MiniSearch from 'minisearch';
import type { Urls } from '../urls.js';

/** Options shared by the build (indexing) and the browser (loading): they must match. */
export const searchOptions = {
  idField: 'key',
  fields: ['name', 'id', 'about', 'owners', 'fields', 'text'],
  storeFields: ['url', 'name', 'kind', 'version', 'summary'],
};

const searchable = (r: Resource) =>
  r.kind !== 'changelog' && r.kind !== 'ubiquitous-language' && !isHidden(r);

/** Field names of a JSON Schema-like document, flattened. Best effort: other formats come with schema parsing. */
function fieldNames(schemaText: string | undefined): string {
  if (!schemaText) return '';
  const names = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 8) return;
    const props = (node as { properties?: Record<string, unknown>; fields?: { name: string }[] }).properties;
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        names.add(k);
        walk(v, depth + 1);
      }
    }
    const avro = (node as { fields?: { name: string; type?: unknown }[] }).fields;
    if (Array.isArray(avro)) {
      for (const f of avro) {
        names.add(f.name);
        walk(f.type, depth + 1);
      }
    }
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v, depth + 1);
  };
  try {
    walk(JSON.parse(schemaText), 0);
  } catch {
    for (const m of schemaText.matchAll(/^\s*(?:repeated\s+|optional\s+)?[\w.]+\s+(\w+)\s*=\s*\d+/gm))
      names.add(m[1] as string);
  }
  return [...names].join(' ');
}

/**
 * One index over names, ids, summaries (`about`), owners, schema field names and the start of each body, written as
 * `api/search.json` and fetched once by the palette. Older versions are left out: search finds the latest.
 */
export function buildSearchIndex(
  catalog: Catalog,
  urls: Urls,
  readSchema: (r: Resource) => string | undefined,
): string {
  const mini = new MiniSearch(searchOptions);
  const docs = [];
  for (const list of catalog.versions.values()) {
    const r = list[0] as Resource;
    if (!searchable(r)) continue;
    const owners = ownersOf(catalog, r);
    docs.push({
      key: r.key,
      url: urls.resource(r, { latest: true }),
      name: nameOf(r),
      id: r.id,
      kind: r.kind,
      version: r.version,
      about: summaryOf(r) ?? '',
      // Stored for the result line (one line, with an ellipsis): no need to ship whole paragraphs.
      summary: (summaryOf(r) ?? '').slice(0, 180),
      owners: [...owners.teams, ...owners.users].map((o) => o.id).join(' '),
      fields: fieldNames(readSchema(r)),
      text: r.body.replace(/<[^>]+>|[#*`>|[\]{}]/g, ' ').slice(0, 400),
    });
  }
  mini.addAll(docs);
  return JSON.stringify({ options: searchOptions, index: JSON.stringify(mini) });
}
