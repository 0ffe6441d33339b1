import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { LinkFact } from './remark-links.js';

/** What the plugins learned about a body, left on `file.data.switchyard`. */
export interface BodyFacts {
  /** Names of JSX components used (`NodeGraph`, `Footer`). */
  components: Set<string>;
  /** Names brought in by `import` lines, which are removed. */
  imported: Set<string>;
  headings: { depth: number; text: string; id: string }[];
  /** Links and images the author wrote, at their place in the body (see `remarkLinks`). */
  links: LinkFact[];
}

const referencePattern = /\[\[([^[\]\n]+?)\]\]/g;

type JsxAttribute = { type: 'mdxJsxAttribute'; name: string; value: string };
const attr = (name: string, value: string): JsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

/** `[[type|id]]` in text becomes `<Ref to="type|id" />`; code and inline code are left alone. */
export const remarkReferences: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('[[')) return;
    const parts: unknown[] = [];
    let last = 0;
    for (const m of node.value.matchAll(referencePattern)) {
      const at = m.index ?? 0;
      if (at > last) parts.push({ type: 'text', value: node.value.slice(last, at) });
      parts.push({
        type: 'mdxJsxTextElement',
        name: 'Ref',
        attributes: [attr('to', (m[1] as string).replace(/\\\|/g, '|'))],
        children: [],
      });
      last = at + m[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    (parent.children as unknown[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
};

const admonitionTypes = new Set([
  'note',
  'tip',
  'info',
  'warning',
  'danger',
  'caution',
  'important',
  'success',
]);

/**
 * `:::info Title` blocks become `<Admonition type="info" title="Title">`. Text and leaf directives
 * (`:name` inside prose, which remark-directive also reads) are put back as the text they were.
 */
export const remarkAdmonitions: Plugin<[], Root> = () => (tree) => {
  visit(tree, (node, index, parent) => {
    const n = node as unknown as {
      type: string;
      name: string;
      children: unknown[];
      attributes?: Record<string, string>;
    };
    if (n.type === 'containerDirective' && admonitionTypes.has(n.name)) {
      const first = n.children[0] as
        | { data?: { directiveLabel?: boolean }; children?: { value?: string }[] }
        | undefined;
      let title: string | undefined;
      if (first?.data?.directiveLabel) {
        title = (first.children ?? []).map((c) => c.value ?? '').join('');
        n.children.shift();
      }
      Object.assign(n, {
        type: 'mdxJsxFlowElement',
        name: 'Admonition',
        attributes: [attr('type', n.name), ...(title ? [attr('title', title)] : [])],
      });
      return;
    }
    if ((n.type === 'textDirective' || n.type === 'leafDirective') && parent && index !== undefined) {
      const text = `${n.type === 'leafDirective' ? '::' : ':'}${n.name}`;
      const replacement = [{ type: 'text', value: text }, ...n.children];
      (parent.children as unknown[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    }
    if (n.type === 'containerDirective') {
      Object.assign(n, {
        type: 'mdxJsxFlowElement',
        name: 'Admonition',
        attributes: [attr('type', 'note'), attr('title', n.name)],
      });
    }
    return undefined;
  });
};

/** ```mermaid fences become `<Mermaid code line>`, drawn at build time. */
export const remarkMermaid: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'code', (node) => {
    if (node.lang !== 'mermaid') return;
    Object.assign(node, {
      type: 'mdxJsxFlowElement',
      name: 'Mermaid',
      attributes: [attr('code', node.value), attr('line', String(node.position?.start.line ?? 1))],
      children: [],
    });
  });
};

/** Removes `import` lines (custom Astro components cannot run here) and records the names they bound. */
export const remarkImports: Plugin<[], Root> = () => (tree, file) => {
  const facts = factsOf(file);
  tree.children = tree.children.filter((node) => {
    const n = node as { type: string; value?: string };
    if (n.type !== 'mdxjsEsm' || !/^\s*import\s/.test(n.value ?? '')) return true;
    for (const m of (n.value ?? '').matchAll(/import\s+([\w$]+)|\{([^}]*)\}|\*\s+as\s+([\w$]+)/g)) {
      const names = m[2]
        ? m[2].split(',').map(
            (s) =>
              s
                .split(/\s+as\s+/)
                .pop()
                ?.trim() ?? '',
          )
        : [m[1] ?? m[3] ?? ''];
      for (const name of names) if (name) facts.imported.add(name);
    }
    return false;
  });
};

/** Records JSX component names and headings (with slug ids for "On this page"). */
export const remarkFacts: Plugin<[], Root> = () => (tree, file) => {
  const facts = factsOf(file);
  const used = new Map<string, number>();
  visit(tree, (node) => {
    const n = node as { type: string; name?: string; depth?: number };
    if (
      (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') &&
      n.name &&
      /^[A-Z]/.test(n.name)
    ) {
      facts.components.add(n.name.split('.')[0] as string);
    }
    if (n.type === 'heading') {
      const text = plainText(node);
      const slug = slugify(text);
      const count = used.get(slug) ?? 0;
      used.set(slug, count + 1);
      const id = count === 0 ? slug : `${slug}-${count}`;
      const holder = node as unknown as { data?: Record<string, unknown> };
      holder.data = holder.data ?? {};
      const data = holder.data;
      data.hProperties = { ...(data.hProperties as object), id };
      facts.headings.push({ depth: n.depth ?? 2, text, id });
    }
  });
};

function plainText(node: unknown): string {
  const n = node as { value?: string; children?: unknown[]; type: string; attributes?: JsxAttribute[] };
  if (n.type === 'mdxJsxTextElement' && n.attributes?.[0]?.name === 'to')
    return (n.attributes[0].value.split('|').pop() ?? '').split('@')[0] ?? '';
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(plainText).join('');
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'section'
  );
}

export function factsOf(file: { data: Record<string, unknown> }): BodyFacts {
  const existing = file.data.switchyard as BodyFacts | undefined;
  if (existing) return existing;
  const facts: BodyFacts = { components: new Set(), imported: new Set(), headings: [], links: [] };
  file.data.switchyard = facts;
  return facts;
}
