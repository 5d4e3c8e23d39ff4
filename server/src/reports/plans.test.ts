/**
 * The report and inbox queries must stay fast on a national-scale table: on PostgreSQL, with
 * enough rows and fresh statistics for the planner's choice to mean something, their plans
 * (EXPLAIN (FORMAT JSON)) never scan the dossier, event or running-total tables sequentially.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type SQL } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { staffOf } from '../../test/support/cases.ts';
import { bulkSeed, createBulkIndexes, dropBulkIndexes, rebuildMonthTotals } from '../../test/support/bulk-seed.ts';
import { execute } from '../db/client.ts';
import {
  inboxQuery,
  nameSearchKeys,
  nameSearchMatches,
  nameSearchWalk,
  SEARCH_FEW_PER_ROW,
  type InboxFilter,
} from '../inbox/query.ts';
import { queueWhere } from '../inbox/queue-sql.ts';
import { findStaffByUsername } from '../auth/find-account.ts';
import { queueCountQueries } from '../inbox/queue-counts.ts';
import {
  QUEUES,
  agencySearchKeys,
  queueById,
  applicantSearchKeys,
  inQueue,
  type DossierState,
  storedTextPairs,
  type QueueScope,
  type QueueViewer,
} from '@motcua/core';
import { searchTerms } from '../inbox/search.ts';
import { ledgerSumsQuery } from './ledger-sums.ts';
import { dashboardSumsQuery, overdueQuery, type OversightFilter } from './oversight.ts';

const ROWS = Number(process.env.MOTCUA_PLAN_TEST_DOSSIERS ?? 100_000);
const NOW = Date.parse('2026-03-31T17:00:00+07:00');
const COMMUNES = ['000.20.01.H56', '000.20.02.H56', '000.20.03.H56', '000.20.04.H56', '000.20.05.H56'];
/** Never scanned whole, however small a test makes them. */
const TABLES = new Set(['dossiers', 'dossier_events', 'dossier_agencies']);
/** The running totals: not scanned whole once they are large (a few thousand rows are read faster whole). */
const TOTALS = new Set(['report_ledger', 'report_ledger_month']);
const LARGE = 20_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

let large = new Set<string>();

function seqScans(node: PlanNode, out: string[] = []): string[] {
  const rel = node['Relation Name'];
  if (node['Node Type'] === 'Seq Scan' && rel && (TABLES.has(rel) || (TOTALS.has(rel) && large.has(rel))))
    out.push(rel);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

function nodes(node: PlanNode, out: string[] = []): string[] {
  out.push(`${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`);
  for (const child of node.Plans ?? []) nodes(child, out);
  return out;
}

forEachDatabase(
  'query plans on a large table',
  (db) => {
    let server: TestServer;
    const explain = async (query: SQL) => {
      const rows = await execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        server.ctx.db,
        sql`explain (format json) ${query}`,
      );
      return rows[0]!['QUERY PLAN'][0].Plan;
    };
    /** A full-name search's page by its bounded reads, checked against the single query's page. */
    const sameAsSingleQuery = async (f: InboxFilter) => {
      const page = (await nameSearchKeys(server.ctx.db, f))!;
      const want = await execute<{ id: string }>(server.ctx.db, inboxQuery(f));
      assert.deepEqual(
        page.keys.map((k) => k.id),
        want.map((r) => r.id),
        page.read,
      );
      return { page, want };
    };

    // Before the tests: ROWS dossiers, ROWS * 4 events and their running totals, analysed.
    before(async () => {
      server = await testServer(db(), { now: NOW });
      const { sql: pg } = db().database;
      await dropBulkIndexes(pg!);
      await bulkSeed(pg!, {
        first: 1,
        count: ROWS,
        communes: COMMUNES,
        departments: ['000.00.11.H56', '000.00.10.H56'],
        start: '2024-04-01',
        days: 730,
        now: NOW,
        eventsPerDossier: 4,
      });
      await createBulkIndexes(pg!);
      await rebuildMonthTotals(pg!);
      await pg!.unsafe('analyze');
      const sizes = await execute<{ t: string; n: number }>(
        server.ctx.db,
        sql`select 'report_ledger' as t, count(*)::int as n from report_ledger union all select 'report_ledger_month', count(*)::int from report_ledger_month union all select 'dossier_events', count(*)::int from dossier_events`,
      );
      large = new Set(sizes.filter((x) => x.n > LARGE).map((x) => x.t));
      assert.ok(large.has('report_ledger') && large.has('dossier_events'), JSON.stringify(sizes));
      // The bulk rows are real enough for the API: the report reconciles, the inbox pages.
      const leader = await staffOf(server, 'leader.province');
      const report = await server.request(
        '/api/v1/agencies/000.00.00.H56/reports/bieu06?from=2026-01-01&to=2026-03-31',
        { headers: { authorization: `Bearer ${leader.token}` } },
      );
      assert.equal(report.status, 200, await report.clone().text());
      const r = await json<{ rows: { depth: number; values: { received: number } }[] }>(report);
      assert.ok(r.rows[0]!.values.received > ROWS / 50, `received ${r.rows[0]!.values.received}`);
    });

    const queueViewerAt = (scope: QueueScope): QueueViewer => ({
      agency: COMMUNES[0]!,
      staffId: '6b86b273-ff34-fce1-9d6b-804eff5a3f57',
      roles: ['specialist'],
      scope,
      now: NOW,
      soonUntil: NOW + 86_400_000,
    });
    const filter = (over: Partial<InboxFilter>): InboxFilter => ({
      agency: COMMUNES[0]!,
      view: 'queue',
      roles: ['specialist'],
      staffId: null,
      now: NOW,
      limit: 51,
      ...over,
    });

    const oversight: OversightFilter = {
      agencies: [...COMMUNES, '000.00.00.H56', '000.00.11.H56'],
      period: { from: '2024-04-01', to: '2026-03-31' },
      now: NOW,
    };

    const cases: [string, () => SQL][] = [
      ['inbox: one role\u2019s queue, first page', () => inboxQuery(filter({}))],
      [
        'inbox: reception + specialist + leader',
        () => inboxQuery(filter({ roles: ['reception', 'specialist', 'leader'] })),
      ],
      [
        'inbox: next page (cursor)',
        () =>
          inboxQuery(
            filter({ cursor: { view: 'queue', at: NOW - 86_400_000, id: '00000000-0000-4000-8000-000000000000' } }),
          ),
      ],
      ['inbox: overdue', () => inboxQuery(filter({ view: 'open', due: 'overdue' }))],
      ['inbox: due soon', () => inboxQuery(filter({ due: 'soon', soonUntil: NOW + 2 * 86_400_000 }))],
      ['inbox: supplement time limit passed', () => inboxQuery(filter({ view: 'open', due: 'supplement-expired' }))],
      ['inbox: status filter', () => inboxQuery(filter({ view: 'open', statuses: [5, 6] }))],
      ['inbox: mine', () => inboxQuery(filter({ view: 'mine', staffId: '6b86b273-ff34-fce1-9d6b-804eff5a3f57' }))],
      [
        'inbox: search by name',
        () => inboxQuery(filter({ view: 'open', search: searchTerms('Nguyen Van An', COMMUNES[0]!) })),
      ],
      [
        'inbox: search by name, passed through',
        () => inboxQuery(filter({ view: 'passed', search: searchTerms('Nguyen Van An', COMMUNES[0]!) })),
      ],
      [
        'inbox: search by phone',
        () => inboxQuery(filter({ view: 'open', search: searchTerms('0900012345', COMMUNES[0]!) })),
      ],
      ['inbox: passed through', () => inboxQuery(filter({ view: 'passed' }))],
      ...QUEUES.map((q): [string, () => SQL] => [
        `inbox: queue ${q.id}`,
        () => inboxQuery(filter({ queue: { definition: q, viewer: queueViewerAt('unit') } })),
      ]),
      ...queueCountQueries(queueViewerAt('personal')).map((c): [string, () => SQL] => [
        `inbox: counts of ${c.ids.join(', ')}`,
        () => c.query,
      ]),
      [
        'report: province roll-up, a quarter',
        () =>
          ledgerSumsQuery([...COMMUNES, '000.00.00.H56', '000.00.11.H56'], { from: '2026-01-01', to: '2026-03-31' }),
      ],
      ['oversight: sums, province, two years', () => dashboardSumsQuery(oversight)],
      [
        'oversight: sums, a commune, partial months',
        () =>
          dashboardSumsQuery({
            ...oversight,
            agencies: [COMMUNES[0]!],
            period: { from: '2025-12-15', to: '2026-02-10' },
          }),
      ],
      ['oversight: overdue in progress, province', () => overdueQuery(oversight)],
      ['report: one commune, one day', () => ledgerSumsQuery([COMMUNES[2]!], { from: '2026-02-17', to: '2026-02-17' })],
      [
        'report: one field, two years',
        () => ledgerSumsQuery(COMMUNES, { from: '2024-04-01', to: '2026-03-31' }, ['ho-tich']),
      ],
    ];
    for (const [name, query] of cases) {
      test(`${name}: no sequential scan of the dossier, event or totals tables`, async () => {
        const plan = await explain(query());
        assert.deepEqual(seqScans(plan), [], nodes(plan).join(' > '));
      });
    }

    const indexes = (n: PlanNode, out: string[] = []): string[] => {
      if (n['Index Name']) out.push(n['Index Name']);
      for (const c of n.Plans ?? []) indexes(c, out);
      return out;
    };

    test('a full-name search reads the agency\u2019s own matches from the visits\u2019 keys (one clerk\u2019s own list excepted)', async () => {
      for (const view of ['passed', 'open', 'queue', 'mine'] as const) {
        const plan = await explain(
          inboxQuery(
            filter({
              view,
              staffId: '6b86b273-ff34-fce1-9d6b-804eff5a3f57',
              search: searchTerms('Nguyen Van An', COMMUNES[0]!),
            }),
          ),
        );
        // One clerk's own dossiers are few: their index may lead, each probing its visit.
        if (view === 'mine') assert.deepEqual(seqScans(plan), [], `${view}: ${nodes(plan).join(' > ')}`);
        else
          assert.ok(indexes(plan).includes('dossier_agencies_search_keys_idx'), `${view}: ${nodes(plan).join(' > ')}`);
      }
    });

    test('overdue in progress is counted from the open dossiers\u2019 index, not the whole table', async () => {
      const plan = await explain(overdueQuery(oversight));
      assert.ok(indexes(plan).includes('dossiers_overdue_idx'), nodes(plan).join(' > '));
    });

    // Walks down through the nodes that only pass rows on (a subquery's scan, a projection).
    const below = (n: PlanNode): PlanNode =>
      ['Subquery Scan', 'Result'].includes(n['Node Type']) && n.Plans?.length === 1 ? below(n.Plans[0]!) : n;

    test('the overdue and due-soon pages walk an index in queue order and stop at the page\u2019s end', async () => {
      const soonUntil = NOW + 2 * 86_400_000;
      const pages: [string, InboxFilter][] = [
        // The agency's whole queue (the default scope); one person's share of it is gathered by
        // their own indexes (assignee, role) when the planner judges it small.
        ...(['overdue', 'due-soon'] as const).map((id): [string, InboxFilter] => [
          `queue ${id}`,
          filter({ queue: { definition: queueById(id)!, viewer: { ...queueViewerAt('unit'), soonUntil } } }),
        ]),
        ['open dossiers, due=overdue', filter({ view: 'open', due: 'overdue' })],
        ['open dossiers, due=soon', filter({ view: 'open', due: 'soon', soonUntil })],
        [
          'next page of the overdue queue',
          filter({
            queue: { definition: queueById('overdue')!, viewer: queueViewerAt('unit') },
            cursor: { view: 'queue', at: NOW - 30 * 86_400_000, id: '00000000-0000-4000-8000-000000000000' },
          }),
        ],
      ];
      for (const [name, f] of pages) {
        const plan = await explain(inboxQuery(f));
        const shape = nodes(plan).join(' > ');
        // No sort of every matching dossier, no bitmap gathering them: a limit over an ordered index scan.
        assert.ok(!/Sort|Bitmap/.test(shape), `${name}: ${shape}`);
        const limit = below(plan);
        assert.equal(limit['Node Type'], 'Limit', `${name}: ${shape}`);
        assert.match(below(limit.Plans![0]!)['Node Type'], /^Index (Only )?Scan$/, `${name}: ${shape}`);
      }
      // The rows of the overdue queue's first page come from the deadlines' own index.
      const plan = await explain(
        inboxQuery(filter({ queue: { definition: queueById('overdue')!, viewer: queueViewerAt('unit') } })),
      );
      assert.ok(indexes(plan).includes('dossiers_deadline_queue_idx'), nodes(plan).join(' > '));
    });

    test('a full-name search in passed reads a bounded number of matches, or walks the latest visits and stops at the page\u2019s end', async () => {
      // The bulk data gives the name to 3 % of applicants: reading every match at the agency, with
      // its dossier, and sorting them grows with the table; neither read here does.
      const f = filter({ view: 'passed', search: searchTerms('Nguyen Van An', COMMUNES[0]!) });
      const bound = f.limit * SEARCH_FEW_PER_ROW;
      const few = await explain(nameSearchMatches(f, bound)!);
      const fewShape = nodes(few).join(' > ');
      // At most `bound` matches from the keys' index (not the agency's visits besides), no dossier read.
      assert.match(fewShape, /Limit > Bitmap Heap Scan on dossier_agencies > Bitmap Index Scan/, fewShape);
      assert.ok(!/BitmapAnd| on dossiers/.test(fewShape), fewShape);
      assert.deepEqual(indexes(few), ['dossier_agencies_search_keys_idx'], fewShape);

      const walk = nameSearchWalk(f)!;
      const walked = await execute<{ id: string }>(server.ctx.db, walk);
      assert.equal(walked.length, f.limit, 'the walk of the latest visits fills the first page');
      const plan = await explain(walk);
      const shape = nodes(plan).join(' > ');
      assert.ok(!/Sort|Bitmap/.test(shape), shape);
      assert.equal(below(plan)['Node Type'], 'Limit', shape);
      assert.ok(indexes(plan).includes('dossier_agencies_since_idx'), `${shape} (${indexes(plan).join(', ')})`);

      // Whichever read answers, the page is the single query's.
      const { want } = await sameAsSingleQuery(f);
      assert.deepEqual(
        walked.map((r) => r.id),
        want.map((r) => r.id),
      );
    });

    test('a full-name search in open reads a bounded number of matches, or walks the open dossiers in queue order and stops at the page\u2019s end', async () => {
      // Every match at the agency (its closed dossiers' visits too) with its dossier, sorted, grows
      // with the table; the bounded matches and the walk of the open index do not.
      const f = filter({ view: 'open', search: searchTerms('Nguyen Van An', COMMUNES[0]!) });
      const few = await explain(nameSearchMatches(f, f.limit * SEARCH_FEW_PER_ROW)!);
      const fewShape = nodes(few).join(' > ');
      assert.match(fewShape, /Limit > Bitmap Heap Scan on dossier_agencies > Bitmap Index Scan/, fewShape);
      assert.ok(!/BitmapAnd/.test(fewShape), fewShape);
      assert.ok(indexes(few).includes('dossier_agencies_search_keys_idx'), fewShape);

      const walk = nameSearchWalk(f)!;
      const plan = await explain(walk);
      const shape = nodes(plan).join(' > ');
      // At most the window of the open index (a sort of it allowed where the agency has few open
      // dossiers), each row's visit probed by its key: not every match from the keys' index.
      const used = `${shape} (${indexes(plan).join(', ')})`;
      assert.equal(below(plan)['Node Type'], 'Limit', used);
      assert.ok(indexes(plan).includes('dossiers_open_idx'), used);
      assert.ok(!indexes(plan).includes('dossier_agencies_search_keys_idx'), used);
      assert.ok(
        indexes(plan).some((i) => i === 'dossier_agencies_pkey' || i === 'dossier_agencies_agency_idx'),
        used,
      );
      assert.ok(!/Hash|Materialize/.test(shape), used);

      const { page } = await sameAsSingleQuery(f);
      // A bounded read answers (the name's few matches here, or the walk), not the single query.
      assert.notEqual(page.read, 'index');
    });

    test('the forwarded-in, new-online and result pages walk an index in queue order and stop at the page\u2019s end', async () => {
      const ids = ['forwarded-in', 'new-online', 'result-online', 'result-counter', 'result-postal'];
      for (const id of ids) {
        const plan = await explain(
          inboxQuery(filter({ queue: { definition: queueById(id)!, viewer: queueViewerAt('unit') } })),
        );
        const shape = nodes(plan).join(' > ');
        // Not every dossier of the agency with the status (or every open one) gathered and sorted.
        assert.ok(!/Sort|Bitmap/.test(shape), `${id}: ${shape}`);
        const limit = below(plan);
        assert.equal(limit['Node Type'], 'Limit', `${id}: ${shape}`);
        assert.match(below(limit.Plans![0]!)['Node Type'], /^Index (Only )?Scan$/, `${id}: ${shape}`);
        const index = id === 'forwarded-in' ? 'dossiers_forwarded_in_idx' : 'dossiers_channel_queue_idx';
        assert.ok(indexes(plan).includes(index), `${id}: ${shape} (${indexes(plan).join(', ')})`);
      }
    });

    test('the logbook\u2019s queries (dossiers of a month, then their events) use indexes too', async () => {
      const start = new Date(Date.parse('2026-03-01T00:00:00+07:00')).toISOString();
      const end = new Date(Date.parse('2026-04-01T00:00:00+07:00')).toISOString();
      const plan = await explain(
        sql`select id from dossiers where receiving_agency = ${COMMUNES[0]} and submitted_at >= ${start}::timestamptz and submitted_at < ${end}::timestamptz order by submitted_at, code limit 50001`,
      );
      assert.deepEqual(seqScans(plan), [], nodes(plan).join(' > '));
      const ids = await execute<{ id: string }>(
        server.ctx.db,
        sql`select id from dossiers where receiving_agency = ${COMMUNES[0]} limit 200`,
      );
      const events = await explain(
        sql`select dossier_id, event from dossier_events where dossier_id in (${sql.join(
          ids.map((i) => sql`${i.id}::uuid`),
          sql`, `,
        )}) order by dossier_id, seq`,
      );
      assert.deepEqual(seqScans(events), [], nodes(events).join(' > '));
    });

    test('the bulk rows carry the word pairs and visit keys core computes from their folded words', async () => {
      const rows = await execute<{ applicant_search: string; search_pairs: string[] }>(
        server.ctx.db,
        sql`select applicant_search, search_pairs from dossiers order by id limit 300`,
      );
      assert.equal(rows.length, 300);
      for (const r of rows)
        assert.deepEqual(
          [...r.search_pairs].sort(),
          applicantSearchKeys([r.applicant_search]).pairs,
          r.applicant_search,
        );
      const visits = await execute<{ agency_code: string; applicant_search: string; search_keys: string[] }>(
        server.ctx.db,
        sql`select v.agency_code, d.applicant_search, v.search_keys from dossier_agencies v join dossiers d on d.id = v.dossier_id order by v.dossier_id, v.agency_code limit 300`,
      );
      assert.equal(visits.length, 300);
      for (const v of visits)
        assert.deepEqual(
          [...v.search_keys].sort(),
          agencySearchKeys(v.agency_code, storedTextPairs(v.applicant_search)),
          `${v.agency_code} ${v.applicant_search}`,
        );
    });

    test('the bulk rows fill every queue of a commune\u2019s leader, as core\u2019s inQueue reads their states', async () => {
      const leaderId = (await findStaffByUsername(server.ctx.db, 'leader.trung-tam'))!.id;
      for (const scope of ['unit', 'personal'] as const) {
        const viewer: QueueViewer = {
          agency: COMMUNES[0]!,
          staffId: leaderId,
          roles: ['leader'],
          scope,
          now: NOW,
          soonUntil: NOW + 2 * 86_400_000,
        };
        const member = (i: number) => sql.raw(`q${i}`);
        // The agency's dossiers, the open ones first: each queue's SQL beside core's predicate.
        const rows = await execute<Record<string, unknown> & { state: DossierState }>(
          server.ctx.db,
          sql`select d.state, ${sql.join(
            QUEUES.map((q, i) => sql`(${sql.join(queueWhere(q, viewer), sql` and `)}) as ${member(i)}`),
            sql`, `,
          )} from dossiers d where d.location_agency = ${COMMUNES[0]} or d.receiving_agency = ${COMMUNES[0]} order by d.closed, d.id limit 5000`,
        );
        assert.equal(rows.length, 5000);
        QUEUES.forEach((q, i) => {
          const listed = rows.filter((r) => r[`q${i}`] === true);
          for (const r of rows)
            assert.equal(
              r[`q${i}`] === true,
              inQueue(q, r.state, viewer),
              `${scope} ${q.id}: ${JSON.stringify(r.state)}`,
            );
          // Unit scope lists every queue; personal scope narrows some to the leader's own work.
          if (scope === 'unit') assert.ok(listed.length > 0, `${q.id} is empty`);
        });
      }
    });

    test('the first inbox page through the API', async () => {
      const reception = await staffOf(server, 'reception.trung-tam');
      const page = await json<{ items: unknown[]; nextCursor: string | null }>(
        await server.request(`/api/v1/agencies/${COMMUNES[0]}/inbox?limit=50`, {
          headers: { authorization: `Bearer ${reception.token}` },
        }),
      );
      assert.equal(page.items.length, 50);
      assert.ok(page.nextCursor, 'more pages');
    });

    after(() => server.dispose());
  },
  { only: ['postgres'] },
);
