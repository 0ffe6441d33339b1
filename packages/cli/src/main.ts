import { keepHeapNearLive } from '@switchyard/site';
import { processIo } from './io.js';
import { run } from './program.js';

/** The `switchyard` command: runs it on the process's arguments and sets the exit code (70 on a bug). */
export function main(): void {
  // Builds, dev servers and servers hold a catalog and allocate fast: keep the heap near what is live.
  keepHeapNearLive();
  const io = processIo();
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(
        `switchyard stopped on an internal error; please report it.\n${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
