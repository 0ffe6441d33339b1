import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './server/csp.js';
import { createStaticServer, listen } from './server/static.js';

/** The preview server against traversal, malformed requests and links out of the site. */
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-harden-server-'));
const root = join(scratch, 'site');
const secret = join(scratch, 'secret.txt');
let server: ReturnType<typeof createStaticServer>;
let port: number;

beforeAll(async () => {
  mkdirSync(join(root, 'docs/a'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>home</p>');
  writeFileSync(join(root, 'docs/a/index.html'), '<!doctype html><p>a</p>');
  writeFileSync(secret, 'TOP-SECRET');
  symlinkSync(secret, join(root, 'leak.txt'));
  symlinkSync(scratch, join(root, 'up'));
  server = createStaticServer({ root, base: '/', headers: securityHeaders });
  await listen(server, 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Sends bytes as they are (no client normalising the path) and returns the status line and body. */
function raw(request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => {
      text += d.toString('latin1');
    });
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
    socket.write(request);
  });
}
const get = (path: string) => raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

describe('the static server', () => {
  it('listens on the loopback interface only', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('serves the site with the security headers', async () => {
    const page = await get('/docs/a');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p>a</p>');
    expect(page.text.toLowerCase()).toContain(
      `content-security-policy: ${contentSecurityPolicy.toLowerCase()}`,
    );
    expect(page.text.toLowerCase()).toContain('x-content-type-options: nosniff');
  });

  it.each([
    '/../secret.txt',
    '/docs/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/docs/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/docs%5c..%5c..%5csecret.txt',
    '/index.html%00.txt',
  ])('refuses the traversal %s with 400', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('TOP-SECRET');
  });

  it('answers malformed requests with 400', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('http://evil.example/secret.txt')).status).toBe(400);
    expect((await raw('GARBAGE\r\n\r\n')).status).toBe(400);
    expect((await raw(`GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n`)).status).toBe(400);
  });

  it('does not follow links that leave the site', async () => {
    for (const path of ['/leak.txt', '/up/secret.txt']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('TOP-SECRET');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await raw('DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(405);
  });
});
