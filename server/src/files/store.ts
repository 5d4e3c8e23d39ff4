import type { Readable } from 'node:stream';

/** What was written: the digest and size of the bytes, and their first bytes for sniffing. */
export interface WrittenFile {
  size: number;
  sha256: string;
  head: Uint8Array;
}

/** Raised by `write` when the bytes exceed `maxBytes` (nothing is kept). */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Where uploaded bytes live, outside the database. Writes are two-phase so that a refused or
 * crashed submission leaves nothing behind: `begin` marks a key pending before any byte lands,
 * `settle` (after the database transaction committed) clears the mark, `discard` removes both;
 * `sweep` removes pending bytes whose writer died and that no database row references.
 */
export interface FileStore {
  /** A new key, marked pending. */
  begin(): Promise<string>;
  /** Streams bytes into the key, hashing them; throws FileTooLargeError past `maxBytes`. Durable on return. */
  write(key: string, source: AsyncIterable<Uint8Array> | Readable, options: { maxBytes: number }): Promise<WrittenFile>;
  /** The transaction that references the key committed: it is no longer pending. */
  settle(key: string): Promise<void>;
  /** Removes the bytes and the pending mark (failure path). */
  discard(key: string): Promise<void>;
  /** The bytes of a key. */
  read(key: string): Readable;
  exists(key: string): Promise<boolean>;
  /** Every stored key (tests, maintenance). */
  keys(): Promise<string[]>;
  /** Pending keys left by dead writers that `isReferenced` does not know: removed. */
  sweep(isReferenced: (keys: string[]) => Promise<Set<string>>): Promise<{ removed: string[]; kept: string[] }>;
}
