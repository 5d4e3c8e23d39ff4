import { sql } from 'drizzle-orm';
import { replay, type DossierEvent, type DossierState } from '@motcua/core';
import { execute, type Executor } from '../../src/db/client.ts';

export interface StoredHistory {
  dossierId: string;
  field: string;
  procedure: string;
  events: DossierEvent[];
  /** Core's replay of the events read back. */
  state: DossierState;
}

/** Every dossier's event log read back from the database, in order, with core's state of it. */
export async function storedHistories(db: Executor): Promise<StoredHistory[]> {
  const rows = await execute<{ event: DossierEvent; dossier_id: string; field: string; procedure: string }>(
    db,
    sql`select e.event, e.dossier_id, d.field_code as field, d.procedure_code as procedure
        from dossier_events e join dossiers d on d.id = e.dossier_id order by e.dossier_id, e.seq`,
  );
  const logs = new Map<string, Omit<StoredHistory, 'state'>>();
  for (const r of rows) {
    let x = logs.get(r.dossier_id);
    if (!x)
      logs.set(r.dossier_id, (x = { dossierId: r.dossier_id, field: r.field, procedure: r.procedure, events: [] }));
    x.events.push(r.event);
  }
  return [...logs.values()].map((x) => ({ ...x, state: replay(x.events) }));
}
