import { relative, resolve } from 'node:path';
import { federateCatalog, writeFederatedFolder, writeFederationLock } from '@switchyard/loader';
import { countResources } from '@switchyard/model';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { renderJson } from '../format/json.js';
import { tally } from '../format/summary.js';
import { renderText } from '../format/text.js';
import type { Io } from '../io.js';
import { terminalStyle } from '../io.js';

export interface FederateCommandOptions {
  dir: string;
  update: boolean;
  format: 'text' | 'json';
  /** Also write the merged catalog as one folder (relative to the hub), for build, dev and check. */
  out?: string | undefined;
}

/**
 * Merges the catalogs listed under `federation` in the config into one, reports every problem (naming its
 * source) and writes the lock file pinning what was merged. Exit 1 when the merged catalog has errors.
 */
export async function runFederate(options: FederateCommandOptions, io: Io): Promise<number> {
  const federated = await federateCatalog(options.dir, { update: options.update });
  const counts = countResources(federated.catalog);
  const lockFile = await writeFederationLock(federated);
  if (options.format === 'json') {
    io.out(renderJson(federated.diagnostics, counts));
  } else {
    const displayPath = (file: string) => relative(io.cwd, resolve(federated.root, file)) || file;
    io.out(renderText(federated.diagnostics, counts, { displayPath, style: terminalStyle(io) }));
    const sources = federated.sources
      .map((s) => `${s.name} (${s.resources} resources${s.commit ? ` at ${s.commit.slice(0, 12)}` : ''})`)
      .join(', ');
    io.out(
      `Merged ${federated.sources.length} sources: ${sources}. Pinned in ${relative(io.cwd, lockFile)}.\n`,
    );
  }
  if (options.out) {
    const written = await writeFederatedFolder(federated, options.out).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    const renamed =
      written.renamed.length > 0 ? ` Renamed to keep apart: ${written.renamed.join(', ')}.` : '';
    const note = `Wrote the merged catalog to ${relative(io.cwd, written.out)} (${written.files} files).${renamed}\n`;
    if (options.format === 'json') io.err(note);
    else io.out(note);
  }
  return tally(federated.diagnostics).errors > 0 ? 1 : 0;
}

/** Adds `switchyard federate [dir]` to the program. */
export function registerFederate(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
  catalogDir: (positional: string | undefined, option: string | undefined, io: Io) => string,
) {
  program
    .command('federate')
    .description(
      'Merge the catalogs listed under "federation" in the config (folders, git repositories) into one.',
    )
    .argument('[dir]', 'the hub catalog whose config lists the sources (default: the current folder)')
    .option('--dir <dir>', 'hub catalog folder, as an option')
    .option('--update', 'take each git source at its ref now, not at the commit in the lock file', false)
    .option('--format <format>', 'output format: text or json', 'text')
    .option('--out <dir>', 'also write the merged catalog as one folder (e.g. .switchyard/merged) to build')
    .action(
      async (
        dir: string | undefined,
        opts: { dir?: string; update: boolean; format: string; out?: string },
      ) => {
        const format = opts.format === 'json' ? 'json' : 'text';
        const hub = catalogDir(dir, opts.dir, io);
        const out = opts.out ? resolve(io.cwd, opts.out) : undefined;
        setCode(await runFederate({ dir: hub, update: opts.update, format, out }, io));
      },
    );
}
