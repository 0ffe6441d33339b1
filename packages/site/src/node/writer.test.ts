import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUrls } from '../urls.js';
import { createWriter, jsonList, jsonObject } from './writer.js';

const work = mkdtempSync(join(tmpdir(), 'sy-writer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('jsonObject', () => {
  it('writes the text JSON.stringify writes for the same entries, empty included', () => {
    const entries: [string, unknown][] = [
      ['a"b', '<svg>\u2028 "q" \\ é</svg>'],
      ['n', 1],
      ['u', undefined],
      ['o', { x: [1, null] }],
    ];
    expect([...jsonObject(entries)].join('')).toBe(
      JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, v ?? null]))),
    );
    expect([...jsonObject([])].join('')).toBe('{}');
  });
});

describe('jsonList', () => {
  it('is the text JSON.stringify gives the whole array', () => {
    for (const items of [[], [1], [{ a: 'x"y', b: [1, null] }, 'two', 3, null, { é: '\n' }]]) {
      expect([...jsonList(items)].join('')).toBe(JSON.stringify(items));
    }
  });
});

describe('createWriter', () => {
  it('writes a file given in parts, and counts its bytes as it would the whole string', async () => {
    const { write, stats } = createWriter(work, createUrls({ base: '/', trailingSlash: false }));
    // More than a megabyte, in parts with characters of several bytes.
    const parts = Array.from({ length: 60_000 }, (_, i) => `line ${i}: é€😀\n`);
    await write('data/parts.txt', parts);
    await write('data/whole.txt', parts.join(''));
    const whole = readFileSync(join(work, 'data/whole.txt'), 'utf8');
    expect(readFileSync(join(work, 'data/parts.txt'), 'utf8')).toBe(whole);
    expect(stats.files).toBe(2);
    expect(stats.bytes).toBe(2 * Buffer.byteLength(whole));
    expect(Buffer.byteLength(whole)).toBeGreaterThan(1 << 20);
  });
});
