/** Where a command writes; tests pass buffers, the bin passes the process streams. */
export interface CommandIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/**
 * A subcommand: returns the exit code (0 ok, 1 the input is invalid, 2 bad arguments), or
 * undefined when it keeps running (a server).
 */
export type Command = (args: string[], io: CommandIO) => Promise<number | undefined>;

/** Thrown for bad arguments: printed with the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
