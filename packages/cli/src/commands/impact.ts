import { loadCatalog } from '@switchyard/loader';
import { getResource, impactOf, isKind, parseRef, suggest, versionsOf } from '@switchyard/model';
import { UsageError } from '../errors.js';
import { renderImpact } from '../format/impact.js';
import type { Io } from '../io.js';

export interface ImpactCommandOptions {
  dir: string;
  ref: string;
  format: 'text' | 'markdown' | 'json';
  depth: number;
}

/** Prints what a change to one resource touches. Exit 0, or 2 when the reference names nothing. */
export async function runImpact(options: ImpactCommandOptions, io: Io): Promise<number> {
  let ref: ReturnType<typeof parseRef>;
  try {
    ref = parseRef(options.ref);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!isKind(ref.kind))
    throw new UsageError(`"${ref.kind}" is not a kind of resource (in "${options.ref}").`);
  const { catalog } = await loadCatalog(options.dir);
  const subject = getResource(catalog, ref.kind, ref.id, ref.version);
  if (!subject) {
    const versions = versionsOf(catalog, ref.kind, ref.id).map((r) => r.version);
    if (versions.length > 0) {
      throw new UsageError(
        `${ref.kind} "${ref.id}" has no version matching ${ref.version}; it has ${versions.join(', ')}.`,
      );
    }
    const ids = (catalog.latestByKind.get(ref.kind) ?? []).map((r) => r.id);
    const near = suggest(ref.id, ids);
    throw new UsageError(
      `No ${ref.kind} "${ref.id}" in the catalog${near ? `; did you mean "${near}"?` : '.'}`,
    );
  }
  const report = impactOf(catalog, subject, { depth: options.depth });
  io.out(
    options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderImpact(report, options.format),
  );
  return 0;
}
