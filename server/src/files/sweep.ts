import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { files } from '../db/schema/index.ts';
import type { FileStore } from './store.ts';

/**
 * Removes the bytes of uploads whose transaction never committed (a crash, a kill -9): the file
 * store's pending keys that no `files` row references. Run at start.
 */
export async function sweepOrphanFiles(ctx: {
  db: Db;
  files: FileStore;
}): Promise<{ removed: string[]; kept: string[] }> {
  return ctx.files.sweep(async (keys) => {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await ctx.db
        .select({ key: files.storageKey })
        .from(files)
        .where(inArray(files.storageKey, keys.slice(i, i + 500)));
      for (const r of rows) found.add(r.key);
    }
    return found;
  });
}
