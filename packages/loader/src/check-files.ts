import { posix } from 'node:path';
import { type Diagnostic, diagnostic, kindDef, locate, type Resource } from '@switchyard/model';

/**
 * Checks that the files a resource names (schemaPath, schemas, specifications) exist in the catalog
 * and stay inside it. `files` is the set of every file under the root, so no IO happens here.
 */
export function checkNamedFiles(resource: Resource, files: ReadonlySet<string>): Diagnostic[] {
  const sites = kindDef(resource.kind).files?.(resource.data as never) ?? [];
  const out: Diagnostic[] = [];
  for (const site of sites) {
    const at = () => locate(resource, site.path);
    if (/^https?:\/\//i.test(site.file)) continue; // a URL: not ours to check
    if (posix.isAbsolute(site.file) || /^[A-Za-z]:[\\/]/.test(site.file)) {
      out.push(diagnostic('file-outside-catalog', `The ${site.role} path "${site.file}" is absolute.`, at()));
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(site.file)) {
      if (site.role === 'attachment') continue; // a link (mailto:, ftp:), not a file
      const message = `The ${site.role} path "${site.file}" is a URL that is not http(s); it is not read.`;
      out.push(diagnostic('file-outside-catalog', message, at()));
      continue;
    }
    const path = posix.normalize(posix.join(resource.source.dir, site.file.replace(/\\/g, '/')));
    if (path === '..' || path.startsWith('../')) {
      out.push(
        diagnostic(
          'file-outside-catalog',
          `The ${site.role} path "${site.file}" leads outside the catalog.`,
          at(),
        ),
      );
      continue;
    }
    if (!files.has(path)) {
      out.push(
        diagnostic(
          'missing-file',
          `The ${site.role} file "${site.file}" does not exist (looked for ${path}).`,
          at(),
        ),
      );
    }
  }
  return out;
}

/**
 * Reports MDX imports of local files that are not there (custom Astro components most often),
 * once per missing file, at its first import, saying how many files import it.
 */
export function checkImports(resources: readonly Resource[], files: ReadonlySet<string>): Diagnostic[] {
  const missing = new Map<string, { first: Diagnostic; count: number }>();
  const outside: Diagnostic[] = [];
  for (const r of resources) {
    for (const imp of r.imports) {
      const target = localTarget(imp.from, r.source.file);
      if (target === undefined || files.has(target)) continue;
      if (target === '..' || target.startsWith('../') || target.startsWith('/')) {
        const at = { file: r.source.file, line: imp.line, column: imp.column };
        const why = target.startsWith('/') ? 'is absolute' : 'leads outside the catalog';
        outside.push(
          diagnostic('file-outside-catalog', `The import "${imp.from}" ${why}; it is not read.`, at),
        );
        continue;
      }
      const seen = missing.get(target);
      if (seen) {
        seen.count++;
        continue;
      }
      const first = diagnostic(
        'missing-component',
        `"${imp.from}" is imported but ${target} does not exist; ${imp.name} renders as a placeholder.`,
        { file: r.source.file, line: imp.line, column: imp.column },
      );
      missing.set(target, { first, count: 1 });
    }
  }
  return [
    ...outside,
    ...[...missing.values()].map(({ first, count }) =>
      count > 1 ? { ...first, message: `${first.message} (imported by ${count} files)` } : first,
    ),
  ];
}

/** The catalog path an import names, or undefined for packages we cannot check. */
function localTarget(from: string, file: string): string | undefined {
  if (from.startsWith('@catalog/')) return posix.normalize(from.slice('@catalog/'.length));
  if (from.startsWith('/') || /^[A-Za-z]:[\\/]/.test(from)) return '/';
  if (from.startsWith('./') || from.startsWith('../'))
    return posix.normalize(posix.join(posix.dirname(file), from));
  return undefined;
}
