import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { applyPlan, describePlan } from '../importers/apply.js';
import { fromAsyncApi } from '../importers/asyncapi.js';
import { fromOpenApi } from '../importers/openapi.js';
import { planImport } from '../importers/plan.js';
import { readSpec } from '../importers/read-spec.js';
import type { Io } from '../io.js';

export interface ImportCommandOptions {
  type: 'openapi' | 'asyncapi';
  /** Absolute path of the spec. */
  spec: string;
  /** Absolute path of the catalog folder. */
  dir: string;
  domain?: string | undefined;
  serviceId?: string | undefined;
  owner?: string | undefined;
  dryRun: boolean;
}

/** Creates or updates a service, its messages, schemas and channels from an OpenAPI or AsyncAPI file. */
export async function runImport(options: ImportCommandOptions, io: Io): Promise<number> {
  const spec = await readSpec(options.spec);
  let service: ReturnType<typeof fromOpenApi>;
  try {
    const importOptions = { serviceId: options.serviceId };
    service =
      options.type === 'openapi' ? fromOpenApi(spec, importOptions) : fromAsyncApi(spec, importOptions);
  } catch (error) {
    throw new UsageError(`${options.spec}: ${(error as Error).message}`);
  }
  const loaded = await loadCatalog(options.dir);
  const plan = planImport(loaded, service, { domain: options.domain, owner: options.owner });
  const summary = `${service.messages.length} messages, ${service.channels.length} channels in ${service.name} ${service.version}`;
  if (plan.changes.length === 0) {
    io.out(`Nothing to change: the catalog matches the spec (${summary}).\n${describePlan(plan)}`);
    return 0;
  }
  if (options.dryRun) {
    io.out(
      `Would make ${plan.changes.length} changes (${summary}); nothing was written:\n${describePlan(plan)}`,
    );
    return 0;
  }
  await applyPlan(loaded.root, plan);
  io.out(`Made ${plan.changes.length} changes (${summary}):\n${describePlan(plan)}`);
  return 0;
}

/** Adds `switchyard import openapi|asyncapi <file>` to the program. */
export function registerImport(program: Command, io: Io, setCode: (code: number) => void) {
  const command = program
    .command('import')
    .description('Create or update a service and its messages from an OpenAPI or AsyncAPI spec.');
  for (const type of ['openapi', 'asyncapi'] as const) {
    command
      .command(type)
      .description(
        type === 'openapi'
          ? 'One command (or query for GET) per operation, with request schemas, received by the service.'
          : 'One message per AsyncAPI message (2.x and 3.x), its channels, and what the service sends and receives.',
      )
      .argument('<file>', `the ${type === 'openapi' ? 'OpenAPI' : 'AsyncAPI'} file (YAML or JSON)`)
      .option('--dir <dir>', 'catalog folder (default: the current folder)')
      .option('--domain <name>', 'put a new service in this domain (created if missing)')
      .option('--service-id <id>', 'id of the service (default: from the spec title)')
      .option('--owner <id>', 'team or user that owns what is created')
      .option('--dry-run', 'print the planned changes without writing', false)
      .action(
        async (
          file: string,
          opts: { dir?: string; domain?: string; serviceId?: string; owner?: string; dryRun: boolean },
        ) => {
          const dir = resolve(io.cwd, opts.dir ?? '.');
          if (!existsSync(dir) || !statSync(dir).isDirectory())
            throw new UsageError(`No catalog folder at ${dir}.`);
          setCode(
            await runImport(
              {
                type,
                spec: resolve(io.cwd, file),
                dir,
                domain: opts.domain,
                serviceId: opts.serviceId,
                owner: opts.owner,
                dryRun: opts.dryRun,
              },
              io,
            ),
          );
        },
      );
  }
}
