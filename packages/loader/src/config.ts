import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CatalogConfig, configSchema, type Diagnostic, diagnostic, formatPath } from '@switchyard/model';
import { createJiti } from 'jiti';

/** Files read for settings, in order; later ones override earlier ones field by field. */
export const configFiles = [
  'eventcatalog.config.js',
  'eventcatalog.config.mjs',
  'eventcatalog.config.cjs',
  'switchyard.config.js',
  'switchyard.config.mjs',
  'switchyard.config.ts',
];

export interface LoadedConfig {
  config: CatalogConfig;
  /** Config files that were found, relative to the root. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the catalog's settings. Config files are JavaScript (or TypeScript) modules exporting an object,
 * so they are run, as every tool with a JS config does; a file that fails gives a diagnostic and is skipped.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const found = configFiles.filter((f) => existsSync(join(root, f)));
  const diagnostics: Diagnostic[] = [];
  let config: CatalogConfig = {};
  if (found.length === 0) return { config, files: [], diagnostics };
  const jiti = createJiti(join(root, 'noop.js'), {
    moduleCache: false,
    fsCache: false,
    interopDefault: true,
  });
  for (const file of found) {
    let value: unknown;
    try {
      value = await jiti.import(join(root, file), { default: true });
    } catch (error) {
      const { line, column } = errorPosition(error);
      diagnostics.push(
        diagnostic('config-error', `${file} could not be run: ${firstLine(error)}`, { file, line, column }),
      );
      continue;
    }
    const parsed = configSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = formatPath(issue.path as (string | number)[]);
        diagnostics.push(
          diagnostic('config-error', `${field ? `"${field}"` : 'The exported value'}: ${issue.message}.`, {
            file,
            line: 1,
            column: 1,
          }),
        );
      }
      continue;
    }
    config = { ...config, ...parsed.data };
  }
  return { config, files: found, diagnostics };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function errorPosition(error: unknown): { line: number; column: number } {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const m = /config\.[cm]?[jt]s:(\d+):(\d+)/.exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 1, column: 1 };
}
