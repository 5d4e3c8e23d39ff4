import { sql } from 'drizzle-orm';
import { ACTIONS, type DossierState } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import type { Principal } from '../http/principal.ts';
import { execute } from '../db/client.ts';
import { HttpError } from '../http/errors.ts';
import type { DossierRow } from '../dossiers/load.ts';

/** Who holds the dossier now and what changed it last: what a clerk acting on a stale view needs to hear. */
export interface ConflictFacts {
  heldBy: { id: string; name: string | null } | null;
  lastChange: { kind: string; by: { id: string | null; name: string | null }; at: string } | null;
}

export async function conflictFacts(ctx: ServerContext, row: DossierRow): Promise<ConflictFacts> {
  const state = row.state as DossierState;
  const [last] = await execute<{ kind: string; actor_id: string | null; actor_name: string | null; at: Date | string }>(
    ctx.db,
    sql`select e.kind, e.actor_id, coalesce(e.event -> 'actor' ->> 'name', s.full_name) as actor_name, e.at
        from dossier_events e left join staff s on e.actor_kind = 'staff' and s.id::text = e.actor_id
        where e.dossier_id = ${row.id}::uuid order by e.seq desc limit 1`,
  );
  const assignee = state.location.assignee;
  return {
    heldBy: assignee ? { id: assignee, name: state.location.assigneeName ?? null } : null,
    lastChange: last
      ? {
          kind: last.kind,
          by: { id: last.actor_id, name: last.actor_name },
          at: new Date(last.at).toISOString(),
        }
      : null,
  };
}

/**
 * The 409 of an action on a stale view, told plainly: "already claimed by …" when someone else
 * holds the dossier now, otherwise who changed it last and how. Refusals core words itself
 * (wrong status, not yours) keep core's message.
 */
export function explainConflict(err: HttpError, facts: ConflictFacts, principal: Principal): HttpError {
  const stale = err.code === 'stale_version' || err.code === 'concurrent_change' || err.code === 'assigned-to-other';
  let message = err.userMessage;
  if (stale && facts.heldBy && facts.heldBy.id !== principal.staffId) {
    const who = facts.heldBy.name ?? facts.heldBy.id;
    message = { vi: `Hồ sơ đã được ${who} nhận xử lý`, en: `Already claimed by ${who}` };
  } else if (
    stale &&
    facts.lastChange &&
    facts.lastChange.by.id !== principal.staffId &&
    err.code !== 'assigned-to-other'
  ) {
    const who = facts.lastChange.by.name ?? facts.lastChange.by.id ?? 'hệ thống';
    const what = ACTIONS[facts.lastChange.kind as keyof typeof ACTIONS] ?? {
      vi: facts.lastChange.kind,
      en: facts.lastChange.kind,
    };
    message = {
      vi: `Hồ sơ vừa được ${who} thay đổi (${what.vi}); hãy tải lại`,
      en: `Changed meanwhile by ${facts.lastChange.by.name ?? facts.lastChange.by.id ?? 'the system'} (${what.en}); reload it`,
    };
  }
  return new HttpError(err.status, err.code, message, err.issues, {
    ...(err.extra ?? {}),
    heldBy: facts.heldBy,
    lastChange: facts.lastChange,
  });
}
