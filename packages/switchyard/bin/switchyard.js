#!/usr/bin/env node
// The `switchyard` command. This file is committed, not built, so that `npm install` links the command
// in a fresh clone even though the compiled CLI (`dist/`) appears only after `npm run build`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let entry;
try {
  entry = require.resolve('@switchyard/cli');
} catch {
  entry = undefined;
}
if (entry === undefined || !existsSync(entry)) {
  process.stderr.write(
    'switchyard: the command is not built yet. Run `npm run build` (or `npm start`) in the Switchyard checkout first.\n',
  );
  process.exit(2);
}
const { main } = await import('@switchyard/cli');
main();
