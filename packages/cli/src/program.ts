import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { runCheck } from './commands/check.js';
import type { Io } from './io.js';

export const version = '0.1.0';

/** A command-line mistake: printed with usage help, exit code 2. */
export class UsageError extends Error {}

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

  return program;
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
