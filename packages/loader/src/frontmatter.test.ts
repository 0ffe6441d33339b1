import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter.js';

describe('parseFrontmatter', () => {
  const text = ['---', 'id: a', 'sends:', '  - id: b', '    to:', '      - id: c', '---', '', '# Body'].join(
    '\n',
  );

  it('gives data, body and the position of every nested value and key', () => {
    const parsed = parseFrontmatter(text);
    expect(parsed.data).toEqual({ id: 'a', sends: [{ id: 'b', to: [{ id: 'c' }] }] });
    expect(parsed.bodyLine).toBe(8);
    expect(parsed.body).toBe('\n# Body');
    expect(parsed.position('sends.0.to.0.id', false)).toEqual([6, 13]);
    expect(parsed.position('sends.0.to', true)).toEqual([5, 5]);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const parsed = parseFrontmatter(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(parsed.position('sends.0.id', false)).toEqual([4, 9]);
  });

  it('reports YAML errors with a position instead of throwing', () => {
    const parsed = parseFrontmatter('---\nid: a\n  bad: [1\n---\n');
    expect(parsed.errors[0]).toMatchObject({ code: 'yaml-syntax' });
    expect(parsed.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reads the same data whichever parser takes the file (aliases go through the bounded one)', () => {
    const plain = parseFrontmatter('---\nid: a\nlist: [1, 2]\ndate: 2026-01-01\n---\n');
    const withAlias = parseFrontmatter('---\nid: a\nlist: &l [1, 2]\ncopy: *l\ndate: 2026-01-01\n---\n');
    expect(plain.data).toEqual({ id: 'a', list: [1, 2], date: '2026-01-01' });
    expect(withAlias.data).toEqual({ id: 'a', list: [1, 2], copy: [1, 2], date: '2026-01-01' });
    expect(withAlias.position('copy', false)).toEqual([4, 7]);
  });

  it('reports duplicate keys', () => {
    expect(parseFrontmatter('---\nid: a\nid: b\n---\n').errors[0]?.message).toMatch(/unique/i);
  });

  it('refuses documents whose aliases expand without bound', () => {
    const bomb = [
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '---',
    ].join('\n');
    const parsed = parseFrontmatter(bomb);
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors[0]?.message).toMatch(/alias/i);
  });

  it('says when frontmatter is never closed, and when there is none', () => {
    expect(parseFrontmatter('---\nid: a\n').errors[0]?.code).toBe('missing-frontmatter');
    expect(parseFrontmatter('# Just a body').hasFrontmatter).toBe(false);
  });
});
