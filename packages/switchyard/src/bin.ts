#!/usr/bin/env node
// `npx switchyard ...`: the package users install gives the command as well as the SDK.
import { processIo, run } from '@switchyard/cli';

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
