import type { Io } from '../io.js';
import { run } from '../program.js';

/** Runs the command line in-process, collecting what it prints. */
export async function cli(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    cwd,
    color: false,
  };
  const code = await run(args, io);
  return { code, out, err };
}
