import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './_test-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'eco-federate-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(temp, path)), { recursive: true });
    writeFileSync(join(temp, path), text);
  }
}

describe('switchyard federate', () => {
  it('merges the configured catalogs, fails on a conflict, and writes the lock file', async () => {
    const event = '---\nid: order-placed\nname: Order Placed\nversion: 1.0.0\n---\n';
    write({
      'a/events/OrderPlaced/index.mdx': event,
      'b/events/OrderPlaced/index.mdx': event,
      'b/services/Billing/index.mdx':
        '---\nid: billing\nname: Billing\nversion: 1.0.0\nreceives:\n  - id: order-placed\n---\n',
      'hub/eventcatalog.config.js': `export default ${JSON.stringify({
        federation: [
          { name: 'a', path: '../a' },
          { name: 'b', path: '../b' },
        ],
      })};\n`,
    });
    const run = await cli(temp, 'federate', 'hub');
    expect(run.code).toBe(1);
    expect(run.out).toContain('a/events/OrderPlaced/index.mdx:2:5');
    expect(run.out).toContain(
      'sources "a" (../a/events/OrderPlaced/index.mdx) and "b" (../b/events/OrderPlaced/index.mdx)',
    );
    expect(run.out).toMatch(/Merged 3 sources: hub \(0 resources\), a \(1 resources\), b \(2 resources\)\./);
    const lock = JSON.parse(readFileSync(join(temp, 'hub/switchyard-federation.lock.json'), 'utf8'));
    expect(lock.sources.map((s: { name: string; path?: string }) => [s.name, s.path])).toEqual([
      ['hub', undefined],
      ['a', '../a'],
      ['b', '../b'],
    ]);

    write({
      'hub/eventcatalog.config.js': `export default ${JSON.stringify({
        federation: {
          sources: [
            { name: 'a', path: '../a' },
            { name: 'b', path: '../b' },
          ],
          onConflict: { prefer: 'b' },
        },
      })};\n`,
    });
    const preferred = await cli(
      temp,
      'federate',
      'hub',
      '--format',
      'json',
      '--out',
      'hub/.switchyard/merged',
    );
    expect(preferred.code).toBe(0);
    expect(preferred.err).toMatch(/^Wrote the merged catalog to hub\/\.switchyard\/merged \(\d+ files\)/);
    const built = await cli(temp, 'check', 'hub/.switchyard/merged');
    expect(built.code).toBe(0);
    const codes = JSON.parse(preferred.out).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain('federation-preferred');
  });
});
