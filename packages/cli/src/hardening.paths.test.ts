import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiApp, createSiteApp } from '@switchyard/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogState } from './commands/catalog-state.js';
import type { Io } from './io.js';
import { run } from './program.js';

/**
 * The hostile fixture with symbolic links out of the catalog at every path entry: schemaPath,
 * specifications (through a linked folder), a file a body links to, a public/ asset and folder, an
 * examples/ file and the config itself. Links are made here, in a temporary copy (git does not keep them
 * portably). `build`, `check`, `serve` and `preview` refuse every one: nothing from outside reaches a report's
 * reader, the output or a response.
 */
const hostile = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-harden-paths-'));
const outside = join(scratch, 'outside');
const catalog = join(scratch, 'catalog');
const out = join(scratch, 'site');
const marker = `OUTSIDE-THE-CATALOG-${process.pid}`;
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 30_000);

const leakyEvent = `---
id: leaky-event
name: Leaky event
version: 1.0.0
schemaPath: leak.json
---

The schema, and [the linked file](./linked.yml).
`;
const leakyService = `---
id: leaky-service
name: Leaky service
version: 1.0.0
specifications:
  - type: openapi
    path: specs/openapi.yml
---

A service.
`;

/** Where `needle` starts in `text`, 1-based, as a diagnostic gives it. */
function at(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return `${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
}

function capture(): Io & { text: () => string } {
  let all = '';
  const add = (t: string) => {
    all += t;
  };
  return { out: add, err: add, cwd: catalog, color: false, text: () => all };
}

beforeAll(() => {
  mkdirSync(join(outside, 'specs'), { recursive: true });
  writeFileSync(
    join(outside, 'secret.json'),
    JSON.stringify({ title: marker, type: 'object', properties: { [marker]: { type: 'string' } } }),
  );
  writeFileSync(join(outside, 'secret.txt'), marker);
  writeFileSync(
    join(outside, 'specs/openapi.yml'),
    `openapi: 3.0.0\ninfo: { title: ${marker}, version: 1.0.0 }\npaths: {}\n`,
  );
  writeFileSync(join(outside, 'evil.config.js'), `export default { title: '${marker}' };\n`);

  cpSync(hostile, catalog, { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(catalog, 'events/Leaky/examples'), { recursive: true });
  mkdirSync(join(catalog, 'services/Leaky'), { recursive: true });
  mkdirSync(join(catalog, 'public'), { recursive: true });
  writeFileSync(join(catalog, 'events/Leaky/index.mdx'), leakyEvent);
  writeFileSync(join(catalog, 'services/Leaky/index.mdx'), leakyService);
  writeFileSync(join(catalog, 'public/ok.txt'), 'a public file');
  const link = (target: string, path: string) => symlinkSync(join(outside, target), join(catalog, path));
  link('secret.json', 'events/Leaky/leak.json');
  link('secret.txt', 'events/Leaky/linked.yml');
  link('secret.json', 'events/Leaky/examples/leak.json');
  link('specs', 'services/Leaky/specs');
  link('secret.txt', 'public/leak.txt');
  link('.', 'public/up');
  rmSync(join(catalog, 'eventcatalog.config.js'));
  link('evil.config.js', 'eventcatalog.config.js');
});

/** Every diagnostic about a path that leads out, as `file:line:column`. */
const outsideAt = (list: readonly { code: string; file: string; line: number; column: number }[]) =>
  list.filter((d) => d.code === 'file-outside-catalog').map((d) => `${d.file}:${d.line}:${d.column}`);

/** The same from a command's text report (paths relative to the catalog, where the commands run). */
const outsideInReport = (text: string) =>
  [...text.matchAll(/^(\S+:\d+:\d+) .*\(file-outside-catalog\)$/gm)].map((m) => m[1]);

/** What the loader sees (check, build, serve): every link out, at the field that names it or where it is. */
const loaderSees = () => [
  'eventcatalog.config.js:1:1',
  `events/Leaky/index.mdx:${at(leakyEvent, 'leak.json')}`,
  'events/Leaky/examples/leak.json:1:1',
  `services/Leaky/index.mdx:${at(leakyService, 'specs/openapi.yml')}`,
];

describe('links out of the catalog', () => {
  it('check reports each one where it is named, and runs no config from outside', async () => {
    const io = capture();
    expect(await run(['check', catalog], io)).toBe(1);
    expect(outsideInReport(io.text())).toEqual(expect.arrayContaining(loaderSees()));
    expect(io.text()).not.toContain(marker);
  });

  it('build refuses each one (also the body link and public/) and writes nothing from outside', async () => {
    const io = capture();
    expect(await run(['build', catalog, '--out', out], io)).toBe(1);
    expect(outsideInReport(io.text())).toEqual(
      expect.arrayContaining([
        ...loaderSees(),
        `events/Leaky/index.mdx:${at(leakyEvent, '[the linked file]')}`,
        'public/leak.txt:1:1',
        'public/up:1:1',
      ]),
    );
    expect(readFileSync(join(out, 'ok.txt'), 'utf8')).toBe('a public file');
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(out, f));
      } catch {
        continue; // a folder
      }
      expect(bytes.toString('latin1'), f).not.toContain(marker);
    }
  }, 60_000);

  const paths = [
    '/leak.txt',
    '/up/secret.txt',
    '/_sy/files/events/Leaky/linked.yml',
    '/_sy/files/events/Leaky/leak.json',
    '/_sy/files/events/Leaky/examples/leak.json',
    '/docs/events/leaky-event/1.0.0/',
    '/docs/services/leaky-service/1.0.0/',
  ];

  it('preview serves nothing from outside', async () => {
    const app = createSiteApp({ root: () => out, base: () => '/' });
    for (const path of paths) expect(await (await app.request(path)).text(), path).not.toContain(marker);
    expect((await app.request('/leak.txt')).status).toBe(404);
    expect((await app.request('/docs/events/leaky-event/1.0.0/')).status).toBe(200);
  });

  it('serve answers and reads nothing from outside', async () => {
    const { loaded, state } = await loadCatalogState(catalog);
    expect(outsideAt(loaded.diagnostics)).toEqual(expect.arrayContaining(loaderSees()));
    const app = createApiApp({ getState: () => state, siteRoot: () => out, base: () => '/' });
    for (const path of [
      ...paths,
      '/api/resource?ref=event:leaky-event',
      '/api/resource?ref=service:leaky-service',
    ]) {
      expect(await (await app.request(path)).text(), path).not.toContain(marker);
    }
    const search = (await (await app.request(`/api/search?q=${marker}`)).json()) as { hits: unknown[] };
    expect(JSON.stringify(search.hits)).not.toContain(marker);
    for (const file of ['events/Leaky/leak.json', 'services/Leaky/specs/openapi.yml', 'public/leak.txt'])
      expect(state.readFile(file), file).toBeUndefined();
    expect(JSON.stringify(await state.fields())).not.toContain(marker);
  });
});
