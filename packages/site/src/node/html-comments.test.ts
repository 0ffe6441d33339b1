import { describe, expect, it } from 'vitest';
import { htmlCommentsToMdx } from './html-comments.js';

describe('htmlCommentsToMdx', () => {
  it('turns comments into MDX comments on the same lines', () => {
    const body = 'Text\n<!-- stamp-start -->\n\n<div>\nx\n</div>\n<!-- a\nb -->\nend';
    const out = htmlCommentsToMdx(body);
    expect(out).toBe('Text\n{/* stamp-start */}\n\n<div>\nx\n</div>\n{/* a\nb */}\nend');
    expect(out.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('leaves code fences alone, and cannot be closed early by */', () => {
    const body = '```html\n<!-- kept -->\n```\n<!-- a */ b -->\n~~~~\n<!-- kept -->\n~~~~';
    expect(htmlCommentsToMdx(body)).toBe(
      '```html\n<!-- kept -->\n```\n{/* a * / b */}\n~~~~\n<!-- kept -->\n~~~~',
    );
  });
});
