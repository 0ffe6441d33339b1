import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkLedger } from './check-links.js';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** A work folder as a build writes it: pages as `path/index.html`. */
function workFolder() {
  const work = mkdtempSync(join(tmpdir(), 'sy-ledger-'));
  folders.push(work);
  const page = (path: string) => {
    mkdirSync(join(work, path), { recursive: true });
    writeFileSync(join(work, path, 'index.html'), '<p>page</p>');
  };
  return { work, page };
}

const links = (...hrefs: string[]) => hrefs.map((h) => `<a href="${h}">x</a>`).join('');

describe('LinkLedger', () => {
  it('sets aside, in the work folder, the targets not written yet, and finds them at the end', () => {
    const { work, page } = workFolder();
    const ledger = new LinkLedger('/', { work, spill: true, limit: 2 });
    page('a');
    // Held targets are looked up once two are held: /a is there, /b and /c are not written yet.
    ledger.scan('/one', links('/a', '/b'));
    ledger.scan('/two', links('/c', '/b'));
    expect(readdirSync(join(work, '.switchyard-links'))).toHaveLength(1);
    page('b');
    ledger.scan('/three', links('/missing', '/c'));
    const broken = ledger.broken(work);
    expect(broken).toEqual([
      ['/c', { page: '/two', href: '/c' }],
      ['/missing', { page: '/three', href: '/missing' }],
    ]);
    expect(ledger.links).toBe(6);
    // The set-aside file is not left in the site.
    expect(existsSync(join(work, '.switchyard-links'))).toBe(false);
  });

  it('finds the same broken targets whatever its limit, with the first page linking each', () => {
    const { work, page } = workFolder();
    const pages = Array.from({ length: 40 }, (_, i) => [
      `/p${i}`,
      links(`/p${(i * 7) % 40}`, `/q${i % 5}`, `../p${i + 1}`, `/p${i}#top`),
    ]);
    const run = (limit: number) => {
      const ledger = new LinkLedger('/', { work, spill: true, limit });
      for (const [i, [url, html]] of pages.entries()) {
        page(`p${i}`);
        ledger.scan(url as string, html as string);
      }
      return ledger.broken(work);
    };
    const unbounded = run(1_000_000);
    expect(unbounded.map(([key]) => key)).toEqual(['/q0', '/q1', '/q2', '/q3', '/q4', '/p40']);
    expect(run(3)).toEqual(unbounded);
    expect(run(1)).toEqual(unbounded);
  });

  it("merges what a thread's ledger hands over, files and targets", () => {
    const { work, page } = workFolder();
    const thread = new LinkLedger('/', { work, spill: true, limit: 1 });
    thread.scan('/t', links('/later', '/gone'));
    const part = thread.handOver();
    expect(part.files).toHaveLength(1);
    expect(part.links).toBe(2);
    const main = new LinkLedger('/', { work, spill: true });
    main.scan('/m', links('/gone', '/nowhere'));
    main.merge(part);
    page('later');
    expect(main.broken(work).map(([key, seen]) => [key, seen.page])).toEqual([
      ['/gone', '/t'],
      ['/nowhere', '/m'],
    ]);
    expect(main.links).toBe(4);
  });

  it('keeps targets not found in memory when it may not write (a check of a built site)', () => {
    const { work, page } = workFolder();
    page('here');
    const ledger = new LinkLedger('/', { work, limit: 1 });
    ledger.scan('/x', links('/here', '/not-here'));
    ledger.scan('/y', links('/not-here', '/elsewhere'));
    expect(existsSync(join(work, '.switchyard-links'))).toBe(false);
    expect(ledger.broken(work).map(([key, seen]) => [key, seen.page])).toEqual([
      ['/not-here', '/x'],
      ['/elsewhere', '/y'],
    ]);
  });
});
