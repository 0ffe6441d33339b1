import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { WorkerPool } from '../node/worker-pool.js';

const Elk = ((ElkModule as unknown as { default?: typeof ElkModule }).default ??
  ElkModule) as unknown as new () => ELK;

let inProcess: ELK | undefined;
/** ELK lays out only wrapped chains (long flows) now: one thread is plenty. */
const pool = new WorkerPool<ElkNode, ElkNode>(new URL('./elk-worker.js', import.meta.url), 1);

/** Lays a graph out with ELK on a worker thread, or on the main thread where no worker can start. */
export function runElk(graph: ElkNode): Promise<ElkNode> {
  const queued = pool.run(graph);
  if (queued) return queued;
  inProcess ??= new Elk();
  return inProcess.layout(graph);
}
