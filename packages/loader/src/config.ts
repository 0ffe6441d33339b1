import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CatalogConfig,
  configSchema,
  type Diagnostic,
  diagnostic,
  formatPath,
  unknownConfigFields,
} from '@switchyard/model';
import { createJiti } from 'jiti';
import { fieldPosition } from './config-position.js';
import { refusalText, rootPolicy } from './inside-root.js';
import { readText } from './read-text.js';

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
 * A field of the wrong type is reported and left at its default; a field no version of EventCatalog nor
 * Switchyard has is reported (`config-unknown-field`) and ignored. Both at the field's line in the file.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const diagnostics: Diagnostic[] = [];
  // A config file is run: one that is a link out of the catalog is refused, not run.
  const policy = rootPolicy(root);
  const found = configFiles.filter((file) => {
    if (!existsSync(join(root, file))) return false;
    const inside = policy.resolve(file);
    if ('real' in inside) return true;
    const message = `${file} ${refusalText[inside.refused]}; it is not run.`;
    diagnostics.push(diagnostic('file-outside-catalog', message, { file, line: 1, column: 1 }));
    return false;
  });
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
    const read = readText(join(root, file));
    const checked = checkConfig(file, 'text' in read ? read.text : '', value);
    diagnostics.push(...checked.diagnostics);
    config = { ...config, ...checked.config };
  }
  return { config, files: found, diagnostics };
}

/**
 * One config file's exported value against the schema: what applies of it, and what is wrong where.
 * Fields in error fall back to their defaults; the rest of the file applies.
 */
function checkConfig(
  file: string,
  text: string,
  value: unknown,
): { config: CatalogConfig; diagnostics: Diagnostic[] } {
  const at = (field: PropertyKey | undefined) => ({
    file,
    ...(typeof field === 'string' ? fieldPosition(text, field) : { line: 1, column: 1 }),
  });
  const diagnostics = unknownConfigFields(value).map(({ field, suggestion }) =>
    diagnostic(
      'config-unknown-field',
      `Unknown config field "${field}".`,
      at(field),
      suggestion ? { hint: `Did you mean "${suggestion}"? The field is ignored meanwhile.` } : {},
    ),
  );
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return { config: parsed.data, diagnostics };
  for (const issue of parsed.error.issues) {
    const field = formatPath(issue.path as (string | number)[]);
    const what = field ? `"${field}"` : 'The exported value';
    diagnostics.push(diagnostic('config-error', `${what}: ${issue.message}.`, at(issue.path[0])));
  }
  const salvaged = configSchema.safeParse(withoutFields(value, parsed.error.issues));
  return { config: salvaged.success ? salvaged.data : {}, diagnostics };
}

/** The config object without the top-level fields the issues are in. */
function withoutFields(value: unknown, issues: readonly { path: readonly PropertyKey[] }[]): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const rest: Record<PropertyKey, unknown> = { ...value };
  for (const issue of issues) if (issue.path[0] !== undefined) delete rest[issue.path[0]];
  return rest;
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
