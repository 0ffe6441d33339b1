import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { cancel, intro, isCancel, outro, text } from '@clack/prompts';
import { writeFileAtomic } from '@switchyard/loader';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { defaultAnswers, type ScaffoldAnswers, scaffoldFiles } from '../scaffold/scaffold.js';

export interface InitOptions {
  /** Absolute path of the folder to create the catalog in. */
  dir: string;
  /** Take the defaults without asking. */
  yes: boolean;
  /** Write into a folder that is not empty (files of the scaffold that exist are still kept). */
  force: boolean;
  /** Ask on the terminal; false in tests and pipes. */
  interactive: boolean;
  cliVersion: string;
}

/** Creates a new catalog: config, a domain, a service, an event with a schema, a team, package.json. */
export async function runInit(options: InitOptions, io: Io): Promise<number> {
  const { dir } = options;
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`${dir} is a file, not a folder.`);
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f !== '.git') : [];
  if (present.length > 0 && !options.force) {
    throw new UsageError(
      `${dir} is not empty (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', ...' : ''}). ` +
        'Pick an empty folder, or pass --force to add the catalog beside what is there.',
    );
  }
  const answers = options.yes || !options.interactive ? defaultAnswers : await ask();
  if (!answers) return 130;

  const files = scaffoldFiles(answers, options.cliVersion);
  const skipped: string[] = [];
  await mkdir(dir, { recursive: true });
  for (const [path, content] of files) {
    const file = join(dir, path);
    if (existsSync(file)) {
      skipped.push(path);
      continue;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, content);
  }
  const shown = relative(io.cwd, dir) || '.';
  io.out(`Created a catalog in ${shown} (${files.size - skipped.length} files).\n`);
  if (skipped.length > 0) io.out(`Kept existing files: ${skipped.join(', ')}.\n`);
  io.out(`Next: cd ${shown} && npm install && npm run dev\n`);
  return 0;
}

async function ask(): Promise<ScaffoldAnswers | undefined> {
  intro('New Switchyard catalog');
  const answers = { ...defaultAnswers };
  const questions: [keyof ScaffoldAnswers, string][] = [
    ['title', 'Organisation or catalog name'],
    ['domain', 'First domain'],
    ['service', 'A service in it'],
    ['event', 'An event that service publishes'],
    ['team', 'The team that owns them'],
  ];
  for (const [key, message] of questions) {
    const value = await text({
      message,
      placeholder: defaultAnswers[key],
      defaultValue: defaultAnswers[key],
      validate: (v) => (v && !/[A-Za-z0-9]/.test(v) ? 'Use at least one letter or digit.' : undefined),
    });
    if (isCancel(value)) {
      cancel('Nothing was written.');
      return undefined;
    }
    answers[key] = value.trim() || defaultAnswers[key];
  }
  outro('Writing files');
  return answers;
}

/** Adds `switchyard init [dir]` to the program. */
export function registerInit(program: Command, io: Io, setCode: (code: number) => void, cliVersion: string) {
  program
    .command('init')
    .description('Create a new catalog: config, a domain, a service, an event with a schema, a team.')
    .argument('[dir]', 'folder to create it in (default: the current folder)')
    .option('-y, --yes', 'take the defaults without asking', false)
    .option('--force', 'write into a folder that is not empty (existing files are kept)', false)
    .action(async (dir: string | undefined, opts: { yes: boolean; force: boolean }) => {
      const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;
      setCode(
        await runInit(
          { dir: resolve(io.cwd, dir ?? '.'), yes: opts.yes, force: opts.force, interactive, cliVersion },
          io,
        ),
      );
    });
}
