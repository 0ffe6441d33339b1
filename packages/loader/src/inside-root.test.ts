import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyInside,
  createRootReader,
  resolveCatalogPath,
  resolveInside,
  rootPolicy,
  writableInside,
} from './inside-root.js';

const scratch = mkdtempSync(join(tmpdir(), 'inside-root-'));
const root = join(scratch, 'catalog');
const secret = 'TOP-SECRET';
mkdirSync(join(root, 'events/A'), { recursive: true });
mkdirSync(join(scratch, 'outside'), { recursive: true });
writeFileSync(join(root, 'events/A/schema.json'), '{"ok":true}');
writeFileSync(join(scratch, 'outside/secret.txt'), secret);
symlinkSync(join(scratch, 'outside/secret.txt'), join(root, 'events/A/leak.json'));
symlinkSync(join(scratch, 'outside'), join(root, 'events/A/specs'));
symlinkSync(join(root, 'events/A/schema.json'), join(root, 'events/A/alias.json'));
// A link inside that leads to a link out: the real path decides.
symlinkSync(join(root, 'events/A/leak.json'), join(root, 'events/A/chain.json'));
symlinkSync(join(scratch, 'nowhere'), join(root, 'events/A/broken.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the path policy, as text', () => {
  it.each([
    ['../x', 'climbs'],
    ['a/../../x', 'climbs'],
    ['..\\..\\x', 'climbs'],
    ['/etc/passwd', 'absolute'],
    ['\\etc\\passwd', 'absolute'],
    ['C:\\Windows\\win.ini', 'absolute'],
    ['c:/x', 'absolute'],
    ['schema.json\0.txt', 'nul'],
  ])('refuses %j (%s)', (path, why) => {
    expect(resolveCatalogPath(path)).toEqual({ refused: why });
  });

  it('resolves against the folder of the file that names the path', () => {
    expect(resolveCatalogPath('../B/schema.json', 'events/A')).toEqual({ path: 'events/B/schema.json' });
    expect(resolveCatalogPath('./schema.json', 'events/A')).toEqual({ path: 'events/A/schema.json' });
    expect(resolveCatalogPath('../../../x', 'events/A')).toEqual({ refused: 'climbs' });
    expect(resolveCatalogPath('.')).toEqual({ path: '' });
  });
});

describe('the path policy, on the disk', () => {
  it('finds files inside, also through links that stay inside', () => {
    expect(resolveInside(root, 'events/A/schema.json')).toMatchObject({ path: 'events/A/schema.json' });
    const alias = resolveInside(root, 'events/A/alias.json');
    expect('real' in alias && alias.real.endsWith('schema.json')).toBe(true);
  });

  it('refuses links that lead out, directly, through a folder, or through another link', () => {
    for (const path of [
      'events/A/leak.json',
      'events/A/specs/secret.txt',
      'events/A/chain.json',
      'events/A/specs',
    ])
      expect(resolveInside(root, path), path).toEqual({ refused: 'link-out' });
    expect(resolveInside(root, 'events/A/broken.json')).toEqual({ refused: 'missing' });
    expect(resolveInside(root, 'events/A/none.json')).toEqual({ refused: 'missing' });
  });

  it('answers the same for a root given through a link', () => {
    symlinkSync(root, join(scratch, 'via-link'));
    const policy = rootPolicy(join(scratch, 'via-link'));
    expect(policy.resolve('events/A/schema.json')).toMatchObject({ path: 'events/A/schema.json' });
    expect(policy.resolve('events/A/leak.json')).toEqual({ refused: 'link-out' });
  });
});

describe('reading, copying and writing through the policy', () => {
  it('reads only what lies inside, up to the size limit, once per path with a cache', () => {
    const cache = new Map<string, string | undefined>();
    const read = createRootReader(root, { cache, maxBytes: 64 });
    expect(read('events/A/schema.json')).toBe('{"ok":true}');
    for (const path of [
      'events/A/leak.json',
      'events/A/specs/secret.txt',
      '../outside/secret.txt',
      join(scratch, 'outside/secret.txt'),
      'events/A',
      'events/A/schema.json\0',
    ])
      expect(read(path), path).toBeUndefined();
    writeFileSync(join(root, 'big.txt'), 'x'.repeat(65));
    expect(read('big.txt')).toBeUndefined();
    writeFileSync(join(root, 'events/A/schema.json'), '{"changed":true}');
    expect(read('events/A/schema.json')).toBe('{"ok":true}');
    expect(cache.has('events/A/leak.json')).toBe(true);
  });

  it('copies file contents from inside, and nothing a link out names', async () => {
    const policy = rootPolicy(root);
    const out = join(scratch, 'copied');
    expect(await copyInside(policy, 'events/A/alias.json', join(out, 'alias.json'))).toBeUndefined();
    expect(readFileSync(join(out, 'alias.json'), 'utf8')).toContain('"');
    expect(await copyInside(policy, 'events/A/leak.json', join(out, 'leak.json'))).toBe('link-out');
    expect(existsSync(join(out, 'leak.json'))).toBe(false);
  });

  it('writes only where the deepest existing folder really lies inside', () => {
    expect(writableInside(root, 'events/B/index.mdx')).toBe(join(root, 'events/B/index.mdx'));
    expect(writableInside(root, join(root, 'events/A/new.json'))).toBe(join(root, 'events/A/new.json'));
    expect(writableInside(root, 'events/A/specs/new.txt')).toBeUndefined();
    expect(writableInside(root, 'events/A/broken.json')).toBeUndefined();
    expect(writableInside(root, '../outside/x')).toBeUndefined();
    expect(writableInside(root, join(scratch, 'outside/x'))).toBeUndefined();
  });
});
