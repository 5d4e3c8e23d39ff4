import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEquations,
  contribution,
  emptyRow,
  ledger,
  ledgerDiff,
  report,
  reportFacts,
  reportFromLedger,
  validatePeriod,
  overdueAtEndOfDay,
  type Bieu06Row,
  type Period,
} from './index.ts';
import type { Action } from '../workflow/types.ts';
import {
  ctxFor,
  run,
  at,
  applicant,
  reception1,
  specialist1,
  leader1,
  directory,
  PROVINCE,
  WARD_1,
  CONSTRUCTION,
} from '../workflow/testing/fixtures.ts';
import { PERMIT_OWNER_REPORTS } from '../workflow/testing/simulate.ts';

const ctx = ctxFor({ fullName: 'Phạm Văn Đồng', area: 100 });
const FIELD = 'xay-dung';
const row = (partial: Partial<Bieu06Row>): Bieu06Row => ({ ...emptyRow(), ...partial });
const march: Period = { from: '2026-03-01', to: '2026-03-31' };

const submit = (d: string, channel: 'online' | 'direct' = 'online'): Action =>
  channel === 'online'
    ? { kind: 'submit', actor: applicant, at: at(d, '08:00'), params: { channel, agency: WARD_1, feesOwed: 0 } }
    : { kind: 'submit', actor: reception1, at: at(d, '08:00'), params: { channel, feesOwed: 0 } };
const accept = (d: string): Action => ({ kind: 'accept', actor: reception1, at: at(d, '09:00') });
const forward = (d: string): Action => ({ kind: 'forward', actor: specialist1, at: at(d, '09:30') });
const approve = (d: string, t = '10:00'): Action => ({
  kind: 'approve',
  actor: leader1,
  at: at(d, t),
  attachments: ['kq'],
});

describe('Biểu 06 contributions', () => {
  test('never received: refused, or online and not yet accepted', () => {
    const waiting = run(ctx, [submit('2026-03-02')]).state;
    assert.equal(reportFacts(waiting, FIELD), null);
    const refused = run(ctx, [
      submit('2026-03-02'),
      { kind: 'refuse', actor: reception1, at: at('2026-03-02', '09:00'), params: { reasons: ['x'] } },
    ]).state;
    assert.equal(reportFacts(refused, FIELD), null);
  });

  test('received in the period by channel; carried over from an earlier one', () => {
    const online = reportFacts(run(ctx, [submit('2026-02-27'), accept('2026-03-02')]).state, FIELD)!;
    const early: Period = { from: '2026-03-01', to: '2026-03-10' };
    assert.deepEqual(
      contribution(online, early),
      row({ received: 1, online: 1, inProgress: 1, withinDeadline: 1 }),
      'counted from acceptance, not submission',
    );
    assert.deepEqual(contribution(online, { from: '2026-02-01', to: '2026-02-28' }), emptyRow());
    const counter = reportFacts(run(ctx, [submit('2026-03-02', 'direct')]).state, FIELD)!;
    assert.deepEqual(
      contribution(counter, early),
      row({ received: 1, directOrPostal: 1, inProgress: 1, withinDeadline: 1 }),
    );
    assert.deepEqual(
      contribution(counter, { from: '2026-04-01', to: '2026-04-05' }),
      row({ received: 1, carriedOver: 1, inProgress: 1, overdue: 1 }),
    );
    assert.deepEqual(contribution(counter, { from: '2026-02-01', to: '2026-02-28' }), emptyRow(), 'not yet received');
  });

  test('resolved early, on time (the due day, even after the due hour) or late, by date', () => {
    // Accepted Mon 2 March 09:00, 15 working days: due Mon 23 March 09:00.
    const base = [submit('2026-03-02'), accept('2026-03-02'), forward('2026-03-03')];
    const cls = (d: string, t: string) =>
      contribution(reportFacts(run(ctx, [...base, approve(d, t)]).state, FIELD)!, march);
    assert.deepEqual(cls('2026-03-20', '16:00'), row({ received: 1, online: 1, resolved: 1, early: 1 }));
    assert.deepEqual(cls('2026-03-23', '16:00'), row({ received: 1, online: 1, resolved: 1, onTime: 1 }));
    assert.deepEqual(cls('2026-03-24', '08:00'), row({ received: 1, online: 1, resolved: 1, late: 1 }));
    const resolvedInFeb = reportFacts(
      run(ctx, [submit('2026-02-02'), accept('2026-02-02'), forward('2026-02-03'), approve('2026-02-10')]).state,
      FIELD,
    )!;
    assert.deepEqual(contribution(resolvedInFeb, march), emptyRow(), 'ended before the period');
  });

  test('in progress at the period\u2019s end: within or overdue at the end of its last day', () => {
    const f = reportFacts(run(ctx, [submit('2026-03-02'), accept('2026-03-02')]).state, FIELD)!;
    assert.equal(overdueAtEndOfDay(f, '2026-03-22'), false);
    assert.equal(overdueAtEndOfDay(f, '2026-03-23'), true, 'due at 09:00 that day: overdue by its end');
    assert.deepEqual(
      contribution(f, { from: '2026-03-01', to: '2026-03-22' }),
      row({ received: 1, online: 1, inProgress: 1, withinDeadline: 1 }),
    );
    assert.deepEqual(
      contribution(f, { from: '2026-03-01', to: '2026-03-23' }),
      row({ received: 1, online: 1, inProgress: 1, overdue: 1 }),
    );
  });

  test('paused since before its due: within; paused after its due: overdue', () => {
    const req = (d: string): Action => ({
      kind: 'request_supplement',
      actor: specialist1,
      at: at(d, '10:00'),
      params: { items: [{ reason: 'x' }], dueBy: at('2026-06-30', '17:00') },
    });
    const before = reportFacts(run(ctx, [submit('2026-03-02'), accept('2026-03-02'), req('2026-03-20')]).state, FIELD)!;
    assert.deepEqual(contribution(before, march), row({ received: 1, online: 1, inProgress: 1, withinDeadline: 1 }));
    const after = reportFacts(run(ctx, [submit('2026-03-02'), accept('2026-03-02'), req('2026-03-25')]).state, FIELD)!;
    assert.deepEqual(contribution(after, march), row({ received: 1, online: 1, inProgress: 1, overdue: 1 }));
  });

  test('withdrawn and stopped: out of the form, in the annex, for the period they ended in', () => {
    const w = run(ctx, [
      submit('2026-03-02'),
      accept('2026-03-02'),
      { kind: 'request_withdrawal', actor: applicant, at: at('2026-03-03', '08:00') },
      { kind: 'withdraw', actor: reception1, at: at('2026-03-03', '09:00') },
    ]).state;
    assert.deepEqual(contribution(reportFacts(w, FIELD)!, march), row({ withdrawn: 1 }));
    const s = run(ctx, [
      submit('2026-02-23'),
      accept('2026-02-23'),
      { kind: 'stop', actor: leader1, at: at('2026-03-04', '09:00'), params: { reason: 'Tranh chấp' } },
    ]).state;
    const f = reportFacts(s, FIELD)!;
    assert.deepEqual(contribution(f, march), row({ stopped: 1 }), 'not carried over either');
    assert.deepEqual(
      contribution(f, { from: '2026-02-01', to: '2026-02-28' }),
      row({ received: 1, online: 1, inProgress: 1, withinDeadline: 1 }),
      'the period before it ended still counts it received and in progress',
    );
    assert.deepEqual(reportFromLedger(ledger(f), march), row({ stopped: 1 }));
    assert.deepEqual(checkEquations(contribution(f, march)), []);
  });
});

describe('the day ledger', () => {
  test('an apology before the due instant changes nothing in the ledger: the dossier still falls overdue', () => {
    // Accepted Mon 2 March 09:00, 15 working days: due Mon 23 March 09:00.
    const open = run(ctx, [submit('2026-03-02'), accept('2026-03-02')]);
    const f0 = reportFacts(open.state, FIELD)!;
    assert.deepEqual(
      ledger(f0)
        .filter((e) => e.column === 'overdue')
        .map((e) => [e.day, e.delta]),
      [['2026-03-23', 1]],
    );
    const apologised = run(
      ctx,
      [
        {
          kind: 'extend',
          actor: leader1,
          at: at('2026-03-20', '10:00'),
          params: { newDueAt: at('2026-04-10', '17:00'), reason: 'Chờ ý kiến' },
        },
      ],
      open,
    );
    assert.equal(apologised.state.dueAt, at('2026-04-10', '17:00'), 'the new appointment is kept for tracking');
    const f1 = reportFacts(apologised.state, FIELD)!;
    assert.deepEqual(ledgerDiff(f0, f1), []);
    assert.equal(reportFromLedger(ledger(f1), { from: '2026-03-01', to: '2026-03-31' }).overdue, 1);
  });

  test('per-day entries: acceptance by channel, end by class', () => {
    const f = reportFacts(
      run(ctx, [submit('2026-03-02', 'direct'), forward('2026-03-03'), approve('2026-03-24')]).state,
      FIELD,
    )!;
    assert.deepEqual(
      ledger(f).map((e) => [e.day, e.column, e.delta]),
      [
        ['2026-03-02', 'accepted-direct', 1],
        ['2026-03-24', 'resolved-late', 1],
        ['2026-03-23', 'overdue', 1],
        ['2026-03-24', 'overdue', -1],
      ],
    );
    assert.deepEqual(ledgerDiff(f, f), []);
    assert.deepEqual(ledgerDiff(null, f).length, 4);
  });
});

describe('report', () => {
  test('a liên thông dossier counts once, at the agency responsible for its result', () => {
    const owner = ctxFor({ fullName: 'A', area: 100 }, PERMIT_OWNER_REPORTS);
    const f = reportFacts(
      run(owner, [submit('2026-03-02'), accept('2026-03-02')]).state,
      PERMIT_OWNER_REPORTS.field.code,
    )!;
    assert.equal(f.agency, CONSTRUCTION);
    const g = reportFacts(run(ctx, [submit('2026-03-02'), accept('2026-03-02')]).state, FIELD)!;
    const lines = report([f, g], march, { groupBy: 'agency', directory, rollUp: PROVINCE });
    const byAgency = new Map(lines.map((l) => [l.agency, l]));
    assert.equal(byAgency.get(CONSTRUCTION)!.row.received, 1);
    assert.equal(byAgency.get(WARD_1)!.row.received, 1);
    assert.equal(byAgency.get(PROVINCE)!.row.received, 2);
    assert.equal(byAgency.get(PROVINCE)!.own!.received, 0);
    assert.equal(byAgency.get(PROVINCE)!.depth, 0);
    assert.deepEqual(
      report([f, g], march, { groupBy: 'field' }).map((l) => [l.field, l.row.received]),
      [
        ['quy-hoach', 1],
        ['xay-dung', 1],
      ],
    );
    assert.deepEqual(
      report([f, g], march, { groupBy: 'total' }).map((l) => l.row.received),
      [2],
    );
    const sub = report([f, g], march, { groupBy: 'agency-field', directory, rollUp: WARD_1 });
    assert.deepEqual(
      sub.map((l) => [l.agency, l.field, l.row.received]),
      [[WARD_1, 'xay-dung', 1]],
    );
  });

  test('checkEquations names each broken equation; validatePeriod checks dates', () => {
    assert.deepEqual(checkEquations(row({ received: 1, online: 1, inProgress: 1, withinDeadline: 1 })), []);
    const bad = checkEquations(
      row({ received: 2, online: 1, resolved: 1, early: 0, inProgress: 1, overdue: 1, withinDeadline: -1 }),
    );
    assert.deepEqual(bad.map((i) => i.pointer).sort(), ['/inProgress', '/received', '/resolved', '/withinDeadline']);
    for (const i of bad) assert.ok(i.message.vi && i.message.en);
    assert.deepEqual(validatePeriod(march), []);
    assert.deepEqual(
      validatePeriod({ from: '2026-03-31', to: '2026-03-01' }).map((i) => i.pointer),
      ['/to'],
    );
    assert.deepEqual(
      validatePeriod({ from: '2026-02-30', to: 'x' }).map((i) => i.pointer),
      ['/from', '/to'],
    );
  });
});
