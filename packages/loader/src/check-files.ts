import { posix } from 'node:path';
import { type Diagnostic, diagnostic, kindDef, locate, type Resource } from '@switchyard/model';
import { type Inside, refusalText, resolveCatalogPath } from './inside-root.js';

/** Asks the path policy about a root-relative path that is not among the catalog's files (why it is not). */
export type Explain = (path: string) => Inside;

/**
 * Checks that the files a resource names (schemaPath, schemas, specifications) exist in the catalog and
 * stay inside it, by the path policy (inside-root.ts): a refusal is reported at the field that names the
 * file. `files` is the set of every file under the root; `explain` is asked only about the others.
 */
export function checkNamedFiles(
  resource: Resource,
  files: ReadonlySet<string>,
  explain: Explain,
): Diagnostic[] {
  const sites = kindDef(resource.kind).files?.(resource.data as never) ?? [];
  const out: Diagnostic[] = [];
  for (const site of sites) {
    const at = () => locate(resource, site.path);
    if (/^https?:\/\//i.test(site.file)) continue; // a URL: not ours to check
    if (/^[a-z][a-z0-9+.-]*:/i.test(site.file) && !/^[A-Za-z]:[\\/]/.test(site.file)) {
      if (site.role === 'attachment') continue; // a link (mailto:, ftp:), not a file
      const message = `The ${site.role} path "${site.file}" is a URL that is not http(s); it is not read.`;
      out.push(diagnostic('file-outside-catalog', message, at()));
      continue;
    }
    const where = resolveCatalogPath(site.file, resource.source.dir);
    if ('path' in where && files.has(where.path)) continue;
    const refused = 'refused' in where ? where.refused : linkOut(explain, where.path);
    if (refused) {
      const message = `The ${site.role} path "${site.file}" ${refusalText[refused]}.`;
      out.push(diagnostic('file-outside-catalog', message, at()));
      continue;
    }
    const looked = 'path' in where ? where.path : site.file;
    const message = `The ${site.role} file "${site.file}" does not exist (looked for ${looked}).`;
    out.push(diagnostic('missing-file', message, at()));
  }
  return out;
}

/** `link-out` when the path exists only through a symbolic link that leads out of the root. */
function linkOut(explain: Explain, path: string): 'link-out' | undefined {
  const found = explain(path);
  return 'refused' in found && found.refused === 'link-out' ? 'link-out' : undefined;
}

/**
 * Reports MDX imports of local files that are not there (custom Astro components most often),
 * once per missing file, at its first import, saying how many files import it.
 */
export function checkImports(
  resources: readonly Resource[],
  files: ReadonlySet<string>,
  explain: Explain,
): Diagnostic[] {
  const missing = new Map<string, { first: Diagnostic; count: number }>();
  const outside: Diagnostic[] = [];
  for (const r of resources) {
    for (const imp of r.imports) {
      const target = localTarget(imp.from, r.source.file);
      if (target === undefined) continue;
      if ('path' in target && files.has(target.path)) continue;
      const refused = 'refused' in target ? target.refused : linkOut(explain, target.path);
      if (refused) {
        const at = { file: r.source.file, line: imp.line, column: imp.column };
        outside.push(
          diagnostic(
            'file-outside-catalog',
            `The import "${imp.from}" ${refusalText[refused]}; it is not read.`,
            at,
          ),
        );
        continue;
      }
      const path = (target as { path: string }).path;
      const seen = missing.get(path);
      if (seen) {
        seen.count++;
        continue;
      }
      const first = diagnostic(
        'missing-component',
        `"${imp.from}" is imported but ${path} does not exist; ${imp.name} renders as a placeholder.`,
        { file: r.source.file, line: imp.line, column: imp.column },
      );
      missing.set(path, { first, count: 1 });
    }
  }
  return [
    ...outside,
    ...[...missing.values()].map(({ first, count }) =>
      count > 1 ? { ...first, message: `${first.message} (imported by ${count} files)` } : first,
    ),
  ];
}

/** The catalog path an import names (by the path policy's text step), or undefined for packages we cannot check. */
function localTarget(from: string, file: string): ReturnType<typeof resolveCatalogPath> | undefined {
  if (from.startsWith('@catalog/')) return resolveCatalogPath(from.slice('@catalog/'.length));
  if (from.startsWith('/') || /^[A-Za-z]:[\\/]/.test(from) || from.startsWith('./') || from.startsWith('../'))
    return resolveCatalogPath(from, posix.dirname(file));
  return undefined;
}
