import { createHash } from 'node:crypto';
import { compile } from '@mdx-js/mdx';
import type { ComponentType } from 'preact';
import * as runtime from 'preact/jsx-runtime';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {
  type BodyFacts,
  remarkAdmonitions,
  remarkFacts,
  remarkImports,
  remarkMermaid,
  remarkReferences,
} from './remark-plugins.js';
import { contentPolicyKey, rehypeSanitize } from './sanitize-html.js';

export type MdxContent = ComponentType<{ components?: Record<string, unknown> }>;

export interface CompiledBody {
  /** Makes the body's component for one resource's frontmatter. */
  create(frontmatter: unknown): MdxContent;
  facts: BodyFacts;
  /** Set when the body is not valid MDX and was compiled as plain Markdown instead. */
  error?: { message: string; line: number; column: number };
}

/** Compiled bodies by content hash, most recently used last; bounded so a 10,000-page build stays small. */
const cache = new Map<string, Promise<CompiledBody>>();
const cacheLimit = 2000;

/**
 * Compiles a Markdown/MDX body once per distinct text (cached by content hash). The result is a function
 * body run with Preact's JSX runtime; `frontmatter` is in scope for expressions such as
 * `{frontmatter.sends.length}`, as in EventCatalog. A body that is not valid MDX is compiled again as
 * plain Markdown, so the page still shows, and the error is returned for a diagnostic.
 */
export function compileBody(body: string): Promise<CompiledBody> {
  const key = createHash('sha1').update(contentPolicyKey()).update(body).digest('base64');
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    entry = compileUncached(body);
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, entry);
  return entry;
}

async function compileUncached(body: string): Promise<CompiledBody> {
  try {
    return await compileAs(body, 'mdx');
  } catch (error) {
    const e = error as {
      message?: string;
      reason?: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    const problem = {
      message: e.reason ?? e.message ?? String(error),
      line: place?.line ?? e.line ?? 1,
      column: place?.column ?? e.column ?? 1,
    };
    try {
      return { ...(await compileAs(body, 'md')), error: problem };
    } catch {
      return {
        create: () => () => null,
        facts: { components: new Set(), imported: new Set(), headings: [] },
        error: problem,
      };
    }
  }
}

async function compileAs(body: string, format: 'mdx' | 'md'): Promise<CompiledBody> {
  const file = await compile(
    { value: body },
    {
      format,
      outputFormat: 'function-body',
      development: false,
      remarkPlugins: [
        remarkGfm,
        remarkDirective,
        remarkAdmonitions,
        remarkImports,
        remarkMermaid,
        remarkReferences,
        remarkFacts,
      ],
      rehypePlugins: [rehypeSanitize],
    },
  );
  const code = String(file.value);
  // The compiled body reads its runtime from `arguments[0]`; `frontmatter` is closed over.
  const factory = new Function('frontmatter', 'runtime', `return (function () {\n${code}\n})(runtime);`) as (
    frontmatter: unknown,
    rt: unknown,
  ) => { default: MdxContent };
  const facts = (file.data.switchyard as BodyFacts | undefined) ?? {
    components: new Set(),
    imported: new Set(),
    headings: [],
  };
  return { create: (frontmatter) => factory(frontmatter, runtime).default, facts };
}
