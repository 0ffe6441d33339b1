import { kindDef, nameOf, type Resource } from '@switchyard/model';
import type { Link } from './shapes.js';

/** Where a resource's page is, as the site's `Urls.resource` answers (the API never builds site URLs itself). */
export type UrlOf = (resource: Resource, options?: { latest?: boolean }) => string;

export function linkOf(resource: Resource, urlOf: UrlOf): Link {
  return {
    key: resource.key,
    kind: resource.kind,
    id: resource.id,
    version: resource.version,
    name: nameOf(resource),
    url: urlOf(resource),
  };
}

/** Kinds that document another resource; they have no file of their own in the API. */
export const isAttachment = (r: Resource) => r.kind === 'changelog' || r.kind === 'ubiquitous-language';

/** A file or folder name that stays where it is put: no separators, no leading dot, nothing Windows refuses. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const safeSegment = /^(?!\.)[^\\/:*?"<>|\u0000-\u001f]+$/;

/**
 * The API file of a resource, relative to the output: `api/{kind plural}/{id}/{version}.json`, or
 * `latest.json` for the newest (and for kinds without versions). Undefined when the id could not be a
 * path inside the folder (a `..` segment), so no file is ever written outside `api/`.
 */
export function apiPathOf(resource: Resource, options: { latest?: boolean } = {}): string | undefined {
  const segments = resource.id.split('/');
  if (!segments.every((s) => safeSegment.test(s) && s !== '..')) return undefined;
  const version = options.latest || !resource.version ? 'latest' : resource.version;
  if (!safeSegment.test(version)) return undefined;
  return `api/${kindDef(resource.kind).plural}/${resource.id}/${version}.json`;
}
