import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { kindDef } from '@switchyard/model';
import { configFiles } from '../config.js';
import { rootPolicy } from '../inside-root.js';
import type { FederatedCatalog } from './federate.js';

const marker = '.switchyard-federated';

export interface WrittenFolder {
  out: string;
  files: number;
  /** Resource folders that took a `-<source>` suffix because another source used the same path. */
  renamed: string[];
}

/**
 * Writes the merged catalog as one folder that every command reads (`switchyard build <out>`): each kept
 * resource's file, and for kinds that live in a folder, the files beside it (schemas, specs, changelog),
 * at the path it had in its source. When two sources use the same folder for different resources, the
 * later one's folder takes the source's name as a suffix. The hub's config files come along.
 * Refuses a non-empty `out` that it did not write before.
 */
export async function writeFederatedFolder(
  federated: FederatedCatalog,
  outDir: string,
): Promise<WrittenFolder> {
  const out = resolve(federated.root, outDir);
  for (const root of federated.sourceRoots.values()) {
    const rel = relative(out, root);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new Error(`${out} holds a source catalog; pick another output folder.`);
    }
  }
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, marker)))
      throw new Error(`${out} is not empty and was not written by federate.`);
    await rm(out, { recursive: true, force: true });
  }
  await mkdir(out, { recursive: true });
  await writeFile(join(out, marker), 'Written by switchyard federate --out; replaced on every run.\n');

  const taken = new Map<string, string>();
  const renamed: string[] = [];
  let files = 0;
  // Every file is copied through the path policy of its source: nothing a link leads to outside it.
  const copy = async (root: string, from: string, to: string) => {
    const found = rootPolicy(root).resolve(relative(root, from));
    if (!('real' in found) || !statSync(found.real).isFile()) return;
    await mkdir(dirname(join(out, to)), { recursive: true });
    await copyFile(found.real, join(out, to));
    files++;
  };
  for (const resource of federated.catalog.resources) {
    const source = federated.origin.get(resource.key) ?? 'hub';
    const sourceRoot = federated.sourceRoots.get(source) ?? federated.root;
    const absolute = resolve(federated.root, resource.source.file);
    const inSource = relative(sourceRoot, absolute).split('\\').join('/');
    const ownFolder = kindDef(resource.kind).versioned;
    const dir = dirname(inSource);
    const owner = taken.get(ownFolder ? dir : inSource);
    let target = inSource;
    if (owner !== undefined && owner !== source) {
      target = ownFolder ? join(`${dir}-${source}`, inSource.slice(dir.length + 1)) : inSource;
      if (!ownFolder) continue;
      renamed.push(`${dir} → ${dir}-${source}`);
    }
    taken.set(ownFolder ? dirname(target) : target, source);
    if (!ownFolder) {
      await copy(sourceRoot, absolute, target);
      continue;
    }
    for (const entry of readdirSync(dirname(absolute))) {
      await copy(sourceRoot, join(dirname(absolute), entry), join(dirname(target), entry));
    }
  }
  for (const file of configFiles) {
    if (existsSync(join(federated.root, file))) await copy(federated.root, join(federated.root, file), file);
  }
  return { out, files, renamed };
}
