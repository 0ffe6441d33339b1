import { type Diagnostic, diagnostic } from './diagnostics.js';
import { isKind, type Kind, messageKinds } from './kinds/kind.js';
import type { Resource } from './resource.js';
import { resolveVersion } from './version.js';

type Versions = ReadonlyMap<string, readonly Resource[]>;

/** The kinds a `[[type|...]]` may name; `message` stands for any of event, command, query. */
export function kindsForReferenceType(type: string): readonly Kind[] | undefined {
  if (type === 'message') return messageKinds;
  if (type === 'data-product' || type === 'dataProduct') return ['data-product'];
  return isKind(type) && type !== 'changelog' && type !== 'ubiquitous-language' ? [type] : undefined;
}

/** Custom docs are named by their path under docs/, with or without `01-` prefixes, or by their slug. */
const bare = (p: string) => p.replace(/(^|\/)\d+[-_]/g, '$1');

/** Docs by their id without number prefixes and by slug, each with its place in the catalog's order. */
interface DocIndex {
  byBare: Map<string, [number, Resource]>;
  bySlug: Map<string, [number, Resource]>;
}
const docIndexes = new WeakMap<Versions, DocIndex>();

function docIndexOf(versions: Versions): DocIndex {
  let index = docIndexes.get(versions);
  if (index) return index;
  index = { byBare: new Map(), bySlug: new Map() };
  let place = 0;
  for (const [key, list] of versions) {
    if (!key.startsWith('doc:')) continue;
    const doc = list[0] as Resource;
    const slug = (doc.data as { slug?: string }).slug;
    const b = bare(doc.id);
    if (!index.byBare.has(b)) index.byBare.set(b, [place, doc]);
    if (slug) {
      const s = slug.replace(/^\/+/, '');
      if (!index.bySlug.has(s)) index.bySlug.set(s, [place, doc]);
    }
    place++;
  }
  docIndexes.set(versions, index);
  return index;
}

/** A doc by its path: exactly, else the first doc whose id without number prefixes or whose slug matches. */
function findDoc(versions: Versions, path: string): Resource | undefined {
  const wanted = path.replace(/^\/+|\/+$/g, '').replace(/\.mdx?$/, '');
  const exact = versions.get(`doc:${wanted}`)?.[0];
  if (exact) return exact;
  const index = docIndexOf(versions);
  const byBare = index.byBare.get(bare(wanted));
  const bySlug = index.bySlug.get(wanted);
  if (byBare && bySlug) return (byBare[0] <= bySlug[0] ? byBare : bySlug)[1];
  return (byBare ?? bySlug)?.[1];
}

/** What a body reference points to, or undefined. */
export function resolveBodyReference(
  versions: Versions,
  ref: { type: string; id: string; version?: string | undefined },
): Resource | undefined {
  if (ref.type === 'doc') return findDoc(versions, ref.id);
  for (const kind of kindsForReferenceType(ref.type) ?? []) {
    const list = versions.get(`${kind}:${ref.id}`);
    if (!list) continue;
    const v = resolveVersion(
      list.map((r) => r.version),
      ref.version,
    );
    return list.find((r) => r.version === v);
  }
  return undefined;
}

/** Reports the `[[...]]` references of a body that name nothing. */
export function resolveBodyReferences(index: { versions: Versions }, resource: Resource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of resource.references) {
    if (resolveBodyReference(index.versions, ref)) continue;
    const at = { file: resource.source.file, line: ref.line, column: ref.column };
    if (ref.type !== 'doc' && !kindsForReferenceType(ref.type)) {
      out.push(
        diagnostic('unknown-reference', `${ref.raw} names the type "${ref.type}", which is not a kind.`, at, {
          hint: 'Write [[type|id]] with a type such as service, event, command, query, domain, system, flow, channel, container, entity, team, user or doc.',
        }),
      );
      continue;
    }
    const exists =
      ref.version !== undefined && resolveBodyReference(index.versions, { type: ref.type, id: ref.id });
    out.push(
      exists
        ? diagnostic(
            'no-matching-version',
            `${ref.raw}: ${ref.type} "${ref.id}" has no version matching "${ref.version}".`,
            at,
          )
        : diagnostic('unknown-reference', `${ref.raw} points to no ${ref.type} with the id "${ref.id}".`, at),
    );
  }
  return out;
}
