import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '@switchyard/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../node/build.js';
import { directoryPageSize } from './people.js';

const root = mkdtempSync(join(tmpdir(), 'switchyard-people-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('a person page listing more than it shows', () => {
  it('links the rest to Discover for kinds Discover has, and to nothing that was not built for the others', async () => {
    write('users/ana.md', '---\nid: ana\nname: Ana\n---\n');
    for (let i = 0; i < 30; i++) {
      write(
        `docs/guides/g${i}.mdx`,
        `---\ntitle: Guide ${i}\nsummary: A guide.\nowners: [ana]\n---\nText.\n`,
      );
      write(`events/E${i}/index.md`, `---\nid: e${i}\nname: E${i}\nversion: 1.0.0\nowners: [ana]\n---\n`);
    }
    const loaded = await loadCatalog(root);
    const result = await buildSite(loaded, { outDir: join(root, 'dist') });
    const html = readFileSync(join(root, 'dist/docs/users/ana/index.html'), 'utf8');
    expect(html).toContain('href="/discover/events?owner=ana"');
    expect(html).not.toContain('/discover/docs');
    expect(html).toContain('And 15 more.');
    expect(result.diagnostics.filter((d) => d.code === 'broken-link')).toEqual([]);
  }, 60_000);
});

describe('the people directory', () => {
  it('continues on numbered pages past a page of cards, each linked from the others', async () => {
    const dir = join(root, 'many');
    const people = 2 * directoryPageSize + 10;
    for (let i = 0; i < people; i++) {
      const id = `u${String(i).padStart(3, '0')}`;
      mkdirSync(join(dir, 'users'), { recursive: true });
      writeFileSync(join(dir, `users/${id}.md`), `---\nid: ${id}\nname: Person ${id}\n---\n`);
    }
    const loaded = await loadCatalog(dir);
    const result = await buildSite(loaded, { outDir: join(dir, 'dist') });
    const page = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
    const cards = (html: string) => html.split('class="sy-cards__item"').length - 1;
    const first = page('directory/users');
    expect(cards(first)).toBe(directoryPageSize);
    expect(first).toContain('Person u000');
    expect(first).not.toContain(`Person u${directoryPageSize}`);
    expect(first).toContain('href="/directory/users/3"');
    expect(first).toContain('rel="next"');
    const last = page('directory/users/3');
    expect(cards(last)).toBe(10);
    expect(last).toContain(`Person u${people - 1}`);
    expect(last).toContain('aria-current="page">3<');
    expect(last).toContain('href="/directory/users"');
    expect(result.diagnostics.filter((d) => d.code === 'broken-link')).toEqual([]);
  }, 60_000);
});
