import { describe, expect, it } from 'vitest';
import { shares } from './prepare.js';

describe('shares of the resource pages', () => {
  it('deals every item once, in runs, so each share gets some of every part of the list', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const dealt = shares(items, 3);
    expect(dealt).toHaveLength(3);
    expect(dealt.flat().sort((a, b) => a - b)).toEqual(items);
    // Runs of 64 in turn: the first share starts with the first run, the second with the next one.
    expect(dealt[0]?.slice(0, 65)).toEqual([...items.slice(0, 64), 192]);
    expect(dealt[1]?.[0]).toBe(64);
    // Even to within a run.
    const sizes = dealt.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(64);
  });

  it('leaves shares empty when there are fewer runs than shares', () => {
    expect(shares([1, 2, 3], 2)).toEqual([[1, 2, 3], []]);
  });
});
