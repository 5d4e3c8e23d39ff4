import type { Database } from '../db/client.ts';

/** The channel the database announces dossier changes on (migration 0005's trigger). */
export const DOSSIER_CHANNEL = 'motcua_dossiers';

/** A dossier change as the trigger announces it (no personal data). */
export interface DossierNote {
  id: string;
  code: string;
  seq: number;
  status: number;
  closed: boolean;
  /** Where it was, where it is, where it was received. */
  agencies: string[];
  agency: string;
  role: string | null;
  assignee: string | null;
  assigneeName: string | null;
  at: string;
}

type Listener = (note: DossierNote) => void;

/**
 * One LISTEN per process and database, shared by every live client of that process: PostgreSQL
 * delivers the notifications of every process's commits (postgres.js keeps a dedicated connection
 * and listens again after a reconnect); PGlite, being one process, delivers its own.
 */
export interface DossierFeed {
  subscribe(listener: Listener): () => void;
  /** Listeners now (for tests and logs). */
  size(): number;
}

const feeds = new WeakMap<Database, Promise<DossierFeed>>();

export function dossierFeed(database: Database): Promise<DossierFeed> {
  let feed = feeds.get(database);
  if (!feed) {
    feed = openFeed(database);
    feeds.set(database, feed);
    feed.catch(() => feeds.delete(database));
  }
  return feed;
}

async function openFeed(database: Database): Promise<DossierFeed> {
  const listeners = new Set<Listener>();
  const deliver = (payload: string) => {
    let note: DossierNote;
    try {
      note = JSON.parse(payload) as DossierNote;
    } catch {
      return;
    }
    for (const l of listeners) {
      try {
        l(note);
      } catch {
        // One client's failure is its own.
      }
    }
  };
  if (database.kind === 'postgres') await database.sql!.listen(DOSSIER_CHANNEL, deliver);
  else await database.pglite!.listen(DOSSIER_CHANNEL, deliver);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => listeners.size,
  };
}
