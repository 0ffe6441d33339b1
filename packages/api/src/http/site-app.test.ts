import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from './app.js';
import { createSiteApp } from './site-app.js';

/** The one static file server, through `app.request` (no port): preview and dev (createSiteApp), serve (createApiApp). */
const scratch = mkdtempSync(join(tmpdir(), 'site-app-'));
const root = join(scratch, 'site');
const secret = 'TOP-SECRET-BESIDE-THE-SITE';
let preview: ReturnType<typeof createSiteApp>;
let serve: ReturnType<typeof createApiApp>;

beforeAll(() => {
  mkdirSync(join(root, 'docs/a'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><body><p>home</p></body>');
  writeFileSync(join(root, 'docs/a/index.html'), '<p>a</p>');
  writeFileSync(join(root, 'about.html'), '<p>about</p>');
  writeFileSync(join(root, 'data.json'), '{"ok":true}');
  writeFileSync(join(root, 'file with space.txt'), 'spaced');
  writeFileSync(join(root, '404.html'), '<p>own not found page</p>');
  writeFileSync(join(scratch, 'secret.txt'), secret);
  symlinkSync(join(scratch, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(scratch, join(root, 'up'));
  symlinkSync(join(root, 'about.html'), join(root, 'inside-link.html'));
  preview = createSiteApp({ root: () => root, base: () => '/', headers: { 'x-test': 'yes' } });
  serve = createApiApp({
    getState: () => {
      throw new Error('no API call in these tests');
    },
    siteRoot: () => root,
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const servers = () =>
  [
    ['preview/dev', preview],
    ['serve', serve],
  ] as const;

/** Request targets that reach the rule as written (the URL parser does not resolve them). */
const hostile = [
  '/%2E%2E%2Fsecret.txt',
  '/docs/..%2f..%2fsecret.txt',
  '/%252e%252e%252fsecret.txt',
  '/%252E%252E/secret.txt',
  '/..%5csecret.txt',
  '/docs%5c..%5c..%5csecret.txt',
  '/index.html%00.txt',
  '/%00',
  '/%E0%A4%A',
];

describe('the static file server', () => {
  it.each(hostile)('answers %s with 400 in preview, dev and serve, reading nothing', async (path) => {
    for (const [name, app] of servers()) {
      const res = await app.request(`http://localhost${path}`);
      expect(res.status, name).toBe(400);
      expect(await res.text(), name).not.toContain(secret);
    }
  });

  it('answers dot segments the URL parser resolved inside the site with the site, never above it', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/docs/..\\..\\secret.txt',
      '/up/../secret.txt',
    ]) {
      for (const [name, app] of servers()) {
        const res = await app.request(`http://localhost${path}`);
        expect(res.status, `${name} ${path}`).toBe(404);
        expect(await res.text()).not.toContain(secret);
      }
    }
  });

  it('does not follow symbolic links out of the site, and follows those inside it', async () => {
    for (const [name, app] of servers()) {
      for (const path of ['/leak.txt', '/up/secret.txt']) {
        const res = await app.request(path);
        expect(res.status, `${name} ${path}`).toBe(404);
        expect(await res.text()).not.toContain(secret);
      }
      expect(await (await app.request('/inside-link.html')).text(), name).toBe('<p>about</p>');
    }
  });

  it('serves files as a static host: the file, the folder index, the path with .html; its own 404 page', async () => {
    for (const [name, app] of servers()) {
      expect(await (await app.request('/docs/a/')).text(), name).toBe('<p>a</p>');
      expect(await (await app.request('/docs/a')).text(), name).toBe('<p>a</p>');
      expect(await (await app.request('/about')).text(), name).toBe('<p>about</p>');
      expect(await (await app.request('/file%20with%20space.txt')).text(), name).toBe('spaced');
      const missing = await app.request('/nowhere');
      expect(missing.status, name).toBe(404);
      expect(await missing.text(), name).toContain('own not found page');
    }
  });

  it('sends the content types of the api package, HEAD without a body, and byte ranges', async () => {
    for (const [name, app] of servers()) {
      const json = await app.request('/data.json');
      expect(json.headers.get('content-type'), name).toBe('application/json; charset=utf-8');
      expect((await app.request('/')).headers.get('content-type'), name).toBe('text/html; charset=utf-8');
      const head = await app.request('/data.json', { method: 'HEAD' });
      expect(head.status, name).toBe(200);
      expect(await head.text(), name).toBe('');
      const part = await app.request('/data.json', { headers: { range: 'bytes=1-4' } });
      expect(part.status, name).toBe(206);
      expect(await part.text(), name).toBe('"ok"');
    }
  });

  it('serves under the base only, carries the given headers, refuses other methods', async () => {
    const based = createSiteApp({ root: () => root, base: () => '/catalog/' });
    expect(await (await based.request('/catalog/docs/a/')).text()).toBe('<p>a</p>');
    expect((await based.request('/docs/a/')).status).toBe(404);
    const res = await preview.request('/');
    expect(res.headers.get('x-test')).toBe('yes');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await preview.request('/', { method: 'POST' })).status).toBe(405);
  });

  it('changes HTML on its way out when asked (the dev server script), and nothing else', async () => {
    const dev = createSiteApp({
      root: () => root,
      base: () => '/',
      transformHtml: (html) => html.replace('</body>', '<script src="/dev.js"></script></body>'),
    });
    expect(await (await dev.request('/')).text()).toContain('<script src="/dev.js"></script></body>');
    expect(await (await dev.request('/data.json')).text()).toBe('{"ok":true}');
  });
});
