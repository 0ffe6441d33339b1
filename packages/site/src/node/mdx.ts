import { createHash } from 'node:crypto';
import { BoundedCache } from '@switchyard/model';
import type { ComponentType } from 'preact';
import * as runtime from 'preact/jsx-runtime';
import type { BodyCode, CompileJob } from './mdx-compile.js';
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
 * Compiled bodies by content hash and raw HTML policy, most recently used last; bounded in bytes (a body's
 * compiled code and function are estimated at eight times its text) so a 100,000-page build stays as small
 * as a 1,000-page one. Shared by every build in the process: a key holds all a compile depends on. Its hits
 * are the bodies compiled ahead of their page (`compileAhead` in `stages/resource-pages.tsx`: 300), so it
 * holds about twice that many (at bench M every body, 1,170, took 22 MB); more only grows the heap of a
 * large catalog's build (bench L held 8-15 MB of it at 24 MB).
 */
const cache = new BoundedCache<{ compiled: Promise<CompiledBody>; bytes: number }>(
  12 * 1024 * 1024,
  (entry) => entry.bytes,
);

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
  const known = cache.get(key);
  if (known) return known.compiled;
  // A worker that fails (it should not) costs its jobs nothing: they compile here instead.
  const compiled = (pool.run(job)?.catch(() => compileHere(job)) ?? compileHere(job)).then(toBody);
  cache.set(key, { compiled, bytes: 512 + 16 * body.length });
  return compiled;
}

/** Compiles on this thread; the compiler (MDX, remark) is loaded on first use, not at every command's start. */
async function compileHere(job: CompileJob): Promise<BodyCode> {
  const { compileBodyCode } = await import('./mdx-compile.js');
  return compileBodyCode(job);
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
