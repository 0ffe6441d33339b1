import { parentPort } from 'node:worker_threads';
import { type BodyCode, type CompileJob, compileBodyCode } from './mdx-compile.js';
import { serveJobs } from './worker-pool.js';

/** Compiles bodies off the main thread, so pages render on one core while bodies compile on the others. */
serveJobs<CompileJob, BodyCode>(parentPort, compileBodyCode);
