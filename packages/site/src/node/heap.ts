import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what is live after each collection, in percent. V8's default grows
 * it by a factor up to four under a high allocation rate, which a build is: at bench size L, 450 MB live
 * held 1.7 GB of heap. At 20% the heap follows what is live; measured on bench M (4,999 pages, one
 * thread, two runs each): peak RSS 775–853 MB → 561–563 MB, build time unchanged (18.7–19.7 s → 19.4–20.5 s).
 */
export const heapGrowingPercent = 20;

/**
 * Makes V8 keep the heap close to what is live, for this process and the worker threads it starts after
 * the call. A process setting, so the command line calls it once at start (and the benchmark's build
 * process, which stands for the command line); a program embedding `buildSite` decides for itself.
 */
export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
