import { relative, resolve } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { countResources } from '@switchyard/model';
import { buildSite, checkUpToDate, UnsafeOutputError } from '@switchyard/site';
import { UsageError } from '../errors.js';
import { tally } from '../format/summary.js';
import { renderText } from '../format/text.js';
import type { Io } from '../io.js';
import { terminalStyle } from '../io.js';
import { saveSnapshot, snapshotPlace } from './catalog-state.js';

export interface BuildCommandOptions {
  dir: string;
  out?: string | undefined;
  force?: boolean | undefined;
}

/** Loads, builds the static site, prints diagnostics and a summary. Exit 1 when the catalog has errors. */
export async function runBuild(options: BuildCommandOptions, io: Io): Promise<number> {
  const started = performance.now();
  const out = options.out ? resolve(io.cwd, options.out) : undefined;
  // Nothing changed since the last build: said after a directory walk, without reading the catalog.
  const done = options.force ? undefined : await checkUpToDate(resolve(options.dir), out);
  if (done) {
    const diagnostics = [...done.loadDiagnostics, ...done.result.diagnostics];
    const root = resolve(options.dir);
    const displayPath = (file: string) => relative(io.cwd, resolve(root, file)) || file;
    if (diagnostics.length > 0) {
      io.err(renderText(diagnostics, done.counts, { displayPath, style: terminalStyle(io) }));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.out(
      `Up to date: nothing changed since the build in ${relative(io.cwd, done.result.outDir) || '.'} (checked in ${seconds} s; --force rebuilds).\n`,
    );
    return tally(diagnostics).errors > 0 ? 1 : 0;
  }
  // Taken before the catalog is read, so a file saved during the build leaves the snapshot stale, not wrong.
  const place = await snapshotPlace(resolve(options.dir), out).catch(() => undefined);
  const loaded = await loadCatalog(options.dir);
  const result = await buildSite(loaded, {
    // Loaded from disk as it is: the visualiser can build on a thread of its own from its own load.
    threads: true,
    deleteOldInBackground: true,
    ...(out ? { outDir: out } : {}),
    ...(options.force ? { force: true } : {}),
  }).catch((error: unknown) => {
    throw error instanceof UnsafeOutputError ? new UsageError(error.message) : error;
  });
  // The loaded catalog, for `serve` and `mcp` to start from while the catalog stays as it is.
  await saveSnapshot(loaded, place);
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics];
  const displayPath = (file: string) => relative(io.cwd, resolve(loaded.root, file)) || file;
  if (diagnostics.length > 0) {
    io.err(
      renderText(diagnostics, countResources(loaded.catalog), { displayPath, style: terminalStyle(io) }),
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  if (result.upToDate) {
    io.out(
      `Up to date: nothing changed since the build in ${relative(io.cwd, result.outDir) || '.'} (checked in ${seconds} s; --force rebuilds).\n`,
    );
    return tally(diagnostics).errors > 0 ? 1 : 0;
  }
  io.out(
    `Built ${result.pages} pages (${result.files} files, ${mb} MB) into ${relative(io.cwd, result.outDir) || '.'} in ${seconds} s. Largest page: ${(result.largestPage.bytes / 1024).toFixed(0)} KB.\n`,
  );
  return tally(diagnostics).errors > 0 ? 1 : 0;
}
