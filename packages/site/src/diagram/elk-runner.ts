import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { WorkerPool } from '../node/worker-pool.js';

/** ELK on this thread, loaded on first use only (most builds never need it here). */
let inProcess: Promise<ELK> | undefined;
async function loadElk(): Promise<ELK> {
  const module = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: unknown };
  const loaded = (module.default as { default?: unknown }).default ?? module.default;
  return new (loaded as new () => ELK)();
}
/** ELK lays out only wrapped chains (long flows) now: one thread is plenty. */
const pool = new WorkerPool<ElkNode, ElkNode>(new URL('./elk-worker.js', import.meta.url), 1);

/**
 * Starts ELK's thread before the first layout asks for it: loading ELK there takes about half a second
 * (measured on two cores: 470-530 ms for the first layout, 12 ms for the next).
 */
export function warmElk(): void {
  pool.warm();
}

/** Lays a graph out with ELK on a worker thread, or on the main thread where no worker can start. */
export function runElk(graph: ElkNode): Promise<ElkNode> {
  const queued = pool.run(graph);
  if (queued) return queued;
  inProcess ??= loadElk();
  return inProcess.then((elk) => elk.layout(graph));
}
