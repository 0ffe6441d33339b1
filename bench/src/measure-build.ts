/**
 * One measured site build, in its own process so that its peak memory is its own:
 * `node bench/dist/measure-build.js <catalog-dir> [<scratch-dir>]` loads the catalog (loadCatalog), builds the
 * static site (buildSite) into a fresh temporary folder (inside `scratch-dir` when given, so that whoever
 * gave it can remove it even when this process is killed), removes that folder again and prints one line of
 * JSON (a BuildMeasurement) on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { countResources, type Diagnostic } from '@switchyard/model';
import { buildSite } from '@switchyard/site';

export interface BuildMeasurement {
  /** Wall time of loadCatalog + buildSite, in milliseconds (module loading and Node startup excluded). */
  ms: number;
  /** The loadCatalog part of `ms`. */
  loadMs: number;
  /** The buildSite part of `ms`, writing every file included. */
  buildMs: number;
  /** Peak resident set size of the whole process, in MB (process.resourceUsage().maxRSS is in KB). */
  maxRssMB: number;
  /** Current versions of every kind but changelogs (older versions and changelogs come on top). */
  resources: number;
  pages: number;
  /** Every file buildSite wrote, pages included (copied assets are not counted). */
  files: number;
  /** Total size of the files written (as buildSite counts it; copied assets are not included). */
  bytes: number;
  largestPage: { path: string; bytes: number };
  /** Diagnostics from buildSite (the loader's are counted apart, in loadDiagnostics). */
  diagnostics: number;
  errors: number;
  warnings: number;
  /** How many build diagnostics of each code. */
  byCode: Record<string, number>;
  /** The first build diagnostics, errors first. */
  firstDiagnostics: string[];
  loadDiagnostics: number;
  loadErrors: number;
}

const format = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node bench/dist/measure-build.js <catalog-dir> [<scratch-dir>]\n');
    process.exit(2);
  }
  // buildSite writes into `${outDir}.building-<pid>` and then renames it, so both live in this folder.
  const tmp = mkdtempSync(join(process.argv[3] ?? tmpdir(), 'switchyard-bench-site-'));
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const start = performance.now();
    const loaded = await loadCatalog(dir);
    const loadedAt = performance.now();
    const built = await buildSite(loaded, { outDir: join(tmp, 'site') });
    const end = performance.now();
    const maxRssMB = process.resourceUsage().maxRSS / 1024;

    const counts = countResources(loaded.catalog) as Record<string, number>;
    const resources = Object.entries(counts)
      .filter(([kind]) => kind !== 'versions' && kind !== 'changelog')
      .reduce((sum, [, n]) => sum + n, 0);
    const byCode: Record<string, number> = {};
    for (const d of built.diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    const errorsFirst = [
      ...built.diagnostics.filter((d) => d.severity === 'error'),
      ...built.diagnostics.filter((d) => d.severity !== 'error'),
    ];
    const result: BuildMeasurement = {
      ms: end - start,
      loadMs: loadedAt - start,
      buildMs: end - loadedAt,
      maxRssMB,
      resources,
      pages: built.pages,
      files: built.files,
      bytes: built.bytes,
      largestPage: built.largestPage,
      diagnostics: built.diagnostics.length,
      errors: built.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: built.diagnostics.filter((d) => d.severity === 'warning').length,
      byCode,
      firstDiagnostics: errorsFirst.slice(0, 10).map(format),
      loadDiagnostics: loaded.diagnostics.length,
      loadErrors: loaded.diagnostics.filter((d) => d.severity === 'error').length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    cleanUp();
  }
}

await main();
