import { describe, expect, it } from 'vitest';
import { BoundedCache, stringBytes } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('keeps what fits in its bytes, dropping the least recently used first', () => {
    const cache = new BoundedCache<string>(100, stringBytes);
    cache.set('a', 'x'.repeat(20)); // 40 bytes
    cache.set('b', 'y'.repeat(20)); // 80
    expect(cache.get('a')).toBe('x'.repeat(20)); // a is now the most recent
    cache.set('c', 'z'.repeat(20)); // 120 > 100: b goes
    expect(cache.peek('b')).toBeUndefined();
    expect([...cache].map(([k]) => k)).toEqual(['a', 'c']);
    expect(cache.bytes).toBe(80);
  });

  it('holds no more than its bound however many entries come, and keeps no entry larger than it', () => {
    const cache = new BoundedCache<string>(1000, stringBytes);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, 'v'.repeat(i % 97));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size).toBeGreaterThan(5);
    cache.set('huge', 'h'.repeat(600));
    expect(cache.peek('huge')).toBeUndefined();
  });

  it('replaces an entry and counts only its new size', () => {
    const cache = new BoundedCache<string>(100, stringBytes);
    cache.set('a', 'x'.repeat(30));
    cache.set('a', 'x'.repeat(10));
    expect(cache.bytes).toBe(20);
    cache.delete('a');
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});
