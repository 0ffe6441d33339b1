import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { factsOf } from './remark-plugins.js';

/** A link or image source the author wrote, at its line and column in the body (1-based). */
export interface LinkFact {
  href: string;
  line: number;
  column: number;
}

type Point = { line: number; column: number };
type AnyNode = {
  type: string;
  url?: string;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown; position?: { start: Point } }[];
  position?: { start: Point };
};

const linkAttributes = new Set(['href', 'src']);
const htmlAttribute = /\s(?:href|src)\s*=\s*["']([^"']*)["']/gi;

/**
 * Records every link the author wrote, with its place, on `file.data.switchyard.links`: Markdown links,
 * images and link definitions, `href`/`src` attributes of JSX elements (`<a>`, `<img>`, `<Tile>`), and of
 * raw HTML in plain Markdown. Expressions (`href={...}`) are not links written out, and are left alone.
 */
export const remarkLinks: Plugin<[], Root> = () => (tree, file) => {
  const links = factsOf(file).links;
  visit(tree, (node) => {
    const n = node as AnyNode;
    const at = n.position?.start;
    if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && n.url !== undefined) {
      links.push({ href: n.url, line: at?.line ?? 1, column: at?.column ?? 1 });
    } else if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.attributes) {
      for (const a of n.attributes) {
        if (a.type !== 'mdxJsxAttribute' || !linkAttributes.has(a.name ?? '') || typeof a.value !== 'string')
          continue;
        const place = a.position?.start ?? at;
        links.push({ href: a.value, line: place?.line ?? 1, column: place?.column ?? 1 });
      }
    } else if (n.type === 'html' && n.value) {
      for (const m of n.value.matchAll(htmlAttribute)) {
        const before = n.value.slice(0, (m.index ?? 0) + 1);
        const lines = before.split('\n');
        const line = (at?.line ?? 1) + lines.length - 1;
        const column =
          lines.length === 1 ? (at?.column ?? 1) + before.length : (lines.at(-1)?.length ?? 0) + 1;
        links.push({ href: m[1] as string, line, column });
      }
    }
  });
};
