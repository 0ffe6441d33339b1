import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { type LoadedCatalog, loadConfig, walkCatalog } from '@switchyard/loader';
import { type Counts, countResources, type Diagnostic, resolveConfig } from '@switchyard/model';
import {
  type BuildRecord,
  buildFingerprint,
  codeFingerprint,
  fingerprintOf,
  readBuildRecord,
} from '../fingerprint.js';
import { createSvgCache, type SvgCache } from '../render-page.js';
import { jsonObject, writeParts } from '../writer.js';
import type { BuildOptions, BuildResult } from './types.js';

/**
 * The output stage, first and last: where the build writes (a fresh `<out>.building-<pid>` folder, or the
 * output itself for a dev server's incremental rebuild), whether anything needs building at all, and, at the
 * end, the marker and the swap that makes the new site the output only when everything succeeded.
 */

const marker = '.switchyard-build';
/** Diagrams of the previous build, by graph: an unchanged graph is never laid out twice, across builds too. */
const layoutCacheFile = '.switchyard-diagrams.json';

/** Where a build writes, and whether the site in the output folder is already this one. */
export interface Output {
  outDir: string;
  /** The folder written: the output itself (incremental) or the one swapped in at the end. */
  work: string;
  incremental: boolean;
  fingerprint: string;
  /** Drawn diagrams by graph, the previous build's to start with (bounded in bytes). */
  layouts: SvgCache;
  /** Set when the output folder already holds this build: nothing is written. */
  upToDate?: BuildResult;
}

/** The output folder is one Switchyard will not write to; nothing was written. */
export class UnsafeOutputError extends Error {}

/** Checks the output folder, and makes the folder to write into unless the site there is up to date. */
export async function openOutput(loaded: LoadedCatalog, options: BuildOptions): Promise<Output> {
  const outDir = resolve(loaded.root, options.outDir ?? loaded.config.outDir);
  assertSafeOutDir(loaded.root, outDir);
  const incremental = options.only !== undefined && existsSync(join(outDir, marker));
  const work = incremental ? outDir : `${outDir}.building-${process.pid}`;
  const fingerprint = incremental ? '' : buildFingerprint(loaded);
  const output: Output = { outDir, work, incremental, fingerprint, layouts: createSvgCache() };
  if (!incremental && !options.force) {
    const record = readBuildRecord<BuildResult>(join(outDir, marker));
    if (record?.fingerprint === fingerprint) {
      output.upToDate = { ...record.result, outDir, upToDate: true };
      return output;
    }
  }
  if (!incremental) {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
  }
  output.layouts = readLayoutCache(outDir);
  return output;
}

/** Writes the marker (and the layout cache for the next process), then swaps the new site in. */
export async function closeOutput(
  output: Output,
  loaded: LoadedCatalog,
  result: BuildResult,
  background = false,
): Promise<void> {
  const record: BuildRecord<BuildResult> = {
    note: 'Built by Switchyard. This folder is replaced on every build.',
    fingerprint: output.fingerprint,
    result,
    load: { diagnostics: loaded.diagnostics, counts: countResources(loaded.catalog) },
  };
  await writeFile(join(output.work, marker), JSON.stringify(record));
  if (output.incremental) return; // A dev server's rebuilds keep their layouts in memory.
  writeParts(join(output.work, layoutCacheFile), layoutCacheJson(output.layouts));
  await swapIn(output.work, output.outDir, background);
}

/** Whether `dir` holds a Switchyard build (its marker): a folder Switchyard may write its own files into. */
export function isBuildOutput(dir: string): boolean {
  return existsSync(join(dir, marker));
}

/** A build found up to date without reading the catalog: its result, and what loading it reported. */
export interface UpToDate {
  result: BuildResult;
  loadDiagnostics: Diagnostic[];
  counts: Counts;
}

/**
 * Whether the output folder already holds the site of the catalog as it is, checked from the config, the
 * file list and the files' sizes and times only (no file is parsed): a second `switchyard build` with
 * nothing changed takes a directory walk. Undefined when a build is needed.
 */
export async function checkUpToDate(root: string, outDir?: string): Promise<UpToDate | undefined> {
  const raw = await loadConfig(root);
  if (raw.diagnostics.length > 0) return undefined;
  const config = resolveConfig(raw.config);
  const out = resolve(root, outDir ?? config.outDir);
  const record = readBuildRecord<BuildResult>(join(out, marker));
  if (!record?.load) return undefined;
  const walked = await walkCatalog(root, [config.outDir]);
  if (walked.problems.length > 0 || fingerprintOf(config, root, walked.files) !== record.fingerprint) {
    return undefined;
  }
  return {
    result: { ...record.result, outDir: out, upToDate: true },
    loadDiagnostics: record.load.diagnostics,
    counts: record.load.counts,
  };
}

/** The layout cache file: the diagrams a build drew, by graph, and the code that drew them. */
interface LayoutCache {
  code: string;
  svgs: Record<string, string>;
}

/**
 * The layout cache file's JSON, in parts: as one string (and an object of every drawing before it) it was
 * the largest thing a build held at its close. Drawn by this code: a build by other code (an upgrade)
 * draws afresh rather than reuse them.
 */
export function* layoutCacheJson(layouts: SvgCache): Generator<string> {
  yield `{"code":${JSON.stringify(codeFingerprint())},"svgs":`;
  yield* jsonObject(layouts);
  yield '}';
}

function readLayoutCache(outDir: string): SvgCache {
  const cache = createSvgCache();
  try {
    const text = readFileSync(join(outDir, layoutCacheFile), 'utf8');
    const saved = JSON.parse(text) as Partial<LayoutCache>;
    if (saved.code !== codeFingerprint() || typeof saved.svgs !== 'object' || saved.svgs === null)
      return cache;
    for (const [key, svg] of Object.entries(saved.svgs)) if (typeof svg === 'string') cache.set(key, svg);
  } catch {
    // No cache, or not one this build can read: every diagram is drawn.
  }
  return cache;
}

/** Refuses output folders that would overwrite the catalog or something that is not a previous build. */
function assertSafeOutDir(root: string, outDir: string): void {
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  if (outDir === resolve('/') || inside(root, outDir)) {
    throw new UnsafeOutputError(
      `Refusing to build into ${outDir}: it holds the catalog. Choose another --out.`,
    );
  }
  if (existsSync(outDir) && !existsSync(join(outDir, marker))) {
    let entries: string[];
    try {
      entries = readdirSync(outDir);
    } catch {
      entries = ['?'];
    }
    if (entries.length > 0) {
      throw new UnsafeOutputError(
        `Refusing to replace ${outDir}: it is not empty and does not look like a previous Switchyard build.`,
      );
    }
  }
}

/**
 * Puts the new site in place: the old one is renamed aside first, so the output folder always holds a
 * whole site, then deleted (by a detached process with `background`; the walk and the watcher ignore the
 * `.previous-<pid>` folder meanwhile).
 */
async function swapIn(work: string, outDir: string, background: boolean): Promise<void> {
  const old = `${outDir}.previous-${process.pid}`;
  if (!existsSync(outDir)) return rename(work, outDir);
  await rename(outDir, old);
  await rename(work, outDir);
  if (!background) return rm(old, { recursive: true, force: true });
  const remover = spawn(
    process.execPath,
    ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', old],
    { detached: true, stdio: 'ignore' },
  );
  remover.on('error', () => rm(old, { recursive: true, force: true }).catch(() => undefined));
  remover.unref();
}
