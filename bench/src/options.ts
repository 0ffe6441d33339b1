/** The command line of run.js. */
import { parseArgs } from 'node:util';
import { type CatalogSize, defaultSizes, parseSizes } from './sizes.js';

export interface Options {
  sizes: CatalogSize[];
  runs: number;
  /** `--runs` was given: then sizes from 10,000 resources up get that many build runs too, not one. */
  runsGiven: boolean;
  seed: number;
  strict: boolean;
  loadCheck: boolean;
  build: boolean;
  rebuild: boolean;
  dev: boolean;
  /** Saves per page kind in the dev server. */
  edits: number;
  browser: boolean;
  /** Also run the visualiser's layout benchmark (layout.js) at the end. */
  layout: boolean;
  /** Stop a build run (or the dev server's start) after this many ms (0: never). */
  timeoutMs: number;
}

export const usage = `node bench/dist/run.js [--sizes S,M,L,XL|XXL] [--runs 3] [--seed 1] [--strict]
  [--skip-build | --build-only] [--skip-rebuild] [--skip-dev] [--edits 3] [--browser] [--layout]
  [--build-timeout 900]`;

export function parseOptions(argv = process.argv.slice(2)): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: defaultSizes },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      strict: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      'build-only': { type: 'boolean', default: false },
      'skip-rebuild': { type: 'boolean', default: false },
      'skip-dev': { type: 'boolean', default: false },
      edits: { type: 'string', default: '3' },
      browser: { type: 'boolean', default: false },
      layout: { type: 'boolean', default: false },
      'build-timeout': { type: 'string', default: '900' },
    },
  });
  const positive = (name: string, text: string | undefined, fallback: string) => {
    const n = Number(text ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive integer (got "${text}")`);
    return n;
  };
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed takes an integer (got "${values.seed}")`);
  const timeout = Number(values['build-timeout']);
  if (!Number.isFinite(timeout) || timeout < 0)
    throw new Error(`--build-timeout takes seconds, 0 for none (got "${values['build-timeout']}")`);
  if (values['skip-build'] && values['build-only'])
    throw new Error('--skip-build and --build-only leave nothing to do; give one of them');
  return {
    sizes: parseSizes(values.sizes),
    runs: positive('runs', values.runs, '3'),
    runsGiven: values.runs !== undefined,
    seed,
    strict: values.strict,
    loadCheck: !values['build-only'],
    build: !values['skip-build'],
    rebuild: !values['skip-rebuild'],
    dev: !values['skip-dev'] && !values['build-only'],
    edits: positive('edits', values.edits, '3'),
    browser: values.browser,
    layout: values.layout,
    timeoutMs: timeout * 1000,
  };
}
