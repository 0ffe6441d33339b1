import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRootReader, loadCatalog, writeFileAtomic } from '@switchyard/loader';
import { createUrls } from '@switchyard/site';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { buildBackstageEntities } from '../backstage/entities.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

export interface ExportBackstageOptions {
  dir: string;
  /** Folder catalog-info.yaml goes to (default: the catalog folder). */
  out?: string | undefined;
  /** Where the site is published, for the links back (default: http://localhost:3000). */
  siteUrl: string;
  force: boolean;
}

const header = '# Written by `switchyard export backstage`; it is replaced on every export.\n';

/** Writes the catalog as Backstage entities into one multi-document catalog-info.yaml. */
export async function runExportBackstage(options: ExportBackstageOptions, io: Io): Promise<number> {
  const loaded = await loadCatalog(options.dir);
  let origin: string;
  try {
    origin = new URL(options.siteUrl).origin;
  } catch {
    throw new UsageError(
      `--site-url must be an absolute URL such as https://catalog.example.com, not "${options.siteUrl}".`,
    );
  }
  const entities = buildBackstageEntities({
    catalog: loaded.catalog,
    urls: createUrls(loaded.config),
    siteUrl: origin,
    readFile: createRootReader(loaded.root),
  });
  const out = resolve(io.cwd, options.out ?? loaded.root);
  const file = join(out, 'catalog-info.yaml');
  if (existsSync(file) && !options.force && !readFileSync(file, 'utf8').startsWith(header)) {
    throw new UsageError(`${file} exists and was not written by Switchyard; pass --force to replace it.`);
  }
  const text = header + entities.map((e) => stringify(e, { lineWidth: 0 })).join('---\n');
  await writeFileAtomic(file, text);
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const list = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
  io.out(`Wrote ${relative(io.cwd, file) || file}: ${entities.length} entities (${list}).\n`);
  return 0;
}

/** Adds `switchyard export backstage` to the program. */
export function registerExport(program: Command, io: Io, setCode: (code: number) => void) {
  program
    .command('export')
    .description('Export the catalog for another tool.')
    .command('backstage')
    .description(
      'Write catalog-info.yaml: Domain, System, Component, API, Resource, Group and User entities.',
    )
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--out <dir>', 'folder for catalog-info.yaml (default: the catalog folder)')
    .option(
      '--site-url <url>',
      'where the Switchyard site is published, for links back',
      'http://localhost:3000',
    )
    .option('--force', 'replace a catalog-info.yaml that Switchyard did not write', false)
    .action(async (dir: string | undefined, opts: { out?: string; siteUrl: string; force: boolean }) => {
      const root = resolve(io.cwd, dir ?? '.');
      if (!existsSync(root)) throw new UsageError(`No catalog folder at ${root}.`);
      setCode(
        await runExportBackstage({ dir: root, out: opts.out, siteUrl: opts.siteUrl, force: opts.force }, io),
      );
    });
}
