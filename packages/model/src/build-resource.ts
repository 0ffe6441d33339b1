import type { Kind } from './kinds/kind.js';
import { kindDef } from './kinds/registry.js';
import { formatRef, type NodeRef } from './ref.js';
import { scanReferences } from './references.js';
import type { DataOf, Resource, Source } from './resource.js';
import { validateFrontmatter } from './validate.js';

export interface ResourceFields<K extends Kind> {
  kind: K;
  id: string;
  /** '' for kinds without versions. */
  version: string;
  data: DataOf<K>;
  custom?: Record<string, unknown>;
  body?: string;
  source?: Source;
  imports?: Resource['imports'];
  attachedTo?: NodeRef;
}

const noPositions: Source['position'] = () => undefined;

/** Makes a resource from its parts: its key, and the `[[references]]` found in its body. */
export function buildResource<K extends Kind>(fields: ResourceFields<K>): Resource<K> {
  const body = fields.body ?? '';
  const source = fields.source ?? {
    file: `${fields.kind}/${fields.id}`,
    dir: '',
    bodyLine: 1,
    position: noPositions,
  };
  const resource: Resource<K> = {
    kind: fields.kind,
    id: fields.id,
    version: fields.version,
    key: formatRef({ kind: fields.kind, id: fields.id, version: fields.version }),
    data: fields.data,
    custom: fields.custom ?? {},
    body,
    references: scanReferences(body, source.bodyLine),
    imports: fields.imports ?? [],
    source,
  };
  if (fields.attachedTo) resource.attachedTo = fields.attachedTo;
  return resource;
}

/**
 * A resource from frontmatter alone, without files (programs that make catalogs, tests). Its id and version
 * come from the frontmatter (`title` for custom docs). Throws, quoting every issue, when the frontmatter
 * is not valid for the kind.
 */
export function resourceFromFrontmatter<K extends Kind>(
  kind: K,
  frontmatter: Record<string, unknown>,
  body = '',
): Resource<K> {
  const def = kindDef(kind);
  const checked = validateFrontmatter(def, frontmatter);
  if (!checked.data || checked.issues.length > 0) {
    throw new Error(`Invalid ${kind} frontmatter: ${checked.issues.map((i) => i.message).join(' ')}`);
  }
  return buildResource({
    kind,
    id: String(frontmatter.id ?? frontmatter.title),
    version: def.versioned ? String(frontmatter.version) : '',
    data: checked.data as DataOf<K>,
    custom: checked.custom,
    body,
  });
}
