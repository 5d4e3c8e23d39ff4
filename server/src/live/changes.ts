import { sql } from 'drizzle-orm';
import { execute, type Executor } from '../db/client.ts';
import type { DossierNote } from './feed.ts';

/** What a live client is told of a change (the contract's DossierChange). */
export interface DossierChange {
  dossierId: string;
  code: string | null;
  kind: string;
  seq: number;
  status: number;
  closed: boolean;
  agencies: string[];
  location: { agency: string; role: string; assignee: string | null; assigneeName: string | null };
  actor: { id: string | null; name: string | null; kind: string };
  at: string;
}

/** The note completed with its event's kind and actor (who claimed, who acted). */
export async function dossierChange(db: Executor, note: DossierNote): Promise<DossierChange> {
  const [ev] = await execute<{ kind: string; actor_kind: string; actor_id: string | null; actor_name: string | null }>(
    db,
    sql`select e.kind, e.actor_kind, e.actor_id, coalesce(e.event -> 'actor' ->> 'name', s.full_name) as actor_name
        from dossier_events e left join staff s on e.actor_kind = 'staff' and s.id::text = e.actor_id
        where e.dossier_id = ${note.id}::uuid and e.seq = ${note.seq}`,
  );
  return {
    dossierId: note.id,
    code: note.code,
    kind: ev?.kind ?? 'change',
    seq: Math.max(1, note.seq),
    status: note.status,
    closed: note.closed,
    agencies: note.agencies,
    location: {
      agency: note.agency,
      role: note.role ?? 'reception',
      assignee: note.assignee,
      assigneeName: note.assigneeName,
    },
    actor: { id: ev?.actor_id ?? null, name: ev?.actor_name ?? null, kind: ev?.actor_kind ?? 'system' },
    at: new Date(note.at).toISOString(),
  };
}
