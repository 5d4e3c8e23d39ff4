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
  return [...dossierFilters(f), ...searchFilter(f, visit)];
}

/** The conditions on the dossier itself (status, procedure, field, channel, due). */
function dossierFilters(f: InboxFilter): SQL[] {
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
  return out;
}

/** The search's condition (none without a search). */
function searchFilter(f: InboxFilter, visit?: SQL): SQL[] {
  const out: SQL[] = [];
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

/** The open dossiers of a queue view after the cursor (in queue order). */
function queueCursor(f: InboxFilter): SQL[] {
  return f.cursor
    ? [sql`(d.queue_at, d.id) > (${new Date(f.cursor.at).toISOString()}::timestamptz, ${f.cursor.id}::uuid)`]
    : [];
}

/** One ordered, limited scan over a queue index (location agency [, role] | assignee). */
function queueScan(lead: SQL, f: InboxFilter): SQL {
  const parts = [lead, sql`not d.closed`, ...filters(f), ...queueCursor(f)];
  return sql`select d.id, d.queue_at from dossiers d where ${and(parts)} order by d.queue_at, d.id limit ${f.limit}`;
}

const ms = (col: SQL) => sql`(extract(epoch from ${col}) * 1000)::bigint`;

/** The visits of a `passed` page after the cursor (latest first). */
function passedCursor(f: InboxFilter): SQL[] {
  return f.cursor
    ? [sql`(v.since, v.dossier_id) < (${new Date(f.cursor.at).toISOString()}::timestamptz, ${f.cursor.id}::uuid)`]
    : [];
}

/** The visits of a `passed` page: the agency's, after the cursor. */
function passedScope(f: InboxFilter): SQL[] {
  return [sql`v.agency_code = ${f.agency}`, ...passedCursor(f)];
}

const passedOrder = sql`order by v.since desc, v.dossier_id desc`;

/** The agency's latest `window` visits after the cursor, in the order of their index. */
function passedWalked(f: InboxFilter, window: number): SQL {
  return sql`select v.dossier_id, v.since, v.search_keys from dossier_agencies v where ${and(passedScope(f))} ${passedOrder} limit ${window}`;
}

/**
 * The `passed` page: the agency's visits, latest first. With `window`, only the latest `window`
 * visits (after the cursor) are read, in the order of their index, and the other conditions (a
 * search's keys among them) filter those: a full page found there is the page.
 */
function passedQuery(f: InboxFilter, window?: number): SQL {
  const rest = filters(f, sql`v`);
  const from = window === undefined ? sql`dossier_agencies v` : sql`(${passedWalked(f, window)}) v`;
  const where = window === undefined ? [...passedScope(f), ...rest] : rest;
  return sql`select d.id, ${ms(sql`v.since`)} as at from ${from} join dossiers d on d.id = v.dossier_id where ${and(where)} ${passedOrder} limit ${f.limit}`;
}

/**
 * A full-name search reads at most SEARCH_FEW_PER_ROW matches per row of its page from the keys'
 * index; a name with more at the agency (a common one) is looked for among the first rows of the
 * view's own walk instead (the latest visits in `passed`, the open dossiers in queue order
 * otherwise), at most SEARCH_WALK_ROWS_PER_ROW of them per row: a name held by more than 1 in 64 of
 * them fills its page there. Either read is bounded whatever the table's size; a page found by
 * neither (a name with many matches, few of them lately or near the queue's head) is asked of the
 * view's single query.
 */
export const SEARCH_FEW_PER_ROW = 20;
export const SEARCH_WALK_ROWS_PER_ROW = 64;

/** Which read answered a page of a full-name search. */
export type NameSearchRead = 'few' | 'walk' | 'index';

type NameSearch = InboxFilter & { search: SearchTerms };

/**
 * The ordered index walk of an open-dossier view (without its cursor and filters), or null when
 * the view has none to walk: core's queues and a queue of several roles keep their single query.
 */
function queueLead(f: InboxFilter): SQL | null {
  if (f.queue) return null;
  switch (f.view) {
    case 'open':
      return sql`d.location_agency = ${f.agency}`;
    case 'mine':
      return sql`d.assignee_id = ${f.staffId}::uuid and d.location_agency = ${f.agency}`;
    case 'queue':
      return f.roles.length === 1 ? sql`d.location_agency = ${f.agency} and d.location_role = ${f.roles[0]!}` : null;
    case 'passed':
      return null;
  }
}

/**
 * Whether `f` is a full-name search (agency keys, nothing matched on the dossier's code) in a view
 * whose bounded reads exist: `passed`, or an open-dossier view with one index walk.
 */
function nameSearch(f: InboxFilter): f is NameSearch {
  if (!f.search?.agencyKeys.length || f.search.codePrefixes.length || f.queue) return false;
  return f.view === 'passed' || queueLead(f) !== null;
}

const keysArray = (f: NameSearch) =>
  sql`array[${sql.join(
    f.search.agencyKeys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;

/**
 * The matches at the agency from the keys' index, at most `bound` of them (`matches`: how many were
 * read), sorted, and the page among them; a single row with a null id when none is on it. Fewer
 * matches than the bound are all of them, so the page is exact; without a bound it always is.
 * The keys name the agency, so its visits are not asked for besides (that would read them all).
 * In an open-dossier view the page is of their dossiers that are open there, in queue order.
 */
export function nameSearchMatches(f: InboxFilter, bound: number | null): SQL | null {
  if (!nameSearch(f)) return null;
  const limit = bound === null ? sql`` : sql` limit ${bound}`;
  const match = sql`v.search_keys @> ${keysArray(f)}`;
  const lead = queueLead(f);
  if (lead) {
    // The dossiers are read only when the matches are fewer than the bound (else the page is not used).
    const few = bound === null ? [] : [sql`(select count(*) from m) < ${bound}`];
    const page = sql`select d.id, d.queue_at from m join dossiers d on d.id = m.dossier_id where ${and([...few, lead, sql`not d.closed`, ...dossierFilters(f), ...queueCursor(f)])} order by d.queue_at, d.id limit ${f.limit}`;
    return sql`with m as materialized (select v.dossier_id from dossier_agencies v where ${match}${limit})
select (select count(*) from m)::int as matches, p.id, ${ms(sql`p.queue_at`)} as at from (select 1) one left join lateral (${page}) p on true order by p.queue_at, p.id`;
  }
  const scope = passedCursor(f);
  // Without conditions on the dossier, its row is not read (the page's keys are the visits').
  const onDossier = dossierFilters(f);
  const page = onDossier.length
    ? sql`select d.id, v.since from m v join dossiers d on d.id = v.dossier_id where ${and(onDossier)} ${passedOrder} limit ${f.limit}`
    : sql`select v.dossier_id as id, v.since from m v ${passedOrder} limit ${f.limit}`;
  return sql`with m as materialized (select v.dossier_id, v.since from dossier_agencies v where ${and([...scope, match])}${limit})
select (select count(*) from m)::int as matches, p.id, ${ms(sql`p.since`)} as at from (select 1) one left join lateral (${page}) p on true order by p.since desc, p.id desc`;
}

/** The first `window` open dossiers of a queue view's walk after the cursor, in queue order. */
function queueWalked(f: InboxFilter, lead: SQL, window: number): SQL {
  return sql`select d.id, d.queue_at from dossiers d where ${and([lead, sql`not d.closed`, ...queueCursor(f)])} order by d.queue_at, d.id limit ${window}`;
}

/**
 * How many rows the walk of nameSearchWalk reads (null when `f` is no full-name search with bounded
 * reads): fewer than its window are every row after the cursor, so the walk's page is exact.
 */
export function nameSearchWalked(f: InboxFilter): SQL | null {
  if (!nameSearch(f)) return null;
  const window = f.limit * SEARCH_WALK_ROWS_PER_ROW;
  const lead = queueLead(f);
  return sql`select count(*)::int as walked from (${lead ? queueWalked(f, lead, window) : passedWalked(f, window)}) w`;
}

/**
 * The first `limit * SEARCH_WALK_ROWS_PER_ROW` rows of the view's walk in index order, the keys
 * (and the other conditions) a filter; null when `f` is no full-name search with bounded reads. A
 * full page found there is the page. In an open-dossier view the keys are those of the dossier's
 * visit at the agency, found by its key (dossier, agency).
 */
export function nameSearchWalk(f: InboxFilter): SQL | null {
  if (!nameSearch(f)) return null;
  const window = f.limit * SEARCH_WALK_ROWS_PER_ROW;
  const lead = queueLead(f);
  if (!lead) return passedQuery(f, window);
  const walked = queueWalked(f, lead, window);
  // A scalar subquery, not EXISTS: the planner would join it to every match from the keys' index
  // (it cannot estimate them), which grows with the table; each walked row probes its own visit.
  const visit = sql`(select v.search_keys from dossier_agencies v where v.dossier_id = q.id and v.agency_code = ${f.agency}) @> ${keysArray(f)}`;
  // Without conditions on the dossier, only the walked index entries and the visits are read.
  const onDossier = dossierFilters(f);
  const from = onDossier.length ? sql`(${walked}) q join dossiers d on d.id = q.id` : sql`(${walked}) q`;
  return sql`select q.id, ${ms(sql`q.queue_at`)} as at from ${from} where ${and([...onDossier, visit])} order by q.queue_at, q.id limit ${f.limit}`;
}

/** The query of a page (at most `limit` keys, in order), written so each scan walks an index in order. */
export function inboxQuery(f: InboxFilter): SQL {
  if (f.queue) {
    const parts = [...queueWhere(f.queue.definition, f.queue.viewer), ...filters(f), ...queueCursor(f)];
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
    case 'passed':
      return passedQuery(f);
  }
}

async function keysOf(db: Executor, query: SQL): Promise<InboxKey[]> {
  const rows = await execute<{ id: string; at: string | number | bigint }>(db, query);
  return rows.map((r) => ({ id: r.id, at: Number(r.at) }));
}

/**
 * A page of a full-name search, and which read answered it: the few matches of a rare name, else
 * the walk of the view's first rows for a common one, else the view's single query. Each answers
 * the rows and order of inboxQuery (null when `f` is no such search). The walk answers when it
 * fills the page or read every row of its index after the cursor.
 */
export async function nameSearchKeys(
  db: Executor,
  f: InboxFilter,
): Promise<{ keys: InboxKey[]; read: NameSearchRead } | null> {
  const bound = f.limit * SEARCH_FEW_PER_ROW;
  const few = nameSearchMatches(f, bound);
  const walk = nameSearchWalk(f);
  if (!few || !walk) return null;
  const matches = async (query: SQL) => {
    const rows = await execute<{ matches: number; id: string | null; at: string | number | bigint | null }>(db, query);
    return {
      n: Number(rows[0]!.matches),
      keys: rows.flatMap((r) => (r.id === null ? [] : [{ id: r.id, at: Number(r.at) }])),
    };
  };
  const first = await matches(few);
  if (first.n < bound) return { keys: first.keys, read: 'few' };
  const walked = await keysOf(db, walk);
  if (walked.length === f.limit) return { keys: walked, read: 'walk' };
  // A walk that reached the end of its index (an agency with fewer rows than the window) read them all.
  const [rows] = await execute<{ walked: number }>(db, nameSearchWalked(f)!);
  if (Number(rows!.walked) < f.limit * SEARCH_WALK_ROWS_PER_ROW) return { keys: walked, read: 'walk' };
  // `passed` asks the keys' index whole; a queue view its single query (the keys' index behind it).
  const whole =
    f.view === 'passed' ? (await matches(nameSearchMatches(f, null)!)).keys : await keysOf(db, inboxQuery(f));
  return { keys: whole, read: 'index' };
}

/** The keys of a page (a full-name search by nameSearchKeys). */
export async function inboxKeys(db: Executor, f: InboxFilter): Promise<InboxKey[]> {
  return (await nameSearchKeys(db, f))?.keys ?? keysOf(db, inboxQuery(f));
}
