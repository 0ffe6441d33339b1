import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { run } from './program.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const hostile = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
const bin = join(repo, 'packages/cli/dist/bin.js');
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-harden-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 30_000);

function capture(): Io & { text: () => string } {
  let all = '';
  return {
    out: (t) => {
      all += t;
    },
    err: (t) => {
      all += t;
    },
    cwd: repo,
    color: false,
    text: () => all,
  };
}

function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** A catalog of many small pages: long enough a build to stop halfway, quick enough a test. */
function manyEvents(count: number): string {
  const root = join(scratch, 'many');
  for (let i = 0; i < count; i++) {
    mkdirSync(join(root, `events/E${i}`), { recursive: true });
    writeFileSync(
      join(root, `events/E${i}/index.mdx`),
      `---\nid: e${i}\nname: Event ${i}\nversion: 1.0.0\nsummary: Number ${i}\n---\n\n## About\n\nEvent **${i}**.\n`,
    );
  }
  return root;
}

describe('an interrupted build', () => {
  it('leaves the previous site whole when killed halfway', async () => {
    const catalog = manyEvents(250);
    const out = join(scratch, 'site');
    expect(await run(['build', catalog, '--out', out], capture())).toBe(0);
    const before = snapshot(out);
    expect(before.size).toBeGreaterThan(50);

    const child = spawn(process.execPath, [bin, 'build', catalog, '--out', out, '--force'], {
      stdio: 'ignore',
    });
    const work = `${out}.building-${child.pid}`;
    // Kill it once it has started writing its pages.
    const started = Date.now();
    while (!existsSync(join(work, 'docs')) && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(existsSync(join(work, 'docs')), 'the build never started writing').toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // It was stopped before the swap: its half-written folder is still there.
    expect(existsSync(work)).toBe(true);

    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, html] of before) expect(after.get(file), file).toBe(html);
    expect(existsSync(join(out, '.switchyard-build'))).toBe(true);

    // The next build still succeeds over it.
    expect(await run(['build', catalog, '--out', out, '--force'], capture())).toBe(0);
    expect(snapshot(out).size).toBe(before.size);
  }, 120_000);
});

describe('the hostile fixture', () => {
  it('builds, refusing every path that leaves the catalog, and reads nothing outside it', async () => {
    const out = join(scratch, 'hostile');
    const io = capture();
    expect(await run(['build', hostile, '--out', out], io)).toBe(1);
    const report = io.text();
    expect(report).toMatch(
      /schema path "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" leads outside/,
    );
    expect(report).toMatch(/specification path "\/etc\/passwd" is absolute/);
    expect(report).toMatch(/specification path "file:\/\/\/etc\/passwd" is a URL that is not http\(s\)/);
    expect(report).toMatch(/import "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" leads outside/);
    expect(report).toMatch(/import "\/etc\/passwd" is absolute/);
    expect(report).toMatch(
      /specification path "leak\.graphql" is a symbolic link that leads outside the catalog/,
    );
    expect(report).toMatch(/Removed the expression \{frontmatter\.name\.constructor/);
    expect(report).toMatch(/Removed an export statement/);
    // Nothing from outside the root reached the site: /etc/passwd's first line, the host's name.
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(html|json|txt|md)$/.test(f)) continue;
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toContain('root:x:0:0');
      if (hostname.length > 3) expect(text, f).not.toContain(hostname);
    }
  }, 60_000);
});
