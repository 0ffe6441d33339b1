import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { runBuild } from './commands/build.js';
import { runCheck } from './commands/check.js';
import { runDev } from './commands/dev.js';
import { runDiff } from './commands/diff.js';
import { registerExport } from './commands/export.js';
import { registerFederate } from './commands/federate.js';
import { runImpact } from './commands/impact.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerMcp } from './commands/mcp.js';
import { runPreview } from './commands/preview.js';
import { runScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import type { Io } from './io.js';

export const version = '0.1.0';

import { UsageError } from './errors.js';

export { UsageError };

/** The folder a command works on: `--dir`, else the positional `dir`, else the current folder. */
export function catalogDir(positional: string | undefined, option: string | undefined, io: Io): string {
  if (positional && option && resolve(io.cwd, positional) !== resolve(io.cwd, option)) {
    throw new UsageError(`Give the catalog folder once: "${positional}" and --dir "${option}" differ.`);
  }
  const dir = resolve(io.cwd, option ?? positional ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`No catalog folder at ${dir}.`);
  return dir;
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('switchyard')
    .description('A fast docs-as-code catalog for event-driven architectures.')
    .version(version, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('check')
    .description('Validate a catalog and print every problem with its file, line and column.')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'),
    )
    .option('--strict', 'fail on warnings too', false)
    .action(
      async (
        dir: string | undefined,
        opts: { dir?: string; format: 'text' | 'json' | 'github'; strict: boolean },
      ) => {
        setCode(
          await runCheck(
            { dir: catalogDir(dir, opts.dir, io), format: opts.format, strict: opts.strict },
            io,
          ),
        );
      },
    );

  program
    .command('impact')
    .description('List what a change to a resource touches: peers, flows, teams to ask, pages to update.')
    .argument('<ref>', 'the resource, as kind:id or kind:id@version (e.g. command:reserve-inventory)')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .option('--depth <n>', 'how far to follow triggers and subflows', '3')
    .action(
      async (
        ref: string,
        dir: string | undefined,
        opts: { dir?: string; format: 'text' | 'markdown' | 'json'; depth: string },
      ) => {
        const depth = Number(opts.depth);
        if (!Number.isInteger(depth) || depth < 1)
          throw new UsageError(`--depth must be a whole number from 1, not "${opts.depth}".`);
        setCode(await runImpact({ dir: catalogDir(dir, opts.dir, io), ref, format: opts.format, depth }, io));
      },
    );

  program
    .command('score')
    .description('Score the catalog per team and per domain: owners, docs, schemas, producers, consumers...')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .addOption(new Option('--by <group>', 'score only teams or only domains').choices(['team', 'domain']))
    .option('--min <n>', 'exit 1 when a team or domain scores below n (0-100)')
    .action(
      async (
        dir: string | undefined,
        opts: { dir?: string; format: 'text' | 'markdown' | 'json'; by?: 'team' | 'domain'; min?: string },
      ) => {
        const min = opts.min === undefined ? undefined : Number(opts.min);
        if (min !== undefined && (!Number.isFinite(min) || min < 0 || min > 100))
          throw new UsageError(`--min must be a number from 0 to 100, not "${opts.min}".`);
        setCode(
          await runScore(
            {
              dir: catalogDir(dir, opts.dir, io),
              format: opts.format,
              by: opts.by ? [opts.by] : ['team', 'domain'],
              ...(min !== undefined ? { min } : {}),
            },
            io,
          ),
        );
      },
    );

  program
    .command('diff')
    .description(
      'Compare two versions of a catalog: resources, edges, owners, and schema changes that break.',
    )
    .argument('<base>', 'git revision (e.g. HEAD~1, main) or catalog folder to compare from')
    .argument('[head]', 'git revision or catalog folder to compare to (default: the working tree)')
    .option('--dir <dir>', 'catalog folder (default: the current folder)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .addOption(
      new Option('--fail-on <what>', 'exit 1 on breaking changes, or on any change').choices([
        'breaking',
        'any',
      ]),
    )
    .action(
      async (
        base: string,
        head: string | undefined,
        opts: { dir?: string; format: 'text' | 'markdown' | 'json'; failOn?: 'breaking' | 'any' },
      ) => {
        setCode(
          await runDiff(
            {
              dir: catalogDir(undefined, opts.dir, io),
              base,
              head,
              format: opts.format,
              failOn: opts.failOn,
            },
            io,
          ),
        );
      },
    );

  program
    .command('build')
    .description('Build the documentation site into a folder any static host serves.')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .option('--out <dir>', 'output folder (default: outDir from the config, else dist)')
    .option('--force', 'build even when nothing changed since the last build')
    .action(async (dir: string | undefined, opts: { dir?: string; out?: string; force?: boolean }) => {
      setCode(await runBuild({ dir: catalogDir(dir, opts.dir, io), out: opts.out, force: opts.force }, io));
    });

  program
    .command('dev')
    .description('Serve the site while watching the catalog; pages reload on save and show problems.')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .option('--port <port>', 'port on localhost', '3000')
    .action(async (dir: string | undefined, opts: { dir?: string; port: string }) => {
      setCode(await runDev({ dir: catalogDir(dir, opts.dir, io), port: port(opts.port) }, io));
    });

  program
    .command('preview')
    .description('Serve the folder "build" wrote, as a static host would.')
    .argument('[dir]', 'catalog folder (default: the current folder)')
    .option('--dir <dir>', 'catalog folder, as an option')
    .option('--out <dir>', 'the built folder (default: outDir from the config, else dist)')
    .option('--port <port>', 'port on localhost', '3000')
    .action(async (dir: string | undefined, opts: { dir?: string; out?: string; port: string }) => {
      setCode(
        await runPreview({ dir: catalogDir(dir, opts.dir, io), out: opts.out, port: port(opts.port) }, io),
      );
    });

  registerInit(program, io, setCode, version);
  registerImport(program, io, setCode);
  registerExport(program, io, setCode);
  registerFederate(program, io, setCode, catalogDir);
  registerServe(program, io, setCode);
  registerMcp(program, io, setCode);

  return program;
}

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${text}".`);
  return n;
}

/**
 * Runs the command line and returns the exit code: 0 fine, 1 the catalog has errors, 2 a usage error.
 * `argv` is the arguments after the program name.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
