import type { Catalog, NodeKey, Resource } from '@switchyard/model';
import { edgesFrom, edgesTo, resolveBodyReference } from '@switchyard/model';

/** What a resource page shows of a resource: its data, custom fields, body. */
function fingerprint(r: Resource): string {
  return JSON.stringify([r.data, r.custom, r.body]);
}

/**
 * The resources whose pages must be rendered again after an edit: those that changed (or appeared), and
 * every resource whose page shows something of them — graph neighbours (tables, cards, maps) and pages
 * whose body references them. Everything else keeps the page it has. `files` are the saved files (relative
 * to the root): one that is not a resource (a schema, a spec, an example) changes the resource beside it.
 */
export function affectedResources(
  before: Catalog,
  after: Catalog,
  files: ReadonlySet<string> = new Set(),
): Set<NodeKey> {
  const changed = new Set<NodeKey>();
  // A resource is read from its own file: when the saved files are known, only theirs can have changed.
  const mayDiffer = (r: Resource) => files.size === 0 || files.has(r.source.file);
  for (const r of after.resources) {
    const old = before.byKey.get(r.key);
    if (!old || (old !== r && mayDiffer(r) && fingerprint(old) !== fingerprint(r))) changed.add(r.key);
  }
  // A saved file beside a resource (its schema, spec or example) changes the resource that holds it.
  const ownFile = new Set(after.resources.map((r) => r.source.file));
  for (const file of files) {
    if (ownFile.has(file)) continue; // a resource's own file: compared above
    let holder: (typeof after.resources)[number] | undefined;
    for (const r of after.resources) {
      const dir = r.source.dir;
      if (!dir || !file.startsWith(`${dir}/`)) continue;
      if (!holder || dir.length > (holder.source.dir?.length ?? 0)) holder = r;
    }
    if (holder) changed.add(holder.key);
  }
  const removed = before.resources.filter((r) => !after.byKey.has(r.key)).map((r) => r.key);
  const touched = new Set<NodeKey>([...changed, ...removed]);
  const affected = new Set<NodeKey>(changed);
  for (const key of touched) {
    for (const catalog of [before, after]) {
      for (const e of edgesFrom(catalog, key)) affected.add(e.to);
      for (const e of edgesTo(catalog, key)) affected.add(e.from);
    }
  }
  // Only a reference naming a touched id (or any doc, when a doc was touched) can lead to one.
  const touchedIds = new Set<string>();
  let docTouched = false;
  for (const key of touched) {
    const r = after.byKey.get(key) ?? before.byKey.get(key);
    if (r) touchedIds.add(r.id);
    if (r?.kind === 'doc') docTouched = true;
  }
  for (const r of after.resources) {
    if (affected.has(r.key)) continue;
    for (const ref of r.references) {
      if (ref.type === 'doc' ? !docTouched : !touchedIds.has(ref.id)) continue;
      const target = resolveBodyReference(after.versions, ref) ?? resolveBodyReference(before.versions, ref);
      if (target && touched.has(target.key)) {
        affected.add(r.key);
        break;
      }
    }
  }
  // A new or removed version changes the version switcher of every version of that resource.
  for (const key of touched) {
    const r = after.byKey.get(key) ?? before.byKey.get(key);
    for (const v of r ? (after.versions.get(`${r.kind}:${r.id}`) ?? []) : []) affected.add(v.key);
  }
  for (const key of removed) affected.delete(key);
  return affected;
}
