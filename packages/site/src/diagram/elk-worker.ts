import { parentPort } from 'node:worker_threads';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { serveJobs } from '../node/worker-pool.js';

/** Runs ELK layouts off the main thread: a graph in, the laid-out graph out. */
const Elk = ((ElkModule as unknown as { default?: typeof ElkModule }).default ??
  ElkModule) as unknown as new () => ELK;
const elk = new Elk();

serveJobs<ElkNode, ElkNode>(parentPort, (graph) => elk.layout(graph));
