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
    expect(parsed.positions.get('sends.0.to.0.id')).toEqual([6, 13]);
    expect(parsed.keyPositions.get('sends.0.to')).toEqual([5, 5]);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const parsed = parseFrontmatter(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(parsed.positions.get('sends.0.id')).toEqual([4, 9]);
  });

  it('reports YAML errors with a position instead of throwing', () => {
    const parsed = parseFrontmatter('---\nid: a\n  bad: [1\n---\n');
    expect(parsed.errors[0]).toMatchObject({ code: 'yaml-syntax' });
    expect(parsed.errors[0]?.line).toBeGreaterThanOrEqual(2);
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
