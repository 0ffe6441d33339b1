import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  buildCatalog,
  type Catalog,
  type Diagnostic,
  diagnostic,
  kindDef,
  locate,
  type NodeRef,
  type ResolvedConfig,
  type Resource,
  resolveConfig,
  sortDiagnostics,
} from '@switchyard/model';
import { createCatalogIgnore } from './catalog-ignore.js';
import { checkImports, checkNamedFiles } from './check-files.js';
import { classify, type Placement } from './classify.js';
import { loadConfig } from './config.js';
import { readConfigUsers } from './config-people.js';
import { detectEventCatalogMajor } from './dialect.js';
import { rootPolicy } from './inside-root.js';
import { type FileInput, readResource } from './read-resource.js';
import { readText } from './read-text.js';
import { walkCatalog } from './walk.js';

export interface LoadedCatalog {
  /** Absolute path of the catalog folder. */
  root: string;
  catalog: Catalog;
  config: ResolvedConfig;
  /** Every problem found, sorted by file and position. Loading never throws because of content. */
  diagnostics: Diagnostic[];
  /** Every file under the root (relative, `/`-separated), resources and assets alike. */
  files: readonly string[];
}

interface Placed {
  file: string;
  placement: Placement;
}

export interface LoadOptions {
  /**
   * A reload after an edit: the previous result and the files (relative to the root) that changed, were
   * added or were removed. Only those are read again; the graph is rebuilt from every resource.
   */
  previous?: LoadedCatalog;
  changed?: ReadonlySet<string>;
  /**
   * Keep what a reload of this catalog reuses (each file's read, and what each resource's pointers resolved
   * to), for a caller that reloads after edits: a dev server, on its first load and on every reload. Off by
   * default: at bench size L it is 33 MB of the 150 MB a loaded catalog holds. A reload from a catalog
   * loaded without it reads every file again.
   */
  forReload?: boolean;
}

type ReadResult = ReturnType<typeof readResource>;

/** What a load keeps to make the next reload cheap: each file's read, by file and what it was read as. */
interface LoadState {
  reads: Map<string, ReadResult & { declaredId?: string | undefined }>;
  configDiagnostics: Diagnostic[];
  walkProblems: Diagnostic[];
  /** The EventCatalog major version the catalog was written for, when known (see dialect.ts). */
  eventCatalogMajor: number | undefined;
  /** The config file and its text, for resources the config declares (1.x `users`). */
  configText: { file: string; text: string } | undefined;
  /** What `checkNamedFiles` found for each resource. */
  named: WeakMap<Resource, Diagnostic[]>;
  /** The file list as a set, and each file's place: the same for a reload that only saved files. */
  fileSet: ReadonlySet<string>;
  placed: readonly Placed[];
}
const states = new WeakMap<LoadedCatalog, LoadState>();
/** A config change can change anything (base, output folder): those reloads start from scratch. */
const configFile = /^(eventcatalog|switchyard)\.config\.[cm]?[jt]s$/;

/**
 * Reads a catalog folder in the EventCatalog layout into the model: walks the folders, parses and validates
 * every resource file, reads the config, checks named files and imports, then builds the graph.
 * Throws only when the root itself is not a readable folder.
 */
export async function loadCatalog(dir: string, options: LoadOptions = {}): Promise<LoadedCatalog> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${dir} is not a folder`);

  const { previous, changed } = options;
  const before = previous && changed && previous.root === root ? states.get(previous) : undefined;
  const incremental = before && previous && changed && ![...changed].some((f) => configFile.test(f));
  const state: LoadState = {
    reads: new Map(),
    configDiagnostics: [],
    walkProblems: [],
    eventCatalogMajor: undefined,
    configText: undefined,
    named: new WeakMap(),
    fileSet: new Set(),
    placed: [],
  };
  const diagnostics: Diagnostic[] = [];
  let config: ResolvedConfig;
  let files: readonly string[];
  if (incremental) {
    config = previous.config;
    state.configDiagnostics = before.configDiagnostics;
    state.walkProblems = before.walkProblems;
    state.eventCatalogMajor = before.eventCatalogMajor;
    state.configText = before.configText;
    files = filesAfter(root, config.outDir, previous.files, changed);
  } else {
    const loadedConfig = await loadConfig(root);
    state.configDiagnostics = loadedConfig.diagnostics;
    config = resolveConfig(loadedConfig.config);
    const walked = await walkCatalog(root, [config.outDir]);
    state.walkProblems = walked.problems.map((p) =>
      diagnostic(p.outside ? 'file-outside-catalog' : 'unreadable-file', `${p.path} ${p.message}.`, {
        file: p.path,
        line: 1,
        column: 1,
      }),
    );
    files = walked.files;
    state.eventCatalogMajor = detectEventCatalogMajor(root, loadedConfig.config, files);
    const configFile = loadedConfig.files[0];
    const text = configFile === undefined ? undefined : readText(join(root, configFile));
    if (configFile !== undefined && text && 'text' in text)
      state.configText = { file: configFile, text: text.text };
  }
  const v1 = state.eventCatalogMajor === 1;
  diagnostics.push(...state.configDiagnostics);
  const walked = { files };
  // Only saves (the same file list): every file is where it was.
  const sameFiles = incremental && files === previous.files;
  state.fileSet = sameFiles ? before.fileSet : new Set(walked.files);
  state.placed = sameFiles ? before.placed : placeAll(walked.files);
  const { fileSet, placed } = state;
  const primaries = placed.filter((p) => !('attachment' in p.placement));
  const attachments = placed.filter((p) => 'attachment' in p.placement);

  const resources: Resource[] = [];
  const unloadable = new Set<string>();
  const read = (p: Placed, extra: Partial<FileInput>) => {
    // Reused when the file did not change and is read as the same thing (an attachment's owner may have).
    const key = `${p.file}\0${p.placement.kind}\0${JSON.stringify(extra)}`;
    const known = incremental && !changed.has(p.file) ? before.reads.get(key) : undefined;
    const result = known ?? readFresh(p, extra);
    state.reads.set(key, result);
    if (!result.resource && result.declaredId) unloadable.add(`${p.placement.kind}:${result.declaredId}`);
    return result;
  };
  const readFresh = (p: Placed, extra: Partial<FileInput>): ReadResult & { declaredId?: string } => {
    const result = readText(join(root, p.file));
    if ('error' in result) {
      return {
        diagnostics: [
          diagnostic('unreadable-file', `${p.file} ${result.error}.`, { file: p.file, line: 1, column: 1 }),
        ],
      };
    }
    const read = safely(p.file, () =>
      readResource({
        file: p.file,
        dir: p.placement.dir,
        kind: p.placement.kind,
        text: result.text,
        ...(v1 ? { v1 } : {}),
        ...extra,
      }),
    );
    const id = read.resource ? undefined : declaredId(result.text);
    return id ? { ...read, declaredId: id } : read;
  };

  const readAll = (extra: Partial<FileInput>) =>
    primaries.map((p) => read(p, p.placement.kind === 'doc' ? { pathId: docId(p.file), ...extra } : extra));
  let firstPass = readAll({});
  // A catalog that omits versions everywhere is read as versionless (EventCatalog requires them; its
  // users have asked not to): read again, each resource without a version, rather than an error per file.
  const versionless = !v1 && isVersionless(firstPass);
  if (versionless) firstPass = readAll({ versionless: true });
  const byDir = new Map<string, Resource>();
  /** Files whose versioned/<v>/ folder disagrees with their version: they give way to a duplicate. */
  const misplaced: Resource[] = [];
  firstPass.forEach((result, i) => {
    diagnostics.push(...result.diagnostics);
    const r = result.resource;
    if (!r) return;
    const placement = (primaries[i] as Placed).placement;
    if (r.kind !== 'doc' && r.kind !== 'team' && r.kind !== 'user') byDir.set(placement.dir, r);
    if (
      'versionFolder' in placement &&
      placement.versionFolder !== undefined &&
      placement.versionFolder !== r.version
    ) {
      diagnostics.push(
        diagnostic(
          'version-folder-mismatch',
          `This file is in versioned/${placement.versionFolder}/ but says version ${r.version}.`,
          locate(r, ['version']),
        ),
      );
      misplaced.push(r);
    } else resources.push(r);
  });
  resources.push(...misplaced);
  diagnostics.push(...usersFromConfig(state, config, resources));

  const secondPass = attachments.map((p) => {
    const owner = byDir.get(p.placement.dir);
    const fits = owner && (p.placement.kind !== 'ubiquitous-language' || owner.kind === 'domain');
    if (!owner || !fits) return undefined;
    const attachedTo: NodeRef = { kind: owner.kind, id: owner.id, version: owner.version };
    return read(p, { attachedTo });
  });
  for (const result of secondPass) {
    if (!result) continue;
    diagnostics.push(...result.diagnostics);
    if (result.resource) resources.push(result.resource);
  }

  // A link out that a field (or the config's loader) names is reported there, not again where the walk met it.
  const policy = rootPolicy(root);
  const namedLinks = state.configDiagnostics
    .filter((d) => d.code === 'file-outside-catalog')
    .map((d) => d.file);
  const explain = (path: string) => {
    const found = policy.resolve(path);
    if ('refused' in found && found.refused === 'link-out') namedLinks.push(path);
    return found;
  };
  // With the same files (only saves) and no link out, an unchanged resource names the same files as before.
  const reuse = incremental && walked.files === previous.files && state.walkProblems.length === 0;
  for (const r of resources) {
    const checked = (reuse ? before.named.get(r) : undefined) ?? checkNamedFiles(r, fileSet, explain);
    state.named.set(r, checked);
    diagnostics.push(...checked);
  }
  diagnostics.push(...checkImports(resources, fileSet, explain));
  diagnostics.push(
    ...state.walkProblems.filter(
      (p) =>
        p.code !== 'file-outside-catalog' ||
        !namedLinks.some((n) => n === p.file || n.startsWith(`${p.file}/`)),
    ),
  );

  // A reload re-resolves only what reads a changed resource: the rest keeps its edges (same objects).
  const forReload = options.forReload === true;
  const built = buildCatalog(resources, {
    unloadable,
    forReload,
    ...(incremental ? { previous: previous.catalog } : {}),
  });
  diagnostics.push(...built.diagnostics);
  const loaded: LoadedCatalog = {
    root,
    catalog: built.catalog,
    config,
    diagnostics: sortDiagnostics(diagnostics),
    files: walked.files,
  };
  if (forReload) states.set(loaded, state);
  return loaded;
}

/** Each file's place in the catalog (a resource, an attachment), for the files that have one. */
function placeAll(files: readonly string[]): Placed[] {
  const placed: Placed[] = [];
  for (const file of files) {
    const placement = classify(file);
    if (placement) placed.push({ file, placement });
  }
  return placed;
}

/** 1.x catalogs declare their users in the config: those join the resources (a `users/` file wins). */
function usersFromConfig(state: LoadState, config: ResolvedConfig, resources: Resource[]): Diagnostic[] {
  if (!Array.isArray(config.users) || !state.configText) return [];
  const taken = new Set(resources.filter((r) => r.kind === 'user').map((r) => r.id));
  const read = readConfigUsers(state.configText.file, state.configText.text, config.users, taken);
  resources.push(...read.resources);
  return read.diagnostics;
}

/**
 * The previous file list with the changed files added or removed as they now exist (or not), by the same
 * rules as the walk: the catalog ignore list, and the path policy (a file saved as a link out is not read).
 */
/** The file list after `changed` were saved, added or removed: `before` itself when none came or went. */
function filesAfter(root: string, outDir: string, before: readonly string[], changed: ReadonlySet<string>) {
  const files = new Set(before);
  const size = files.size;
  const had = [...changed].filter((file) => files.has(file));
  const policy = rootPolicy(root);
  const ignored = createCatalogIgnore(root, [outDir]);
  for (const file of changed) {
    const found = ignored(file) ? undefined : policy.resolve(file);
    if (found && 'real' in found && statOrUndefined(found.real)?.isFile()) files.add(file);
    else files.delete(file);
    // A folder that is gone (or now a link out) takes its files with it.
    if (found && 'refused' in found) for (const f of files) if (f.startsWith(`${file}/`)) files.delete(f);
  }
  if (files.size === size && had.every((file) => files.has(file)) && had.length === changed.size)
    return before;
  return [...files].sort();
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A file whose content trips an unexpected limit (a stack overflow on absurd nesting) is reported, not fatal. */
function safely(file: string, task: () => ReturnType<typeof readResource>): ReturnType<typeof readResource> {
  try {
    return task();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        diagnostic('unreadable-file', `${file} could not be processed: ${why}.`, {
          file,
          line: 1,
          column: 1,
        }),
      ],
    };
  }
}

/** The `id:` line of a file whose frontmatter did not load, to avoid reporting every pointer to it again. */
function declaredId(text: string): string | undefined {
  const m = /^id:[ \t]*['"]?([^'"\s#]+)/m.exec(text);
  return m?.[1];
}

/** A custom doc's id: its path under docs/ without the extension. */
function docId(file: string): string {
  return file.replace(/^docs\//, '').replace(/\.mdx?$/, '');
}

/**
 * Whether the catalog omits versions everywhere: some resource of a versioned kind was refused for lacking
 * `version`, and none declares one. A catalog with versions keeps reporting a missing one as an error.
 */
function isVersionless(results: readonly ReadResult[]): boolean {
  let missing = false;
  for (const r of results) {
    if (r.resource && kindDef(r.resource.kind).versioned) return false;
    if (!missing)
      missing = r.diagnostics.some(
        (d) => d.code === 'missing-required-field' && d.message.includes('"version"'),
      );
  }
  return missing;
}
