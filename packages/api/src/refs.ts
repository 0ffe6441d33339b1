import { type Catalog, getResource, isKind, kinds, parseRef, type Resource } from '@switchyard/model';

export type Resolved = { resource: Resource } | { error: { status: 400 | 404; message: string } };

/**
 * Reads what a caller wrote to name a resource: `kind:id`, `kind:id@version` (exact, range or `latest`),
 * or a bare id when only one kind has it. Errors say what was expected or what exists instead.
 */
export function resolveRef(catalog: Catalog, text: string | undefined): Resolved {
  const ref = text?.trim();
  if (!ref) return { error: { status: 400, message: 'Give a resource as "kind:id" or "kind:id@version".' } };
  if (!ref.includes(':')) {
    const found = kinds
      .filter((k) => k !== 'changelog' && k !== 'ubiquitous-language')
      .flatMap((k) => catalog.versions.get(`${k}:${ref}`)?.slice(0, 1) ?? []);
    if (found.length === 1) return { resource: found[0] as Resource };
    if (found.length === 0) return { error: { status: 404, message: `No resource has the id "${ref}".` } };
    return {
      error: {
        status: 400,
        message: `"${ref}" is the id of several resources: ${found.map((r) => `${r.kind}:${r.id}`).join(', ')}. Say which.`,
      },
    };
  }
  let parsed: ReturnType<typeof parseRef>;
  try {
    parsed = parseRef(ref);
  } catch (error) {
    return { error: { status: 400, message: (error as Error).message } };
  }
  if (!isKind(parsed.kind))
    return {
      error: { status: 400, message: `"${parsed.kind}" is not a kind; kinds are ${kinds.join(', ')}.` },
    };
  const resource = getResource(catalog, parsed.kind, parsed.id, parsed.version);
  if (resource) return { resource };
  const versions = catalog.versions.get(`${parsed.kind}:${parsed.id}`);
  const message = versions
    ? `No version of ${parsed.kind} "${parsed.id}" matches "${parsed.version}" (it has ${versions.map((v) => v.version).join(', ')}).`
    : `No ${parsed.kind} has the id "${parsed.id}".`;
  return { error: { status: 404, message } };
}
