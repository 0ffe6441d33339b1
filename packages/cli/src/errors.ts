/** A command-line mistake: printed with usage help, exit code 2. */
export class UsageError extends Error {}
