import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../http/env.ts';
import { dossierFeed, type DossierNote } from './feed.ts';
import { dossierChange } from './changes.ts';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const KEEPALIVE_MS = 20_000;

/**
 * The live stream of an agency's inbox: each change of a dossier at, leaving or received by the
 * agency, as `event: dossier`. Changes are sent in the order they arrive; a client that reconnects
 * reloads what it shows (no replay).
 */
export async function inboxEvents(c: Context<AppEnv>, agency: string): Promise<Response> {
  const ctx = c.get('ctx');
  const feed = await dossierFeed(ctx.database);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const queue: DossierNote[] = [];
    let wake: (() => void) | null = null;
    const unsubscribe = feed.subscribe((note) => {
      if (!note.agencies.includes(agency)) return;
      queue.push(note);
      wake?.();
    });
    let open = true;
    stream.onAbort(() => {
      open = false;
      unsubscribe();
      wake?.();
    });
    const keepalive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => {}), KEEPALIVE_MS);
    keepalive.unref?.();
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ agency }) });
      while (open) {
        const note = queue.shift();
        if (!note) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        const change = await dossierChange(ctx.db, note);
        await stream.writeSSE({ event: 'dossier', id: `${note.id}:${note.seq}`, data: JSON.stringify(change) });
      }
    } finally {
      clearInterval(keepalive);
      unsubscribe();
    }
  });
}
