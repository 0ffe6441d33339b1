import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';

interface Lane {
  worker: Worker;
  waiting: Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>;
}

/** A job's answer from a worker: `{id, result}` or `{id, error}`. */
interface Answer {
  id: number;
  result?: unknown;
  error?: string;
}

/**
 * Worker threads that run one kind of job, started on first use. Each job goes to the least busy
 * thread; an idle pool does not keep the process alive. `run` returns undefined when no worker can start
 * (the compiled worker file is absent when running from sources, as tests do), and the caller does the job
 * itself.
 */
export class WorkerPool<In, Out> {
  private lanes: Lane[] | null | undefined;
  private nextId = 0;

  constructor(
    private readonly file: URL,
    private readonly size: number,
  ) {}

  /**
   * One thread per core but the main thread's: at least one, at most four. None from a build's own
   * threads (`build-thread.ts`), which do their jobs themselves: the cores are already theirs.
   */
  static threads(): number {
    if (!isMainThread) return 0;
    return Math.max(1, Math.min(availableParallelism() - 1, 4));
  }

  /** Starts the threads now, before the first job, so that their start overlaps other work. */
  warm(): void {
    if (this.lanes === undefined) this.lanes = this.start();
  }

  run(job: In): Promise<Out> | undefined {
    if (this.lanes === undefined) this.lanes = this.start();
    const lanes = this.lanes;
    if (!lanes || lanes.length === 0) return undefined;
    let lane = lanes[0] as Lane;
    for (const l of lanes) if (l.waiting.size < lane.waiting.size) lane = l;
    const id = this.nextId++;
    const { worker, waiting } = lane;
    return new Promise<Out>((resolve, reject) => {
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, job });
    });
  }

  private start(): Lane[] | null {
    if (!existsSync(fileURLToPath(this.file))) return null;
    const lanes: Lane[] = [];
    for (let i = 0; i < this.size; i++) {
      const lane: Lane = { worker: new Worker(this.file), waiting: new Map() };
      lane.worker.on('message', ({ id, result, error }: Answer) => {
        const entry = lane.waiting.get(id);
        lane.waiting.delete(id);
        if (lane.waiting.size === 0) lane.worker.unref();
        if (error !== undefined) entry?.reject(new Error(error));
        else entry?.resolve(result);
      });
      lane.worker.on('error', (error) => {
        for (const entry of lane.waiting.values()) entry.reject(error);
        lane.waiting.clear();
        if (this.lanes) this.lanes = this.lanes.filter((l) => l !== lane);
      });
      lane.worker.unref();
      lanes.push(lane);
    }
    return lanes;
  }
}

/** The worker side: answers each `{id, job}` with `handle(job)`. */
export function serveJobs<In, Out>(
  port: import('node:worker_threads').MessagePort | null,
  handle: (job: In) => Promise<Out> | Out,
): void {
  port?.on('message', async ({ id, job }: { id: number; job: In }) => {
    try {
      port.postMessage({ id, result: await handle(job) });
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
