import { parentPort } from 'node:worker_threads';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';

/** Runs ELK layouts off the main thread: `{id, graph}` in, `{id, graph}` or `{id, error}` out. */
const Elk = ((ElkModule as unknown as { default?: typeof ElkModule }).default ??
  ElkModule) as unknown as new () => ELK;
const elk = new Elk();

parentPort?.on('message', async ({ id, graph }: { id: number; graph: ElkNode }) => {
  try {
    parentPort?.postMessage({ id, graph: await elk.layout(graph) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
