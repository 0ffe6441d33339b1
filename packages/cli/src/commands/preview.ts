import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@switchyard/loader';
import { resolveConfig } from '@switchyard/model';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { securityHeaders } from '../server/csp.js';
import { createStaticServer, listen } from '../server/static.js';

/** Serves the folder `build` wrote, as a static host would. Runs until stopped. */
export async function runPreview(
  options: { dir: string; out?: string | undefined; port: number },
  io: Io,
): Promise<number> {
  const config = resolveConfig((await loadConfig(options.dir)).config);
  const root = resolve(options.dir, options.out ?? config.outDir);
  if (!existsSync(resolve(root, 'index.html')))
    throw new UsageError(`No built site in ${root}: run "switchyard build" first.`);
  const server = createStaticServer({ root, base: config.base, headers: securityHeaders });
  const url = await listen(server, options.port);
  io.out(`Serving ${root} at ${url}${config.base}\n`);
  await new Promise<void>((done) => server.on('close', done));
  return 0;
}
