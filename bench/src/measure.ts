/**
 * One measured run, in its own process so that its peak memory is its own:
 * `node bench/dist/measure.js <catalog-dir>` loads and checks the catalog (loadCatalog, then countResources)
 * and prints one line of JSON (a Measurement) on stdout.
 */
import { loadCatalog } from '@switchyard/loader';
import { countResources } from '@switchyard/model';

export interface Measurement {
  /** Wall time of loadCatalog + countResources, in milliseconds (module loading and Node startup excluded). */
  ms: number;
  /** Peak resident set size of the whole process, in MB (process.resourceUsage().maxRSS is in KB). */
  maxRssMB: number;
  diagnostics: number;
  /** The first diagnostics, to show when there should have been none. */
  firstDiagnostics: string[];
  counts: Record<string, number>;
  /** Files under the catalog root, as the loader listed them. */
  files: number;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node bench/dist/measure.js <catalog-dir>\n');
    process.exit(2);
  }
  const start = performance.now();
  const loaded = await loadCatalog(dir);
  const counts = countResources(loaded.catalog);
  const ms = performance.now() - start;
  const result: Measurement = {
    ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    diagnostics: loaded.diagnostics.length,
    firstDiagnostics: loaded.diagnostics
      .slice(0, 10)
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`),
    counts: { ...counts },
    files: loaded.files.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
