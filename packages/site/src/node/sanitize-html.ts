import { type Diagnostic, diagnostic, type Resource } from '@switchyard/model';
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { installUrlGuard } from '../render/safe-url.js';
import { unsafeAttributes } from '../shared/url-policy.js';
import { refuseExpression } from './sanitize-expressions.js';
import { allowedElements, droppedElements, isAllowedAttribute, isComponentName } from './sanitize-policy.js';

// Every page rendered by the build passes its URLs through the guard.
installUrlGuard();

/** Something the policy took out of a body, for a diagnostic at its line. */
export interface Removed {
  what: string;
  line: number;
  column: number;
}

/** What one compile is sanitised under: it travels with the compile job, never held by this module. */
export interface SanitizeOptions {
  /**
   * `trustContent: true` in the catalog config turns the raw HTML policy off: HTML, expressions and
   * `export`s in bodies run as written (unsafe URLs are still dropped). For catalogs whose every author is
   * trusted.
   */
  trusted?: boolean;
}

type AnyNode = {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: AnyNode[];
  attributes?: AnyAttribute[];
  properties?: Record<string, unknown>;
  tagName?: string;
  data?: { estree?: unknown };
  position?: { start: { line: number; column: number } };
};
type AnyAttribute = {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: unknown } };
  data?: { estree?: unknown };
};

/**
 * The raw HTML policy, on the body's HTML tree (after Markdown, before JavaScript): HTML elements and
 * attributes outside the allow-list, event handlers, unsafe URLs, `export` statements and expressions
 * that do more than read data are removed. Components (capitalised) keep their props, bar event
 * handlers and raw HTML. What was removed is left on `file.data.switchyard.removed`. Does nothing for a
 * trusted build (`[rehypeSanitize, { trusted }]`).
 */
export const rehypeSanitize: Plugin<[SanitizeOptions?], Root> = (options) => (tree, file) => {
  if (options?.trusted) return;
  const data = file.data as { switchyard?: { removed?: Removed[] } };
  data.switchyard ??= { components: new Set(), imported: new Set(), headings: [] } as never;
  const facts = data.switchyard as { removed?: Removed[] };
  facts.removed ??= [];
  const removed = facts.removed;
  cleanChildren(tree as unknown as AnyNode, removed);
};

function cleanChildren(parent: AnyNode, removed: Removed[]): void {
  if (!parent.children) return;
  parent.children = parent.children.flatMap((node) => clean(node, removed));
}

function clean(node: AnyNode, removed: Removed[]): AnyNode[] {
  const note = (what: string) =>
    removed.push({ what, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  switch (node.type) {
    case 'mdxjsEsm':
      note('an export statement');
      return [];
    case 'raw':
      note('raw HTML');
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const why = refuseExpression(node.data?.estree);
      if (!why) return [node];
      note(`the expression {${String(node.value).slice(0, 60)}} (it uses ${why})`);
      return [{ type: 'text', value: `{${String(node.value)}}` }];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name;
      if (name && !isComponentName(name)) {
        if (droppedElements.has(name.toLowerCase())) {
          note(`the <${name}> element`);
          return [];
        }
        if (!allowedElements.has(name)) {
          note(`the <${name}> tag (its content is kept)`);
          cleanChildren(node, removed);
          return node.children ?? [];
        }
      }
      node.attributes = (node.attributes ?? []).filter((a) => {
        const why = attributeProblem(name ?? '', a);
        if (why) note(`${why} on <${name}>`);
        return !why;
      });
      cleanChildren(node, removed);
      return [node];
    }
    case 'element': {
      const props = node.properties ?? {};
      for (const key of unsafeAttributes(node.tagName ?? '', props)) {
        note(`the URL "${String(props[key]).slice(0, 60)}"`);
        delete props[key];
      }
      cleanChildren(node, removed);
      return [node];
    }
    default:
      cleanChildren(node, removed);
      return [node];
  }
}

function attributeProblem(element: string, a: AnyAttribute): string | undefined {
  if (a.type === 'mdxJsxExpressionAttribute') {
    if (!isComponentName(element)) return 'a spread attribute';
    const why = refuseExpression(a.data?.estree);
    return why ? `a spread attribute using ${why}` : undefined;
  }
  const name = a.name ?? '';
  if (!isAllowedAttribute(element, name)) return `the attribute ${name}`;
  const value = a.value;
  if (typeof value === 'string') {
    return unsafeAttributes(element, { [name]: value }).length > 0
      ? `the URL "${value.slice(0, 60)}"`
      : undefined;
  }
  if (value && typeof value === 'object') {
    const why = refuseExpression(value.data?.estree);
    return why ? `the attribute ${name}={…} using ${why}` : undefined;
  }
  return undefined;
}

/** One diagnostic per thing the policy removed from a body, at its line in the file. */
export function removedContentDiagnostics(facts: object, resource: Resource): Diagnostic[] {
  const removed = (facts as { removed?: Removed[] }).removed ?? [];
  return removed.map((r) =>
    diagnostic('unsafe-content', `Removed ${r.what} from the body.`, {
      file: resource.source.file,
      line: resource.source.bodyLine + r.line - 1,
      column: r.column,
    }),
  );
}
