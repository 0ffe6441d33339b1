import { type Catalog, isHidden, nameOf, ownersOf, type Resource, summaryOf } from '@switchyard/model';
import MiniSearch from 'minisearch';
import type { Urls } from '../urls.js';

/**
 * The palette reads two files. `api/search/quick.json` holds one display row per resource and an index of
 * names, ids and owners: small, so the palette answers as soon as it opens. `api/search/full.json` indexes
 * summaries, schema field names and the start of each body over the same rows, and is read after it.
 * Both index documents by row number. Options are shared by the build and the browser: they must match.
 */
export const quickSearchOptions = { idField: 'i', fields: ['name', 'id', 'owners'] };
export const fullSearchOptions = { idField: 'i', fields: ['about', 'fields', 'text'] };

/** A result line: url, name, kind, version, summary. */
export type SearchRow = [url: string, name: string, kind: string, version: string, summary: string];

export interface SearchFiles {
  quick: string;
  full: string;
}

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

/** The palette's two files (see above). Older versions are left out: search finds the latest. */
export function buildSearchFiles(
  catalog: Catalog,
  urls: Urls,
  readSchema: (r: Resource) => string | undefined,
  /** Field names from parsed schemas and specs (every format); the JSON scan above is the fallback. */
  parsedFieldNames?: (r: Resource) => readonly string[] | undefined,
): SearchFiles {
  const quick = new MiniSearch(quickSearchOptions);
  const full = new MiniSearch(fullSearchOptions);
  const rows: SearchRow[] = [];
  for (const list of catalog.versions.values()) {
    const r = list[0] as Resource;
    if (!searchable(r)) continue;
    const i = rows.length;
    const owners = ownersOf(catalog, r);
    const summary = summaryOf(r) ?? '';
    // One line with an ellipsis in the palette: no need to ship whole paragraphs.
    rows.push([urls.resource(r, { latest: true }), nameOf(r), r.kind, r.version, summary.slice(0, 140)]);
    quick.add({
      i,
      name: nameOf(r),
      id: r.id,
      owners: [...owners.teams, ...owners.users].map((o) => o.id).join(' '),
    });
    full.add({
      i,
      about: summary,
      fields: parsedFieldNames?.(r)?.join(' ') ?? fieldNames(readSchema(r)),
      text: r.body.replace(/<[^>]+>|[#*`>|[\]{}]/g, ' ').slice(0, 400),
    });
  }
  return {
    quick: JSON.stringify({ options: quickSearchOptions, rows, index: JSON.stringify(quick) }),
    full: JSON.stringify({ options: fullSearchOptions, index: JSON.stringify(full) }),
  };
}
