/**
 * Millions of dossiers for benchmarks and query-plan tests, written by PostgreSQL itself
 * (INSERT … SELECT FROM generate_series: no HTTP, no per-row round trip). The rows have the
 * shapes and distributions of a real province — most dossiers closed, a tenth open at the
 * commune's reception, specialists and leaders (some claimed by its staff) or at a department or
 * another commune (liên thông), some paused for a supplement or a payment, some with a result
 * awaiting return, some overdue — so that every work queue of a commune has its share at any
 * size, and the Biểu 06 running totals they imply (acceptance, end, overdue on and off),
 * consistent so that every report row reconciles. Assignees are read from the staff table: load
 * after the agencies' accounts exist. Histories are summarised, not
 * event-sourced: no events are written (the inbox and report queries never read them), so
 * `motcua audit verify` is not meant for a bulk-seeded database.
 */
import type postgres from 'postgres';
import { OPEN_STATUSES, SEARCH_AGENCY_SEPARATOR, SEARCH_PAIR_SEPARATOR, SEARCH_WORD_SEPARATOR } from '@motcua/core';
import { foldText } from '../../src/dossiers/fold.ts';
import { CHANNEL_QUEUE_STATUSES } from '../../src/inbox/queue-sql.ts';
import { FAMILY, GIVEN, MIDDLE } from './histories.ts';

export interface BulkSeedOptions {
  /** First generated number (1-based); dossiers `first … first+count-1` are written. */
  first: number;
  count: number;
  /** Receiving communes. */
  communes: readonly string[];
  /** Departments where liên thông steps run. */
  departments: readonly string[];
  /** History from `start` (YYYY-MM-DD) over `days` days, up to `now`. */
  start: string;
  days: number;
  now: number;
  /** Rows per statement. */
  chunk?: number;
  /**
   * Also write this many events per dossier (placeholders with the size and shape of real ones,
   * not a valid hash chain): for query plans over a realistically filled event table.
   */
  eventsPerDossier?: number;
  log?: (s: string) => void;
}

/** The procedures seeded (codes of the demo province's published examples). */
const PROCEDURES = [
  { code: '1.001193', field: 'ho-tich', due: 1 },
  { code: '1.001612', field: 'thanh-lap-va-hoat-dong-ho-kinh-doanh', due: 3 },
  { code: '1.013225', field: 'hoat-dong-xay-dung', due: 7 },
];

/** Names and their accent-folded search words, chosen by the database from these lists. */
function names(): { names: string[]; folded: string[] } {
  const list: string[] = [];
  for (const f of FAMILY) for (const m of MIDDLE) for (const g of GIVEN) list.push(`${f} ${m} ${g}`);
  // The first is the common name (COMMON_NAME_SHARE) the benches search for.
  if (foldText(list[0]!) !== foldText('Nguyễn Văn An')) throw new Error(`the first name is ${list[0]}`);
  return { names: list, folded: list.map(foldText) };
}

/** Secondary indexes of the tables bulk-loaded: dropped before a large load and rebuilt after. */
export const BULK_INDEXES: { name: string; create: string }[] = [
  { name: 'dossiers_code_idx', create: 'create unique index dossiers_code_idx on dossiers using btree (code)' },
  {
    name: 'dossiers_location_idx',
    create: 'create index dossiers_location_idx on dossiers using btree (location_agency, status, due_at)',
  },
  {
    name: 'dossiers_receiving_idx',
    create: 'create index dossiers_receiving_idx on dossiers using btree (receiving_agency, submitted_at)',
  },
  {
    name: 'dossiers_applicant_id_idx',
    create: 'create index dossiers_applicant_id_idx on dossiers using btree (applicant_id_number)',
  },
  {
    name: 'dossiers_applicant_phone_idx',
    create: 'create index dossiers_applicant_phone_idx on dossiers using btree (applicant_phone)',
  },
  {
    name: 'dossiers_queue_idx',
    create:
      'create index dossiers_queue_idx on dossiers using btree (location_agency, location_role, queue_at, id) where not closed',
  },
  {
    name: 'dossiers_open_idx',
    create: 'create index dossiers_open_idx on dossiers using btree (location_agency, queue_at, id) where not closed',
  },
  {
    name: 'dossiers_assignee_queue_idx',
    create:
      'create index dossiers_assignee_queue_idx on dossiers using btree (assignee_id, queue_at, id) where not closed and assignee_id is not null',
  },
  {
    name: 'dossiers_search_tokens_idx',
    create: 'create index dossiers_search_tokens_idx on dossiers using gin (search_tokens)',
  },
  {
    name: 'dossiers_search_pairs_idx',
    create: 'create index dossiers_search_pairs_idx on dossiers using gin (search_pairs)',
  },
  {
    name: 'dossiers_forwarded_out_idx',
    create:
      'create index dossiers_forwarded_out_idx on dossiers using btree (receiving_agency, queue_at, id) where not closed and location_agency <> receiving_agency',
  },
  {
    name: 'dossiers_code_prefix_idx',
    create: 'create index dossiers_code_prefix_idx on dossiers using btree (code text_pattern_ops)',
  },
  {
    name: 'dossiers_overdue_idx',
    create: `create index dossiers_overdue_idx on dossiers using btree (responsible_agency, due_at) include (paused_since) where due_at is not null and accepted_at is not null and status in (${OPEN_STATUSES.join(', ')})`,
  },
  {
    name: 'dossiers_deadline_queue_idx',
    create: `create index dossiers_deadline_queue_idx on dossiers using btree (location_agency, queue_at, id) where not closed and due_at is not null and status in (${OPEN_STATUSES.join(', ')})`,
  },
  {
    name: 'dossiers_forwarded_in_idx',
    create:
      'create index dossiers_forwarded_in_idx on dossiers using btree (location_agency, queue_at, id) where not closed and location_agency <> receiving_agency',
  },
  {
    name: 'dossiers_channel_queue_idx',
    create: `create index dossiers_channel_queue_idx on dossiers using btree (location_agency, status, channel, queue_at, id) where not closed and status in (${CHANNEL_QUEUE_STATUSES.join(', ')})`,
  },
  {
    name: 'dossier_agencies_agency_idx',
    create: 'create index dossier_agencies_agency_idx on dossier_agencies using btree (agency_code, dossier_id)',
  },
  {
    name: 'dossier_agencies_search_keys_idx',
    create:
      'create index dossier_agencies_search_keys_idx on dossier_agencies using gin (search_keys) with (fastupdate = off)',
  },
  {
    name: 'dossier_agencies_since_idx',
    create: 'create index dossier_agencies_since_idx on dossier_agencies using btree (agency_code, since, dossier_id)',
  },
];

export async function dropBulkIndexes(sql: postgres.Sql): Promise<void> {
  for (const i of BULK_INDEXES) await sql.unsafe(`drop index if exists ${i.name}`);
}

export async function createBulkIndexes(sql: postgres.Sql, log?: (s: string) => void): Promise<void> {
  await sql.unsafe(`set maintenance_work_mem = '1GB'`);
  for (const i of BULK_INDEXES) {
    const t = Date.now();
    await sql.unsafe(i.create.replace(/^create (unique )?index /, (m) => `${m}if not exists `));
    log?.(`  index ${i.name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

/**
 * Writes dossiers `first … first+count-1` with their visited agencies and adds their Biểu 06
 * running totals (the month sums are rebuilt by `rebuildMonthTotals`).
 */
export async function bulkSeed(sql: postgres.Sql, o: BulkSeedOptions): Promise<void> {
  const chunk = o.chunk ?? 250_000;
  const { names: nameList, folded } = names();
  const nowIso = new Date(o.now).toISOString();
  await sql.unsafe(`alter table report_ledger disable trigger report_ledger_month_sums`);
  // A bulk load announces nothing to live inboxes (one notification per row would flood the queue).
  await sql.unsafe(`alter table dossiers disable trigger dossiers_notify`);
  try {
    for (let from = o.first; from < o.first + o.count; from += chunk) {
      const to = Math.min(o.first + o.count - 1, from + chunk - 1);
      const t = Date.now();
      await sql.begin(async (tx) => {
        // One statement per chunk: compiling it (JIT) costs more than it saves here.
        await tx.unsafe('set local jit = off');
        await tx.unsafe(SEED_SQL, [
          from,
          to,
          o.communes as string[],
          o.departments as string[],
          o.start,
          o.days,
          nowIso,
          nameList,
          folded,
          PROCEDURES.map((p) => p.code),
          PROCEDURES.map((p) => p.field),
          PROCEDURES.map((p) => p.due),
          o.eventsPerDossier ?? 0,
        ]);
      });
      o.log?.(`  dossiers ${from}…${to}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await sql.unsafe(`alter table report_ledger enable trigger report_ledger_month_sums`);
    await sql.unsafe(`alter table dossiers enable trigger dossiers_notify`);
  }
}

/** The month totals as the trigger would have kept them (after a load with the trigger off). */
export async function rebuildMonthTotals(sql: postgres.Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx.unsafe('delete from report_ledger_month');
    await tx.unsafe(`insert into report_ledger_month (agency_code, field_code, month, "column", value)
      select agency_code, field_code, date_trunc('month', day)::date, "column", sum(value) from report_ledger group by 1, 2, 3, 4`);
  });
}

export interface GrowBulkOptions extends Omit<BulkSeedOptions, 'first' | 'count' | 'start' | 'days'> {
  /** Dossiers already loaded (numbered 1 … loaded). */
  loaded: number;
  /** The size to grow to. */
  size: number;
  /** History from (default 2024-04-01) over days (default 730: two years up to the benches' now). */
  start?: string;
  days?: number;
  /** Run after the load and its indexes, before the statistics (e.g. rows derived from the new dossiers). */
  afterLoad?: () => Promise<void>;
}

/**
 * Grows the bulk-loaded table from `loaded` to `size` dossiers, as the benchmarks do between their
 * stages: indexes dropped and rebuilt around the load, month totals recomputed, statistics fresh
 * and the load's dirty pages written out. Returns the seconds it took (0 when nothing to add).
 */
export async function growBulk(sql: postgres.Sql, o: GrowBulkOptions): Promise<number> {
  if (o.size <= o.loaded) return 0;
  const t = Date.now();
  const { loaded, size, afterLoad, ...seed } = o;
  await dropBulkIndexes(sql);
  await bulkSeed(sql, {
    ...seed,
    start: o.start ?? '2024-04-01',
    days: o.days ?? 730,
    first: loaded + 1,
    count: size - loaded,
  });
  await createBulkIndexes(sql, o.log);
  await rebuildMonthTotals(sql);
  await afterLoad?.();
  await sql.unsafe('vacuum analyze');
  // Written out now, not by a checkpoint in the middle of the timings.
  await sql.unsafe('checkpoint');
  return (Date.now() - t) / 1000;
}

/**
 * The share of applicants named as the first name of the list (Nguyễn Văn An): a common name, so
 * that a search for it finds open dossiers at an agency in proportion to the table's size.
 */
const COMMON_NAME_SHARE = 0.03;

/** The id of generated dossier number `g` (an SQL expression of `g`). */
export const BULK_ID = `md5('motcua-bench-' || g)::uuid`;

// $1 first, $2 last, $3 communes, $4 departments, $5 start date, $6 days, $7 now, $8 names, $9 folded
// names, $10 procedure codes, $11 fields, $12 deadlines (days), $13 events per dossier. r(k): a
// uniform [0,1) per dossier.
//
// The open dossiers fill every work queue of core's definitions, in proportion: new ones (status
// 1), in progress (2, 4) at the specialist or leader step, half of them claimed by a staff member
// of that agency and role (the demo's accounts; a placeholder where the agency has none), paused
// for a supplement (5: requested, or provided and awaiting review) or a payment (6), and results
// awaiting return (9) online, at the counter or by post. Of those in progress, a tenth are at a
// department (liên thông) and about as many at another commune (received anywhere, handled by the
// applicant's commune); and beyond the recent ones, old dossiers left open or with a result never
// collected.
export const SEED_SQL = `
with staffers as (
  select r.agency_code, r.role, array_agg(s.id order by s.username) as ids, array_agg(s.full_name order by s.username) as names
  from staff_roles r join staff s on s.id = r.staff_id where s.active group by 1, 2
), base as (
  select g,
    ${BULK_ID} as id,
    (hashint4(g * 31 + 1) & 2147483647)::float8 / 2147483648 as r1,
    (hashint4(g * 31 + 2) & 2147483647)::float8 / 2147483648 as r2,
    (hashint4(g * 31 + 3) & 2147483647)::float8 / 2147483648 as r3,
    (hashint4(g * 31 + 4) & 2147483647)::float8 / 2147483648 as r4,
    (hashint4(g * 31 + 5) & 2147483647)::float8 / 2147483648 as r5,
    (hashint4(g * 31 + 6) & 2147483647)::float8 / 2147483648 as r6,
    (hashint4(g * 31 + 7) & 2147483647)::float8 / 2147483648 as r7,
    (hashint4(g * 31 + 8) & 2147483647)::float8 / 2147483648 as r8,
    (hashint4(g * 31 + 9) & 2147483647)::float8 / 2147483648 as r9,
    (hashint4(g * 31 + 10) & 2147483647)::float8 / 2147483648 as r10,
    (hashint4(g * 31 + 11) & 2147483647)::float8 / 2147483648 as r11
  from generate_series($1::int, $2::int) g
), shaped as (
  select b.*,
    floor(b.r1 * array_length($3::text[], 1))::int as ai,
    1 + floor(b.r2 * 3)::int as p,
    -- The channel from what is left of r2 once the procedure is drawn.
    case when b.r2 * 3 - floor(b.r2 * 3) < 0.55 then 'online' when b.r2 * 3 - floor(b.r2 * 3) < 0.88 then 'direct' else 'postal' end as channel,
    $5::date + (b.r3 * $6)::int * interval '1 day' + interval '7 hours' + (b.r7 * 600)::int * interval '1 minute' as submitted,
    -- The first name of the list (Nguyễn Văn An, the benches' search) is a common one, given to
    -- ${COMMON_NAME_SHARE * 100} % of applicants; the others share the rest evenly.
    case when b.r11 < ${COMMON_NAME_SHARE} then 1
      else 1 + floor((b.r11 - ${COMMON_NAME_SHARE}) / ${1 - COMMON_NAME_SHARE} * array_length($8::text[], 1))::int end as n
  from base b
), aged as (
  select s.*,
    ($3::text[])[1 + s.ai] as agency,
    least(s.submitted, $7::timestamptz - interval '1 hour') as sub,
    ($7::timestamptz - s.submitted) < interval '25 days' as recent
  -- offset 0 in a step: its columns are computed once per row, not again at each reference above.
  from shaped s offset 0
), statused as (
  select a.*,
    case
      when (a.recent and a.r4 < 0.85) or (not a.recent and a.r4 < 0.015) then
        case when a.r5 < 0.10 then 1 when a.r5 < 0.22 then 2 when a.r5 < 0.62 then 4 when a.r5 < 0.77 then 5 when a.r5 < 0.85 then 6 else 9 end
      -- A result never collected.
      when not a.recent and a.r4 < 0.03 then 9
      else
        case when a.r5 < 0.85 then 10 when a.r5 < 0.89 then 3 when a.r5 < 0.93 then 7 else 8 end
    end as status
  from aged a
), closing as (
  -- Closed as core closes them: 3, 7 and 10 at once, a stop (8) once its notice is handed over
  -- (return_result closing with the notice). Most are; a stop of the last days may still wait
  -- for the applicant, and a few older notices were never collected.
  select s.*,
    s.status in (3, 7, 10) or (s.status = 8 and not ((s.recent and s.r10 < 0.5) or (not s.recent and s.r10 < 0.02))) as closed
  from statused s
), timed as (
  select t.*,
    case when t.status in (1, 3) then null else t.sub + interval '1 hour' end as accepted,
    ($12::int[])[t.p] as due_days
  from closing t offset 0
), placed as (
  select t.*,
    case when t.accepted is null then null else t.accepted + t.due_days * interval '1 day' end as due0,
    case when t.status in (9, 10) then least($7::timestamptz, t.accepted + (t.due_days * (0.2 + 1.1 * t.r7)) * interval '1 day') end as resolved,
    case when t.status in (7, 8) then least($7::timestamptz, t.accepted + (t.due_days * 0.5) * interval '1 day') end as ended,
    -- A pause (supplement, payment) begins a day after acceptance, or halfway to now when sooner.
    case when t.status in (5, 6) then least(t.accepted + interval '1 day', t.accepted + ($7::timestamptz - t.accepted) / 2) end as paused_from,
    t.status = 5 and t.r10 < 0.4 as provided,
    case
      when t.status in (2, 4) and t.r7 < 0.3 then 'leader'
      when t.status in (2, 4, 5, 6) then 'specialist'
      else 'reception'
    end as role,
    case
      when t.status not in (2, 4, 5, 6) then t.agency
      when t.r6 < 0.1 then ($4::text[])[1 + floor(t.r7 * array_length($4::text[], 1))::int]
      when t.r8 < 0.1 then ($3::text[])[1 + (t.ai + 1 + floor(t.r9 * (array_length($3::text[], 1) - 1))::int) % array_length($3::text[], 1)]
      else t.agency
    end as loc
  from timed t
), full_ as (
  select t.*,
    case when t.provided then t.paused_from + ($7::timestamptz - t.paused_from) / 2 end as provided_at,
    case when t.provided then t.due0 + ($7::timestamptz - t.paused_from) / 2 else t.due0 end as due,
    case when t.status in (2, 4, 5, 6) then 'buoc-' || t.role end as step,
    case when t.status in (2, 4, 5, 6) and t.r3 * 1000 - floor(t.r3 * 1000) < 0.5 then
      coalesce(st.ids[1 + floor(t.r9 * array_length(st.ids, 1))::int], md5('staff-' || (t.g % 97))::uuid)
    end as assignee,
    st.names[1 + floor(t.r9 * array_length(st.ids, 1))::int] as assignee_name
  from placed t
  left join staffers st on st.agency_code = t.loc and st.role = t.role
  offset 0
), ins as (
insert into dossiers (
  id, code, procedure_code, procedure_version, field_code, channel, status, closed, receiving_agency, responsible_agency,
  location_agency, location_step, location_role, assignee_id, submitted_at, accepted_at, due_at, resolved_at,
  applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, applicant_search, search_pairs,
  applicant, submitter, data, fees, state, tracking_secret_hash, event_count, head_hash, lock_version, imported, legacy, created_at, updated_at)
select
  f.id,
  f.agency || '-' || to_char(f.sub at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(f.g::text, 8, '0'),
  ($10::text[])[f.p], 1, ($11::text[])[f.p],
  f.channel,
  f.status, f.closed, f.agency, case when f.accepted is null then null else f.agency end,
  f.loc, f.step, f.role, f.assignee,
  f.sub, f.accepted, f.due, f.resolved,
  'person', ($8::text[])[f.n], lpad((f.g % 1000000000)::text, 12, '0'), '09' || lpad((f.g % 100000000)::text, 8, '0'), null, 'Thôn ' || (f.g % 50),
  s.search, s.pairs,
  jsonb_build_object('kind', 'person', 'fullName', ($8::text[])[f.n]), null, '{}'::jsonb,
  jsonb_build_object('collect', 'after', 'items', jsonb_build_array(), 'total', 0),
  -- Core counts supplement requests from the first one (the key is absent before).
  case when f.status = 5 then st.state || '{"supplementRequests": 1}'::jsonb else st.state end,
  md5('secret-' || f.g), 1, md5('head-' || f.g), 1, false, null, f.sub, f.sub
from full_ f
cross join lateral (select jsonb_build_object(
    'status', f.status, 'closed', f.closed,
    'channel', f.channel,
    'submittedAt', (extract(epoch from f.sub) * 1000)::bigint,
    'receivingAgency', f.agency, 'responsibleAgency', case when f.accepted is null then null else f.agency end,
    'timeZone', case when f.accepted is null then null else 'Asia/Ho_Chi_Minh' end,
    'fees', jsonb_build_object('owed', 0, 'collect', 'after', 'paidAtCounter', false),
    'location', case
      when f.assignee is null then jsonb_build_object('agency', f.loc, 'step', f.step, 'role', f.role)
      when f.assignee_name is null then jsonb_build_object('agency', f.loc, 'step', f.step, 'role', f.role, 'assignee', f.assignee)
      else jsonb_build_object('agency', f.loc, 'step', f.step, 'role', f.role, 'assignee', f.assignee, 'assigneeName', f.assignee_name) end,
    'stepEnteredAt', null, 'stepDueAt', null,
    'acceptedAt', (extract(epoch from f.accepted) * 1000)::bigint,
    'deadline', case when f.accepted is null then null else jsonb_build_object('unit', 'working-days', 'value', f.due_days) end,
    'dueAt', (extract(epoch from f.due) * 1000)::bigint,
    'dueHistory', case
      when f.accepted is null then '[]'::jsonb
      when f.provided then jsonb_build_array(
        jsonb_build_object('at', (extract(epoch from f.accepted) * 1000)::bigint, 'dueAt', (extract(epoch from f.due0) * 1000)::bigint, 'cause', 'accept', 'seq', 2),
        jsonb_build_object('at', (extract(epoch from f.provided_at) * 1000)::bigint, 'dueAt', (extract(epoch from f.due) * 1000)::bigint, 'cause', 'supplement', 'seq', 4))
      else jsonb_build_array(jsonb_build_object('at', (extract(epoch from f.accepted) * 1000)::bigint, 'dueAt', (extract(epoch from f.due0) * 1000)::bigint, 'cause', 'accept', 'seq', 2)) end,
    'pauses', case when f.status in (5, 6) then jsonb_build_array(jsonb_build_object('reason', case when f.status = 5 then 'supplement' else 'payment' end, 'from', (extract(epoch from f.paused_from) * 1000)::bigint, 'to', (extract(epoch from f.provided_at) * 1000)::bigint)) else '[]'::jsonb end,
    'supplement', case when f.status = 5 then jsonb_build_object(
      'requestedAt', (extract(epoch from f.paused_from) * 1000)::bigint, 'dueBy', (extract(epoch from f.paused_from + interval '15 days') * 1000)::bigint,
      'items', jsonb_build_array(jsonb_build_object('reason', 'Bổ sung bản sao giấy tờ tùy thân')), 'pausesClock', true, 'returnTo', 4,
      'provided', f.provided, 'providedAt', (extract(epoch from f.provided_at) * 1000)::bigint, 'files', '[]'::jsonb) end,
    'payment', case when f.status = 6 then jsonb_build_object(
      'requestedAt', (extract(epoch from f.paused_from) * 1000)::bigint, 'amount', 50000, 'description', null, 'preAcceptance', false,
      'returnTo', 4, 'paidAt', null, 'paidAmount', null, 'reference', null) end,
    'paidReferences', '[]'::jsonb,
    'outcome', case when f.status in (9, 10) then 'approved' end, 'resultDocuments', '[]'::jsonb,
    'resolvedAt', (extract(epoch from f.resolved) * 1000)::bigint,
    'returnedAt', case when f.status = 10 then (extract(epoch from f.resolved) * 1000)::bigint end,
    'stoppedAt', case when f.status = 8 then (extract(epoch from f.ended) * 1000)::bigint end, 'stopReason', case when f.status = 8 then 'Dừng xử lý' end,
    'refusedAt', case when f.status = 3 then (extract(epoch from f.sub + interval '2 hours') * 1000)::bigint end,
    'refusalReasons', case when f.status = 3 then jsonb_build_array('Không đủ điều kiện') else '[]'::jsonb end,
    'withdrawnAt', case when f.status = 7 then (extract(epoch from f.ended) * 1000)::bigint end, 'withdrawalRequest', null,
    'external', null, 'externalReceived', '[]'::jsonb, 'extensions', '[]'::jsonb,
    'handovers', case when f.loc = f.agency then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
      'from', jsonb_build_object('agency', f.agency, 'step', null), 'to', jsonb_build_object('agency', f.loc, 'step', f.step),
      'at', (extract(epoch from f.accepted) * 1000)::bigint, 'by', jsonb_build_object(), 'stepDueAt', null, 'onTime', null, 'interAgency', true)) end,
    'eventCount', 1, 'lastEventAt', (extract(epoch from f.sub) * 1000)::bigint
  ) as state) st
-- The folded words (name from $9, ID number, phone) and their unordered pairs as core's wordPairs
-- writes them (the bench checks a sample against core).
cross join lateral (
  select x.search, (
    select coalesce(array_agg(distinct a.w || '${SEARCH_PAIR_SEPARATOR}' || b.w), '{}'::text[])
    from unnest(string_to_array(x.search, '${SEARCH_WORD_SEPARATOR}')) a(w)
    join unnest(string_to_array(x.search, '${SEARCH_WORD_SEPARATOR}')) b(w) on a.w collate "C" < b.w collate "C"
  ) as pairs
  from (select ($9::text[])[f.n] || ' ' || lpad((f.g % 1000000000)::text, 12, '0') || ' 09' || lpad((f.g % 100000000)::text, 8, '0') as search) x
) s
returning id, receiving_agency, location_agency, submitted_at, field_code, channel, status, accepted_at, due_at, resolved_at, state, search_pairs
), events as (
  insert into dossier_events (dossier_id, seq, kind, at, actor_kind, actor_id, from_status, to_status, public, event, prev_hash, hash, recorded_at)
  select i.id, k, case when k = 1 then 'submit' else 'forward' end, i.submitted_at + (k - 1) * interval '1 hour', case when k = 1 then 'applicant' else 'staff' end,
    case when k = 1 then null else md5('staff-' || k) end, case when k = 1 then null else 4 end, case when k = 1 then 1 else 4 end, true,
    jsonb_build_object('seq', k, 'kind', case when k = 1 then 'submit' else 'forward' end, 'at', (extract(epoch from i.submitted_at) * 1000)::bigint + (k - 1) * 3600000,
      'actor', jsonb_build_object('kind', 'staff', 'id', md5('staff-' || k), 'name', 'Cán bộ xử lý', 'agency', i.receiving_agency, 'roles', jsonb_build_array('specialist')),
      'comment', 'Chuyển bước xử lý theo quy trình', 'fromStatus', 4, 'toStatus', 4,
      'data', jsonb_build_object('handover', jsonb_build_object('from', jsonb_build_object('agency', i.receiving_agency, 'step', 'a'), 'to', jsonb_build_object('agency', i.location_agency, 'step', 'b'), 'at', 0, 'by', jsonb_build_object(), 'stepDueAt', null, 'onTime', null, 'interAgency', false))),
    md5('prev-' || i.id || k), md5('hash-' || i.id || k), i.submitted_at
  from ins i cross join generate_series(1, $13::int) k
  returning 1
), visits as (
  -- Each visit's keys as core's agencySearchKeys writes them: the agency before each pair.
  insert into dossier_agencies (dossier_id, agency_code, since, search_keys)
  select i.id, a.agency, i.submitted_at, array(select a.agency || '${SEARCH_AGENCY_SEPARATOR}' || p from unnest(i.search_pairs) p)
  from ins i cross join lateral (select i.receiving_agency as agency union select i.location_agency) a
  returning 1
), d as (
  -- The running totals these dossiers imply, in the agency's zone: accepted (by channel) on the
  -- acceptance day; ended (resolved early / on time / late by date, withdrawn, stopped) on its day;
  -- overdue +1 on the due day when still open at its end, −1 on the day it ends after that.
  select receiving_agency as agency, field_code as field, channel, status,
    (accepted_at at time zone 'Asia/Ho_Chi_Minh')::date as acc,
    (due_at at time zone 'Asia/Ho_Chi_Minh')::date as due,
    (coalesce(resolved_at, to_timestamp(((state->>'withdrawnAt')::bigint) / 1000.0), to_timestamp(((state->>'stoppedAt')::bigint) / 1000.0)) at time zone 'Asia/Ho_Chi_Minh')::date as ended
  from ins where accepted_at is not null
), entries as (
  select agency, field, acc as day, case when channel = 'online' then 'accepted-online' else 'accepted-direct' end as col, 1 as v from d
  union all
  select agency, field, ended, case when status in (9, 10) then case when ended < due then 'resolved-early' when ended = due then 'resolved-on-time' else 'resolved-late' end when status = 7 then 'withdrawn' else 'stopped' end, 1 from d where ended is not null
  union all
  -- A dossier withdrawn or stopped leaves the form's received columns for the period it ended in
  -- (core's annexLedgerColumn: by channel and acceptance day).
  select agency, field, ended, 'annex:' || case when channel = 'online' then 'online' else 'direct' end || ':' || to_char(acc, 'YYYY-MM-DD'), 1 from d where ended is not null and status in (7, 8)
  union all
  select agency, field, due, 'overdue', 1 from d where ended is null or ended > due
  union all
  select agency, field, ended, 'overdue', -1 from d where ended is not null and ended > due
)
insert into report_ledger (agency_code, field_code, day, "column", value)
select agency, field, day, col, sum(v) from entries where (select count(*) from visits) >= 0 and (select count(*) from events) >= 0 group by 1, 2, 3, 4
on conflict (agency_code, field_code, day, "column") do update set value = report_ledger.value + excluded.value`;
