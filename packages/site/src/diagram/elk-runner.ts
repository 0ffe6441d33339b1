import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';

const Elk = ((ElkModule as unknown as { default?: typeof ElkModule }).default ??
  ElkModule) as unknown as new () => ELK;

let inProcess: ELK | undefined;
/** The layout threads: one per core, so that when layouts are the bottleneck every core lays out. */
let pool: Lane[] | null | undefined;
let nextId = 0;

interface Lane {
  worker: Worker;
  waiting: Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>;
}

/** A worker thread for layouts, when the compiled worker file is there (not when running from sources). */
function startLane(): Lane | null {
  const url = new URL('./elk-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const lane: Lane = { worker: new Worker(url), waiting: new Map() };
  const w = lane.worker;
  w.on('message', ({ id, graph, error }: { id: number; graph?: ElkNode; error?: string }) => {
    const entry = lane.waiting.get(id);
    lane.waiting.delete(id);
    if (lane.waiting.size === 0) w.unref();
    if (error || !graph) entry?.reject(new Error(error ?? 'layout failed'));
    else entry?.resolve(graph);
  });
  w.on('error', (error) => {
    for (const entry of lane.waiting.values()) entry.reject(error);
    lane.waiting.clear();
    if (pool) pool = pool.filter((l) => l !== lane);
  });
  // An idle worker must not keep the process alive; it is referenced only while layouts are pending.
  w.unref();
  return lane;
}

function startPool(): Lane[] | null {
  const lanes: Lane[] = [];
  for (let i = 0; i < Math.max(1, Math.min(availableParallelism(), 4)); i++) {
    const lane = startLane();
    if (!lane) break;
    lanes.push(lane);
  }
  return lanes.length > 0 ? lanes : null;
}

/**
 * Lays a graph out with ELK on worker threads (one per core), so page rendering on the main thread and
 * layouts run at the same time. Falls back to the main thread where no worker can start.
 */
export function runElk(graph: ElkNode): Promise<ElkNode> {
  if (pool === undefined) pool = startPool();
  const lanes = pool;
  if (!lanes || lanes.length === 0) {
    inProcess ??= new Elk();
    return inProcess.layout(graph);
  }
  // The least busy lane.
  let lane = lanes[0] as Lane;
  for (const l of lanes) if (l.waiting.size < lane.waiting.size) lane = l;
  const id = nextId++;
  const { worker: w, waiting } = lane;
  return new Promise((resolve, reject) => {
    if (waiting.size === 0) w.ref();
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, graph });
  });
}
