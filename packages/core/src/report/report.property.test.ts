import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, localDate } from '../working-time/index.ts';
import {
  addRows,
  checkEquations,
  contribution,
  emptyRow,
  ledger,
  ledgerDiff,
  report,
  reportFacts,
  reportFromLedger,
  rollUpRows,
  sumRows,
  type Bieu06Row,
  type LedgerEntry,
  type Period,
  type ReportFacts,
} from './index.ts';
import { directory, PROVINCE } from '../workflow/testing/fixtures.ts';
import { dossierPlan, play, type Played } from '../workflow/testing/simulate.ts';

const RUNS = 1000;

const period = fc
  .record({ start: fc.integer({ min: -10, max: 370 }), length: fc.integer({ min: 0, max: 90 }) })
  .map(({ start, length }): Period => {
    const from = addDays('2026-01-01', start);
    return { from, to: addDays(from, length) };
  });

const factsOf = (p: Played): ReportFacts | null => (p.state ? reportFacts(p.state, p.ctx.procedure.field.code) : null);

const dossiers = fc.array(dossierPlan(30), { minLength: 1, maxLength: 10 }).map((plans) => plans.map(play));

function assertEquations(row: Bieu06Row, where: string) {
  assert.deepEqual(checkEquations(row), [], `${where}: ${JSON.stringify(row)}`);
}

test('Biểu 06 equations hold on every row of random event logs: per agency, per field, both, total, and roll-ups', () => {
  fc.assert(
    fc.property(dossiers, period, (played, p) => {
      const facts = played.map(factsOf).filter((f): f is ReportFacts => f !== null);
      for (const f of facts) assertEquations(contribution(f, p), 'contribution');
      for (const groupBy of ['agency', 'field', 'agency-field', 'total'] as const) {
        for (const line of report(facts, p, { groupBy })) assertEquations(line.row, groupBy);
        for (const line of report(facts, p, { groupBy, directory, rollUp: PROVINCE })) {
          assertEquations(line.row, `${groupBy} roll-up`);
          if (line.own) assertEquations(line.own, `${groupBy} own`);
        }
      }
    }),
    { numRuns: RUNS },
  );
});

test('the sum of contributions equals the report from the day ledgers, for random periods (in total and per agency × field)', () => {
  fc.assert(
    fc.property(dossiers, period, (played, p) => {
      const facts = played.map(factsOf).filter((f): f is ReportFacts => f !== null);
      const entries = facts.flatMap(ledger);
      assert.deepEqual(reportFromLedger(entries, p), sumRows(facts.map((f) => contribution(f, p))));
      for (const line of report(facts, p, { groupBy: 'agency-field' })) {
        const mine = entries.filter((e) => e.agency === line.agency && e.field === line.field);
        assert.deepEqual(reportFromLedger(mine, p), line.row);
      }
    }),
    { numRuns: RUNS },
  );
});

test('a roll-up row is its agency\u2019s own row plus its children\u2019s rows, and the root counts every dossier once', () => {
  fc.assert(
    fc.property(dossiers, period, (played, p) => {
      const facts = played.map(factsOf).filter((f): f is ReportFacts => f !== null);
      const lines = report(facts, p, { groupBy: 'agency', directory, rollUp: PROVINCE });
      const byAgency = new Map(lines.map((l) => [l.agency!, l]));
      for (const line of lines) {
        const children = directory.childrenOf(line.agency!).map((c) => byAgency.get(c.code)!.row);
        assert.deepEqual(line.row, addRows(line.own!, sumRows(children)));
      }
      const root = byAgency.get(PROVINCE)!.row;
      assert.deepEqual(root, sumRows(facts.map((f) => contribution(f, p))));
      assert.equal(root.received, facts.filter((f) => contribution(f, p).received === 1).length);
      // Per-field lines over the subtree add up to the same total.
      assert.deepEqual(
        sumRows(report(facts, p, { groupBy: 'field', directory, rollUp: PROVINCE }).map((l) => l.row)),
        root,
      );
      // A host that keeps own rows from ledger day sums rolls up to the same lines.
      const ownFromLedger = new Map<string, Bieu06Row>();
      for (const a of directory.list())
        ownFromLedger.set(a.code, reportFromLedger(facts.filter((f) => f.agency === a.code).flatMap(ledger), p));
      assert.deepEqual(rollUpRows(ownFromLedger, directory, PROVINCE), lines);
    }),
    { numRuns: RUNS },
  );
});

test('running totals: the ledger diffs of each event add up to the final ledger and never touch a day before the event', () => {
  fc.assert(
    fc.property(dossierPlan(40), (plan) => {
      const played = play(plan);
      const field = played.ctx.procedure.field.code;
      const totals = new Map<string, number>();
      const key = (e: LedgerEntry) => `${e.agency}|${e.field}|${e.day}|${e.column}`;
      for (const { before, action, decision } of played.trace) {
        if (!decision.ok || decision.events.length === 0) continue;
        const f0 = before ? reportFacts(before, field) : null;
        const f1 = reportFacts(decision.state, field);
        const diff = ledgerDiff(f0, f1);
        for (const e of diff) {
          assert.ok(
            e.day >= localDate(action.at, f1!.timeZone),
            `${action.kind} changed ${e.column} on ${e.day}, before the event`,
          );
          totals.set(key(e), (totals.get(key(e)) ?? 0) + e.delta);
        }
      }
      const expected = new Map<string, number>();
      const final = played.state ? reportFacts(played.state, field) : null;
      for (const e of final ? ledger(final) : []) expected.set(key(e), (expected.get(key(e)) ?? 0) + e.delta);
      const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0));
      assert.deepEqual(nonZero(totals), nonZero(expected));
    }),
    { numRuns: RUNS },
  );
});

void emptyRow;
