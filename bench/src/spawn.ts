/** The measuring child processes: one JSON line out, a time limit, and the peak memory when stopped. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A run that went over its time limit and was stopped. */
export interface StoppedRun {
  afterMs: number;
  /** The process's peak RSS when it was stopped (from /proc, so null off Linux). */
  peakRssMB: number | null;
}

export type Spawned<T> = { m: T; processMs: number } | { stopped: StoppedRun };

/** The child processes running now, stopped with the suite on SIGINT or SIGTERM. */
export const running = new Set<ChildProcess>();

/** Peak RSS of a running process in MB, from /proc (Linux only). */
export function peakRssOf(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kB ? Number(kB) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `script` (a file of bench/dist) with `args` in a child process; resolves with the JSON it printed, or
 * with `stopped` when it ran longer than `timeoutMs` (0: no limit) and was killed.
 */
export function spawnMeasure<T>(script: string, args: readonly string[], timeoutMs = 0): Promise<Spawned<T>> {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stopped: StoppedRun | undefined;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            stopped = { afterMs: performance.now() - start, peakRssMB: peakRssOf(child.pid) };
            child.kill('SIGKILL');
          }, timeoutMs)
        : undefined;
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      const processMs = performance.now() - start;
      if (stopped) return resolve({ stopped });
      if (code !== 0) return reject(new Error(`${script} exited with ${code} on ${args[0]}:\n${err || out}`));
      try {
        resolve({ m: JSON.parse(out) as T, processMs });
      } catch {
        reject(new Error(`${script} printed something that is not JSON:\n${out}\n${err}`));
      }
    });
  });
}

/** Stops the whole suite: a generated catalog must load clean and be counted as generated. */
export function fail(message: string): never {
  throw new Error(`\n${'!'.repeat(78)}\nBENCHMARK INVALID: ${message}\n${'!'.repeat(78)}`);
}
