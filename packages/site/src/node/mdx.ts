import { createHash } from 'node:crypto';
import type { ComponentType } from 'preact';
import * as runtime from 'preact/jsx-runtime';
import { type BodyCode, type CompileJob, compileBodyCode } from './mdx-compile.js';
import type { BodyFacts } from './remark-plugins.js';
import { WorkerPool } from './worker-pool.js';

export type MdxContent = ComponentType<{ components?: Record<string, unknown> }>;

export interface CompiledBody {
  /** Makes the body's component for one resource's frontmatter. */
  create(frontmatter: unknown): MdxContent;
  facts: BodyFacts;
  /** Set when the body is not valid MDX and was compiled as plain Markdown instead. */
  error?: { message: string; line: number; column: number };
}

/**
 * Compiled bodies by content hash and raw HTML policy, most recently used last; bounded so a 10,000-page
 * build stays small. Shared by every build in the process: a key holds all a compile depends on.
 */
const cache = new Map<string, Promise<CompiledBody>>();
export const compileCacheLimit = 2000;

/** Compiles run on worker threads (one per core but the main thread's), in the process when none can start. */
const pool = new WorkerPool<CompileJob, BodyCode>(
  new URL('./mdx-worker.js', import.meta.url),
  WorkerPool.threads(),
);

/**
 * Compiles a Markdown/MDX body once per distinct text and policy (cached by content hash; `trusted` is
 * the build's `trustContent`). The result is a function body run with Preact's JSX runtime; `frontmatter`
 * is in scope for expressions such as `{frontmatter.sends.length}`, as in EventCatalog. A body that is
 * not valid MDX is compiled again as plain Markdown, so the page still shows, and the error is returned
 * for a diagnostic.
 */
export function compileBody(body: string, trusted: boolean): Promise<CompiledBody> {
  const job: CompileJob = { body, trusted };
  const key = compileCacheKey(job);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    // A worker that fails (it should not) costs its jobs nothing: they compile here instead.
    entry = (pool.run(job)?.catch(() => compileBodyCode(job)) ?? compileBodyCode(job)).then(toBody);
    if (cache.size >= compileCacheLimit) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, entry);
  return entry;
}

/** The compile cache's key: everything the compiled code depends on. */
function compileCacheKey({ body, trusted }: CompileJob): string {
  return createHash('sha1')
    .update(trusted ? 'trusted\0' : 'sanitised\0')
    .update(body)
    .digest('base64');
}

function toBody({ code, facts, error }: BodyCode): CompiledBody {
  // The compiled body reads its runtime from `arguments[0]`; `frontmatter` is closed over.
  const factory = new Function('frontmatter', 'runtime', `return (function () {\n${code}\n})(runtime);`) as (
    frontmatter: unknown,
    rt: unknown,
  ) => { default: MdxContent };
  const body: CompiledBody = { create: (frontmatter) => factory(frontmatter, runtime).default, facts };
  if (error) body.error = error;
  return body;
}
