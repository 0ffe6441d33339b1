import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/acme', import.meta.url));
const event =
  'domains/Fulfilment/systems/inventory-system/services/InventoryService/events/InventoryReserved';
const page = '/docs/events/inventory-reserved/1.0.0/';

let dir = '';
let child: ChildProcess | undefined;
let origin = '';
/** Each `reload` the dev server sends to open pages, as it arrives. */
let reloads = 0;
let stream: AbortController | undefined;

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('switchyard dev', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-dev-test-'));
    cpSync(example, dir, { recursive: true, filter: (src) => !/[\\/]dist([\\/]|$)/.test(src) });
    child = spawn(process.execPath, [bin, 'dev', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
    });
    await until(() => /dev server at (http:\/\/[^/\s]+)/.test(out), 60_000);
    origin = /dev server at (http:\/\/[^/\s]+)/.exec(out)?.[1] ?? '';
    stream = new AbortController();
    const res = await fetch(`${origin}/__sy/events`, { signal: stream.signal });
    const reader = res.body?.getReader();
    void (async () => {
      for (;;) {
        const chunk = await reader?.read().catch(() => undefined);
        if (!chunk || chunk.done) return;
        reloads += (new TextDecoder().decode(chunk.value).match(/event: reload/g) ?? []).length;
      }
    })();
  }, 90_000);

  afterAll(() => {
    stream?.abort();
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the site, and after a saved body the page shows it and open pages are told to reload', async () => {
    const before = await (await fetch(`${origin}${page}`)).text();
    expect(before).toContain('Inventory Reserved');
    expect(before).toContain('/__sy/events');
    const file = join(dir, event, 'index.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nHeld stock is released by a nightly sweep.\n`);
    const seen = reloads;
    await until(async () => (await (await fetch(`${origin}${page}`)).text()).includes('nightly sweep'));
    await until(() => reloads > seen);
  }, 60_000);

  it('reads a saved schema again: the page shows the new field', async () => {
    const file = join(dir, event, 'schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.holdReason = { type: 'string', description: 'Why the stock is held' };
    writeFileSync(file, JSON.stringify(schema, null, 2));
    await until(async () => (await (await fetch(`${origin}${page}`)).text()).includes('holdReason'));
  }, 60_000);

  it('reports a broken file in the overlay data and keeps serving the rest', async () => {
    const file = join(dir, event, 'index.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n<Broken\n`);
    await until(async () => {
      const list = (await (await fetch(`${origin}/__sy/diagnostics.json`)).json()) as { file: string }[];
      return list.some((d) => d.file.endsWith('InventoryReserved/index.mdx'));
    });
    expect((await fetch(`${origin}/docs/events/`)).status).toBeLessThan(500);
    expect(await (await fetch(`${origin}${page}`)).text()).toContain('Inventory Reserved');
  }, 60_000);
});
