import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type FileStore, type WrittenFile, FileTooLargeError } from './store.ts';

const HEAD_BYTES = 4100; // enough for file-type's sniffing

interface PendingMark {
  host: string;
  pid: number;
  instance: string;
  at: number;
}

/** This process's identity in pending marks (pid reuse after a crash is told apart by `instance`). */
const INSTANCE = randomUUID();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The default file store: a local directory. Layout: `objects/<2 hex>/<key>` for bytes,
 * `pending/<key>.json` for keys whose transaction has not committed yet.
 */
export function createLocalFileStore(root: string, options: { staleAfterMs?: number } = {}): FileStore {
  const staleAfterMs = options.staleAfterMs ?? 24 * 3600 * 1000;
  const objects = join(root, 'objects');
  const pending = join(root, 'pending');
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid file key ${key}`);
    return join(objects, key.slice(0, 2), key);
  };
  const markOf = (key: string) => join(pending, `${key}.json`);
  let ready: Promise<void> | null = null;
  const shards = new Set<string>();
  const ensure = () =>
    (ready ??= Promise.all([mkdir(objects, { recursive: true }), mkdir(pending, { recursive: true })]).then(() => {}));

  return {
    async begin() {
      await ensure();
      const key = randomUUID();
      const mark: PendingMark = { host: hostname(), pid: process.pid, instance: INSTANCE, at: Date.now() };
      // The mark exists before any byte of the object does.
      await writeFile(markOf(key), JSON.stringify(mark), { flag: 'wx' });
      const shard = key.slice(0, 2);
      if (!shards.has(shard)) {
        await mkdir(join(objects, shard), { recursive: true });
        shards.add(shard);
      }
      return key;
    },

    async write(key, source, { maxBytes }): Promise<WrittenFile> {
      const path = pathOf(key);
      const hash = createHash('sha256');
      const out = createWriteStream(path, { flags: 'wx' });
      const headChunks: Buffer[] = [];
      let headLen = 0;
      let size = 0;
      const closed = new Promise<void>((resolve, reject) => {
        out.on('close', resolve);
        out.on('error', reject);
      });
      try {
        for await (const chunk of source as AsyncIterable<Uint8Array>) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          size += buf.length;
          if (size > maxBytes) throw new FileTooLargeError(maxBytes);
          hash.update(buf);
          if (headLen < HEAD_BYTES) {
            headChunks.push(buf.subarray(0, HEAD_BYTES - headLen));
            headLen += Math.min(buf.length, HEAD_BYTES - headLen);
          }
          if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', r));
        }
        out.end();
        await closed;
        const fh = await open(path, 'r');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      } catch (err) {
        out.destroy();
        await closed.catch(() => {});
        await rm(path, { force: true });
        throw err;
      }
      return { size, sha256: hash.digest('hex'), head: new Uint8Array(Buffer.concat(headChunks)) };
    },

    async settle(key) {
      await rm(markOf(key), { force: true });
    },

    async discard(key) {
      await rm(pathOf(key), { force: true });
      await rm(markOf(key), { force: true });
    },

    read(key): Readable {
      return createReadStream(pathOf(key));
    },

    async exists(key) {
      try {
        await stat(pathOf(key));
        return true;
      } catch {
        return false;
      }
    },

    async keys() {
      await ensure();
      const out: string[] = [];
      for (const dir of await readdir(objects)) {
        for (const name of await readdir(join(objects, dir))) out.push(name);
      }
      return out.sort();
    },

    async sweep(isReferenced) {
      await ensure();
      const candidates: string[] = [];
      const kept: string[] = [];
      const host = hostname();
      for (const name of await readdir(pending)) {
        if (name.endsWith('.tmp')) {
          await rm(join(pending, name), { force: true });
          continue;
        }
        if (!name.endsWith('.json')) continue;
        const key = name.slice(0, -5);
        let mark: PendingMark | null = null;
        try {
          mark = JSON.parse(await readFile(join(pending, name), 'utf8')) as PendingMark;
        } catch {
          // Unreadable: being written this very moment (keep it), or torn by a crash long ago.
          const info = await stat(join(pending, name)).catch(() => null);
          if (info && Date.now() - info.mtimeMs < 60_000) {
            kept.push(key);
            continue;
          }
          mark = null;
        }
        const writerGone =
          !mark ||
          Date.now() - mark.at > staleAfterMs ||
          (mark.host === host && (mark.pid === process.pid ? mark.instance !== INSTANCE : !alive(mark.pid)));
        if (writerGone) candidates.push(key);
        else kept.push(key);
      }
      const referenced = candidates.length ? await isReferenced(candidates) : new Set<string>();
      const removed: string[] = [];
      for (const key of candidates) {
        if (referenced.has(key)) {
          await rm(markOf(key), { force: true }); // committed, only the settle was lost
        } else {
          await rm(pathOf(key), { force: true });
          await rm(markOf(key), { force: true });
          removed.push(key);
        }
      }
      return { removed, kept };
    },
  };
}
