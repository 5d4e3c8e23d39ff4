import { sql, type SQL } from 'drizzle-orm';
import type { QueueDefinition, QueueViewer } from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { execute } from '../db/client.ts';
import type { Cursor } from './cursor.ts';
import type { SearchTerms } from './search.ts';
import { queueWhere } from './queue-sql.ts';
import { dueSoonQueueCondition, overdueQueueCondition } from '../db/deadline-sql.ts';

/**
 * The work-queue views. `queue`: open dossiers at the agency waiting for the given roles;
 * `mine`: open dossiers at the agency assigned to the caller; `open`: every open dossier at the
 * agency; `passed`: every dossier that is at or has passed through the agency, closed ones too.
 */
export type InboxView = 'queue' | 'mine' | 'open' | 'passed';

export interface InboxFilter {
  agency: string;
  view: InboxView;
  /** For `queue`: the roles whose queue (at least one). */
  roles: string[];
  /** For `mine`. */
  staffId: string | null;
  statuses?: number[];
  procedure?: string;
  field?: string;
  channel?: string;
  /**
   * `overdue`: past the due instant now and not paused since before it (core's isOverdue);
   * `soon`: due between now and `soonUntil`, clock running; `paused`: clock paused;
   * `supplement-expired`: the applicant's time limit for a requested supplement passed without it
   * (core's supplementExpired; such a dossier may be stopped with a notice).
   */
  due?: 'overdue' | 'soon' | 'paused' | 'supplement-expired';
  now: number;
  soonUntil?: number;
  search?: SearchTerms | null;
  /** One of core's work queues (replaces the view's own scan; sorted by due time). */
  queue?: { definition: QueueDefinition; viewer: QueueViewer } | null;
  cursor?: Cursor | null;
  limit: number;
}

export interface InboxKey {
  id: string;
  /** The sort instant (epoch ms): due (or submission) for queues, arrival for `passed`. */
  at: number;
}

/**
 * Conditions every view shares (on the dossier alias `d`). `visit`: the alias of the view's own
 * `dossier_agencies` row at the agency, when it joins one (the scoped keys are then read there).
 */
function filters(f: InboxFilter, visit?: SQL): SQL[] {
  const out: SQL[] = [];
  if (f.statuses?.length)
    out.push(
      sql`d.status in (${sql.join(
        f.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.procedure) out.push(sql`d.procedure_code = ${f.procedure}`);
  if (f.field) out.push(sql`d.field_code = ${f.field}`);
  if (f.channel) out.push(sql`d.channel = ${f.channel}`);
  const now = new Date(f.now).toISOString();
  switch (f.due) {
    case 'overdue':
      out.push(overdueQueueCondition(f.now));
      break;
    case 'soon':
      out.push(dueSoonQueueCondition(f.now, f.soonUntil ?? f.now));
      break;
    case 'paused':
      out.push(sql`d.paused_since is not null`);
      break;
    case 'supplement-expired':
      out.push(sql`d.supplement_due_at < ${now}::timestamptz`);
      break;
  }
  if (f.search) {
    const alts: SQL[] = [];
    const array = (items: string[]) =>
      sql`array[${sql.join(
        items.map((w) => sql`${w}`),
        sql`, `,
      )}]::text[]`;
    // Several words: their keys at this agency (only its matches are read; a view of the dossiers
    // here takes those that visited it, as each is at or was received by an agency it visited), or
    // before the backfill the pairs (the province's matches); one word: the word itself.
    if (f.search.agencyKeys.length) {
      const keys = array(f.search.agencyKeys);
      alts.push(
        visit
          ? sql`${visit}.search_keys @> ${keys}`
          : sql`d.id in (select s.dossier_id from dossier_agencies s where s.search_keys @> ${keys})`,
      );
    } else if (f.search.pairs.length) alts.push(sql`d.search_pairs @> ${array(f.search.pairs)}`);
    else if (f.search.words.length)
      alts.push(
        sql`d.search_tokens @> ${sql`array[${sql.join(
          f.search.words.map((w) => sql`${w}`),
          sql`, `,
        )}]::text[]`}`,
      );
    for (const p of f.search.codePrefixes) alts.push(sql`d.code like ${`${p}%`}`);
    out.push(alts.length ? sql`(${sql.join(alts, sql` or `)})` : sql`false`);
  }
  return out;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/** One ordered, limited scan over a queue index (location agency [, role] | assignee). */
function queueScan(lead: SQL, f: InboxFilter): SQL {
  const parts = [lead, sql`not d.closed`, ...filters(f)];
  if (f.cursor)
    parts.push(sql`(d.queue_at, d.id) > (${new Date(f.cursor.at).toISOString()}::timestamptz, ${f.cursor.id}::uuid)`);
  return sql`select d.id, d.queue_at from dossiers d where ${and(parts)} order by d.queue_at, d.id limit ${f.limit}`;
}

/** The query of a page (at most `limit` keys, in order), written so each scan walks an index in order. */
export function inboxQuery(f: InboxFilter): SQL {
  const ms = (col: SQL) => sql`(extract(epoch from ${col}) * 1000)::bigint`;
  if (f.queue) {
    const parts = [...queueWhere(f.queue.definition, f.queue.viewer), ...filters(f)];
    if (f.cursor)
      parts.push(sql`(d.queue_at, d.id) > (${new Date(f.cursor.at).toISOString()}::timestamptz, ${f.cursor.id}::uuid)`);
    return sql`select d.id, ${ms(sql`d.queue_at`)} as at from dossiers d where ${and(parts)} order by d.queue_at, d.id limit ${f.limit}`;
  }
  switch (f.view) {
    case 'queue': {
      if (f.roles.length === 1) {
        const s = queueScan(sql`d.location_agency = ${f.agency} and d.location_role = ${f.roles[0]!}`, f);
        return sql`select q.id, ${ms(sql`q.queue_at`)} as at from (${s}) q order by q.queue_at, q.id`;
      }
      // One ordered scan per role, merged: each reads at most `limit` rows of its index.
      const scans = f.roles.map(
        (r) => sql`(${queueScan(sql`d.location_agency = ${f.agency} and d.location_role = ${r}`, f)})`,
      );
      return sql`select q.id, ${ms(sql`q.queue_at`)} as at from (${sql.join(scans, sql` union all `)}) q order by q.queue_at, q.id limit ${f.limit}`;
    }
    case 'open': {
      const s = queueScan(sql`d.location_agency = ${f.agency}`, f);
      return sql`select q.id, ${ms(sql`q.queue_at`)} as at from (${s}) q order by q.queue_at, q.id`;
    }
    case 'mine': {
      const s = queueScan(sql`d.assignee_id = ${f.staffId}::uuid and d.location_agency = ${f.agency}`, f);
      return sql`select q.id, ${ms(sql`q.queue_at`)} as at from (${s}) q order by q.queue_at, q.id`;
    }
    case 'passed': {
      const parts = [sql`v.agency_code = ${f.agency}`, ...filters(f, sql`v`)];
      if (f.cursor)
        parts.push(
          sql`(v.since, v.dossier_id) < (${new Date(f.cursor.at).toISOString()}::timestamptz, ${f.cursor.id}::uuid)`,
        );
      return sql`select d.id, ${ms(sql`v.since`)} as at from dossier_agencies v join dossiers d on d.id = v.dossier_id where ${and(parts)} order by v.since desc, v.dossier_id desc limit ${f.limit}`;
    }
  }
}

export async function inboxKeys(db: Executor, f: InboxFilter): Promise<InboxKey[]> {
  const rows = await execute<{ id: string; at: string | number | bigint }>(db, inboxQuery(f));
  return rows.map((r) => ({ id: r.id, at: Number(r.at) }));
}
