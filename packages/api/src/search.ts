import {
  type Catalog,
  isHidden,
  type Kind,
  nameOf,
  ownersOf,
  type Resource,
  summaryOf,
} from '@switchyard/model';
import MiniSearch from 'minisearch';
import { isAttachment } from './links.js';

export interface SearchHit {
  key: string;
  kind: Kind;
  id: string;
  version: string;
  name: string;
  summary: string;
  score: number;
}

export interface SearchOptions {
  kind?: Kind | undefined;
  limit?: number | undefined;
  /** Keep only hits this accepts (a scoped MCP server's visibility). */
  filter?: ((key: string) => boolean) | undefined;
}

export type Search = (query: string, options?: SearchOptions) => SearchHit[];

/**
 * The same index as the site's search palette (names, ids, summaries, owners, schema field names, the start
 * of each body; newest versions, hidden resources left out), queried with prefix and fuzzy matching.
 */
export function buildSearch(catalog: Catalog, fieldsOf: (r: Resource) => string = () => ''): Search {
  const mini = new MiniSearch<Record<string, string>>({
    idField: 'key',
    fields: ['name', 'id', 'about', 'owners', 'fields', 'text'],
    storeFields: ['kind', 'rid', 'version', 'name', 'summary'],
    searchOptions: {
      boost: { name: 3, id: 3, about: 1.5 },
      prefix: (term) => term.length >= 3,
      // Fuzzy matching is the costly part on large catalogs: only for words long enough to be misspelt.
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
    },
  });
  const docs: Record<string, string>[] = [];
  for (const list of catalog.versions.values()) {
    const r = list[0] as Resource;
    if (isAttachment(r) || isHidden(r)) continue;
    const owners = ownersOf(catalog, r);
    docs.push({
      key: r.key,
      kind: r.kind,
      id: r.id,
      rid: r.id,
      version: r.version,
      name: nameOf(r),
      about: summaryOf(r) ?? '',
      summary: (summaryOf(r) ?? '').slice(0, 180),
      owners: [...owners.teams, ...owners.users].map((o) => o.id).join(' '),
      fields: fieldsOf(r),
      text: r.body.replace(/<[^>]+>|[#*`>|[\]{}]/g, ' ').slice(0, 400),
    });
  }
  mini.addAll(docs);
  return (query, options = {}) => {
    const limit = options.limit ?? 20;
    const hits: SearchHit[] = [];
    const filter = (hit: { id: string; kind?: unknown }) =>
      (!options.kind || hit.kind === options.kind) && (!options.filter || options.filter(hit.id));
    for (const hit of mini.search(query, { filter })) {
      hits.push({
        key: hit.id as string,
        kind: hit.kind as Kind,
        id: hit.rid as string,
        version: hit.version as string,
        name: hit.name as string,
        summary: hit.summary as string,
        score: Math.round(hit.score * 100) / 100,
      });
      if (hits.length >= limit) break;
    }
    return hits;
  };
}
