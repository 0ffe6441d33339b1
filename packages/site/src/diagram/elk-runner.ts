import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';

const Elk = ((ElkModule as unknown as { default?: typeof ElkModule }).default ??
  ElkModule) as unknown as new () => ELK;

let inProcess: ELK | undefined;
let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();

/** A worker thread for layouts, when the compiled worker file is there (not when running from sources). */
function startWorker(): Worker | null {
  const url = new URL('./elk-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const w = new Worker(url);
  w.on('message', ({ id, graph, error }: { id: number; graph?: ElkNode; error?: string }) => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) w.unref();
    if (error || !graph) entry?.reject(new Error(error ?? 'layout failed'));
    else entry?.resolve(graph);
  });
  w.on('error', (error) => {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
    worker = null;
  });
  // An idle worker must not keep the process alive; it is referenced only while layouts are pending.
  w.unref();
  return w;
}

/**
 * Lays a graph out with ELK on a second thread, so page rendering on the main thread and layout run at
 * the same time on two cores. Falls back to the main thread where no worker can start.
 */
export function runElk(graph: ElkNode): Promise<ElkNode> {
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (!w) {
    inProcess ??= new Elk();
    return inProcess.layout(graph);
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    if (waiting.size === 0) w.ref();
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, graph });
  });
}
