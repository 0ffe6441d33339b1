import type { Diagnostic } from '@switchyard/model';

export interface BuildOptions {
  /**
   * Lets sections that can (the visualiser) build on a thread of their own, and resource pages render on
   * threads too (`pageThreads`); each thread gets the loaded catalog as a snapshot (no second load) and
   * reads files through the path policy of `loaded.root`. Full builds of big catalogs only (see
   * `ownThreadFrom`).
   */
  threads?: boolean;
  /**
   * Threads that render a share of the resource pages each, beside the main thread (with `threads`).
   * Default: one per core left after the main thread and the sections' threads, at most six.
   */
  pageThreads?: number;
  /** Resource versions from which `threads` applies (default 5,000). */
  threadsFrom?: number;
  /** Link targets the ledger holds before it looks them up and sets the rest aside (tests; default 16,384). */
  linkLimit?: number;
  /**
   * Catalog files (schemas, specs, examples) as read by an earlier build, by path relative to the root: a
   * dev server keeps one across rebuilds and drops the files that changed, so a rebuild reads only those.
   */
  fileCache?: Map<string, string | undefined>;
  /** Output folder; relative paths are relative to the catalog root. */
  outDir?: string;
  /**
   * Rebuild in place only the pages of these resources (and every catalog-wide page and file), into an
   * output folder a previous build wrote. The dev server passes what an edit changed.
   */
  only?: ReadonlySet<string>;
  /** Build even when nothing changed since the build in the output folder. */
  force?: boolean;
  /**
   * Deletes the site the new one replaces in a detached process, so the build returns once the new site
   * is in place (the command line). Measured at bench L: deleting the old 1.6 GB, 133,000-file site took
   * 64 s of a 225 s build while the disk was still writing the new one.
   */
  deleteOldInBackground?: boolean;
}

export interface BuildResult {
  outDir: string;
  pages: number;
  files: number;
  bytes: number;
  largestPage: { path: string; bytes: number };
  diagnostics: Diagnostic[];
  /** Nothing changed since the build already in the output folder: nothing was written. */
  upToDate?: boolean;
  /** Wall time of each phase, in milliseconds (`prepare:schemas`, `resources`, `section:visualiser`...). */
  phases?: Record<string, number>;
}
