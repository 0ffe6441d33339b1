import type { z } from 'zod';
import type { Location } from './diagnostics.js';
import type { FieldPath, Kind } from './kinds/kind.js';
import type { KindDefs } from './kinds/registry.js';
import { pathKey } from './path.js';
import type { NodeKey, NodeRef } from './ref.js';
import type { BodyReference } from './references.js';

/** The frontmatter type of a kind, inferred from its schema. */
export type DataOf<K extends Kind> = z.infer<KindDefs[K]['schema']>;

/** Where a resource came from, and where each of its fields sits (filled in by the loader). */
export interface Source {
  /** Path of the file relative to the catalog root, `/`-separated. */
  file: string;
  /** Folder of the resource relative to the root (files it names are relative to this). */
  dir: string;
  /** File line on which the body starts. */
  bodyLine: number;
  /**
   * Where a field is in the file, `[line, column]` of its value (or of its key with `atKey`), by
   * `pathKey(path)`; undefined when the field is not there. Loaders may compute this lazily: only
   * resources with a diagnostic ever ask.
   */
  position(key: string, atKey: boolean): readonly [number, number] | undefined;
}

export interface Resource<K extends Kind = Kind> {
  kind: K;
  id: string;
  /** '' for kinds without versions (teams, users, custom docs). */
  version: string;
  key: NodeKey;
  data: DataOf<K>;
  /** `x-` fields. */
  custom: Record<string, unknown>;
  /** The Markdown/MDX body, unchanged. */
  body: string;
  references: BodyReference[];
  /** MDX `import` lines: what is imported and from where. */
  imports: { name: string; from: string; line: number; column: number }[];
  /** The resource this one documents (changelogs, ubiquitous languages). */
  attachedTo?: NodeRef;
  source: Source;
}

/** Where a field of a resource is in its file: the field itself, else its nearest ancestor, else the top. */
export function locate(resource: Pick<Resource, 'source'>, path: FieldPath, atKey = false): Location {
  const { file } = resource.source;
  if (atKey) {
    const k = resource.source.position(pathKey(path), true);
    if (k) return { file, line: k[0], column: k[1] };
  }
  for (let n = path.length; n >= 0; n--) {
    const p = resource.source.position(pathKey(path.slice(0, n)), false);
    if (p) return { file, line: p[0], column: p[1] };
  }
  return { file, line: 1, column: 1 };
}

/** A display name for any resource: name, title, or id. */
export function nameOf(resource: Resource): string {
  const d = resource.data as { name?: unknown; title?: unknown };
  if (typeof d.name === 'string' && d.name) return d.name;
  if (typeof d.title === 'string' && d.title) return d.title;
  return resource.id;
}

/** The summary of any resource, if it has one. */
export function summaryOf(resource: Resource): string | undefined {
  const d = resource.data as { summary?: unknown };
  return typeof d.summary === 'string' ? d.summary.trim() : undefined;
}

/** `deprecated: true` or `deprecated: { message, date }`: the resource is on its way out. */
export function isDeprecated(resource: Resource): boolean {
  const d = (resource.data as { deprecated?: unknown }).deprecated;
  return d === true || (typeof d === 'object' && d !== null);
}

/** `hidden: true` keeps a resource out of navigation, search and listings; its page still exists. */
export function isHidden(resource: Resource): boolean {
  return (resource.data as { hidden?: unknown }).hidden === true;
}
