import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { htmlCommentsToMdx } from './html-comments.js';
import { remarkLinks } from './remark-links.js';
import {
  type BodyFacts,
  remarkAdmonitions,
  remarkFacts,
  remarkImports,
  remarkMermaid,
  remarkReferences,
} from './remark-plugins.js';
import { rehypeSanitize } from './sanitize-html.js';

/** A body compiled to JavaScript: plain data, so it crosses from a worker thread to the main thread. */
export interface BodyCode {
  /** A function body that reads Preact's JSX runtime from `arguments[0]` and returns `{ default }`. */
  code: string;
  facts: BodyFacts;
  /** Set when the body is not valid MDX and was compiled as plain Markdown instead. */
  error?: { message: string; line: number; column: number };
}

/**
 * What a compile job carries: the body and the raw HTML policy it is compiled under. Plain data, so the
 * build's setting crosses to the worker thread with each job (a worker holds no setting of its own).
 */
export interface CompileJob {
  body: string;
  /** The build's `trustContent`: compile without the raw HTML policy. */
  trusted: boolean;
}

const noFacts = (): BodyFacts => ({ components: new Set(), imported: new Set(), headings: [], links: [] });

/**
 * Compiles a Markdown/MDX body to JavaScript. A body that is not valid MDX is compiled again as plain
 * Markdown, so the page still shows, and the error comes back for a diagnostic.
 */
export async function compileBodyCode({ body, trusted }: CompileJob): Promise<BodyCode> {
  try {
    return await compileAs(body, 'mdx', trusted);
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
      return { ...(await compileAs(body, 'md', trusted)), error: problem };
    } catch {
      return { code: 'return { default: () => null };', facts: noFacts(), error: problem };
    }
  }
}

async function compileAs(body: string, format: 'mdx' | 'md', trusted: boolean): Promise<BodyCode> {
  const file = await compile(
    { value: format === 'mdx' ? htmlCommentsToMdx(body) : body },
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
        remarkLinks,
      ],
      rehypePlugins: [[rehypeSanitize, { trusted }]],
    },
  );
  return { code: String(file.value), facts: (file.data.switchyard as BodyFacts | undefined) ?? noFacts() };
}
