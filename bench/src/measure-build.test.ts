import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildMeasurement } from './measure-build.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(repo, '../shared/fixtures/eventcatalog-acme');
const scratch = mkdtempSync(join(tmpdir(), 'sy-measure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One run of the compiled measuring child, as the benchmark spawns it. */
function measure(...extra: string[]): BuildMeasurement {
  const out = execFileSync(
    process.execPath,
    [join(repo, 'bench/dist/measure-build.js'), fixture, scratch, ...extra],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as BuildMeasurement;
}

describe('measure-build', () => {
  it('builds the catalog it is given, weighs its model, and counts the threads that hold a copy', () => {
    const inline = measure();
    expect(inline.pages).toBeGreaterThan(500);
    expect(inline.modelHeapMB).toBeGreaterThan(1);
    expect(inline.modelThreads).toBe(0);
    const threaded = measure('--threads-from', '0');
    expect(threaded.pages).toBe(inline.pages);
    expect(threaded.modelThreads).toBeGreaterThanOrEqual(1);
    // It removes the site it built.
    expect(readdirSync(scratch)).toEqual([]);
  }, 120_000);
});
