import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  contribution,
  emptyRow,
  reportFacts,
  satisfactionIndex,
  serviceIndexFacts,
  serviceIndices,
  type Bieu06Row,
  type Period,
  type ServiceIndexFacts,
} from './index.ts';
import { reportDueAt, reportDueHistory } from '../workflow/report-due.ts';
import type { Action } from '../workflow/types.ts';
import { ctxFor, run, at, applicant, reception1, specialist1, leader1, WARD_1 } from '../workflow/testing/fixtures.ts';

// Hand-computed cases. The fixture's procedure: 15 working days, 07:00–11:30 and 13:30–17:00.
// Accepted Mon 2 March 2026 09:00 → due Mon 23 March 09:00.
const ctx = ctxFor({ fullName: 'Phạm Văn Đồng', area: 100 });
const FIELD = 'xay-dung';
const march: Period = { from: '2026-03-01', to: '2026-03-31' };
const row = (partial: Partial<Bieu06Row>): Bieu06Row => ({ ...emptyRow(), ...partial });
const submit: Action = {
  kind: 'submit',
  actor: applicant,
  at: at('2026-03-02', '08:00'),
  params: { channel: 'online', agency: WARD_1, feesOwed: 0 },
};
const accept: Action = { kind: 'accept', actor: reception1, at: at('2026-03-02', '09:00') };
const apology = (d: string, newDue: number): Action => ({
  kind: 'extend',
  actor: leader1,
  at: at(d, '10:00'),
  params: { newDueAt: newDue, reason: 'Chờ ý kiến cơ quan liên quan' },
});
const approve = (d: string, t: string): Action => ({
  kind: 'approve',
  actor: leader1,
  at: at(d, t),
  attachments: ['kq'],
});
const forward: Action = { kind: 'forward', actor: specialist1, at: at('2026-03-03', '09:30') };

describe('an apology keeps the due date reports classify against', () => {
  test('due 23/03, apology 20/03 with a new appointment 10/04, resolved 30/03: late, not early', () => {
    const { state, events } = run(ctx, [
      submit,
      accept,
      forward,
      apology('2026-03-20', at('2026-04-10', '17:00')),
      approve('2026-03-30', '10:00'),
    ]);
    assert.equal(state.dueAt, at('2026-04-10', '17:00'), 'the new appointment drives tracking');
    assert.equal(reportDueAt(state), at('2026-03-23', '09:00'));
    assert.deepEqual(
      contribution(reportFacts(state, FIELD)!, march),
      row({ received: 1, online: 1, resolved: 1, late: 1 }),
    );
    const idx = serviceIndices([serviceIndexFacts(events, FIELD)!], march);
    assert.deepEqual([idx.onTime.numerator, idx.onTime.denominator], [0, 1]);
  });

  test('a pause after the apology moves the report due by its working time, not by the apology', () => {
    // Supplement asked Tue 17/03 10:00, provided and accepted Thu 19/03 10:00: 16 working hours.
    const { state } = run(ctx, [
      submit,
      accept,
      apology('2026-03-16', at('2026-04-10', '17:00')),
      {
        kind: 'request_supplement',
        actor: specialist1,
        at: at('2026-03-17', '10:00'),
        params: { items: [{ reason: 'Thiếu bản vẽ' }], dueBy: at('2026-03-31', '17:00') },
      },
      { kind: 'supplement_provided', actor: applicant, at: at('2026-03-19', '10:00'), attachments: ['bv'] },
      { kind: 'accept_supplement', actor: specialist1, at: at('2026-03-19', '10:00') },
    ]);
    assert.equal(reportDueAt(state), at('2026-03-25', '09:00'));
    assert.equal(state.dueAt, at('2026-04-14', '17:00'), '10/04 17:00 + 16 working hours');
  });

  test('logs from before the report due was recorded: the pause moves it by the same milliseconds', () => {
    const h = [
      { at: 1, dueAt: 100, cause: 'accept' as const, seq: 1 },
      { at: 10, dueAt: 300, cause: 'extend' as const, seq: 2 },
      { at: 20, dueAt: 350, cause: 'supplement' as const, seq: 4 },
      { at: 30, dueAt: 400, cause: 'payment' as const, seq: 6, reportDueAt: 170 },
    ];
    assert.deepEqual(reportDueHistory(h), [
      { from: 1, dueAt: 100 },
      { from: 20, dueAt: 150 },
      { from: 30, dueAt: 170 },
    ]);
  });
});

describe('early / on time / late: each report its own definition', () => {
  test('due 23/03 09:00, resolved 23/03 16:00: Biểu 06 on time (dates), the index late (instants)', () => {
    const { state, events } = run(ctx, [submit, accept, forward, approve('2026-03-23', '16:00')]);
    assert.deepEqual(
      contribution(reportFacts(state, FIELD)!, march),
      row({ received: 1, online: 1, resolved: 1, onTime: 1 }),
    );
    const idx = serviceIndices([serviceIndexFacts(events, FIELD)!], march);
    assert.deepEqual([idx.onTime.numerator, idx.onTime.denominator, idx.onTime.percent], [0, 1, 0]);
    const exact = run(ctx, [submit, accept, forward, approve('2026-03-23', '09:00')]);
    assert.equal(serviceIndices([serviceIndexFacts(exact.events, FIELD)!], march).onTime.numerator, 1);
  });
});

describe('the national index (Decision 766) on hand-computed facts', () => {
  const base: ServiceIndexFacts = {
    agency: WARD_1,
    field: FIELD,
    timeZone: 'Asia/Ho_Chi_Minh',
    channel: 'online',
    acceptedAt: at('2026-03-02', '09:00'),
    finishedAt: null,
    dueAt: at('2026-03-23', '09:00'),
    supplementRequests: 0,
    paid: false,
    paidOnline: false,
    resolved: false,
    electronicResult: false,
    digitised: true,
  };
  const facts: ServiceIndexFacts[] = [
    // 1: finished on time, e-result, paid online.
    {
      ...base,
      finishedAt: at('2026-03-20', '10:00'),
      resolved: true,
      electronicResult: true,
      paid: true,
      paidOnline: true,
    },
    // 2: finished on time but asked to supplement twice: late for the index.
    { ...base, finishedAt: at('2026-03-20', '10:00'), resolved: true, supplementRequests: 2 },
    // 3: finished late, at the counter, not digitised, paid in cash.
    {
      ...base,
      channel: 'direct',
      digitised: false,
      paid: true,
      finishedAt: at('2026-03-24', '10:00'),
      resolved: true,
      electronicResult: true,
    },
    // 4: accepted in February, stopped in March on time (stopped is an end, not a resolution).
    { ...base, acceptedAt: at('2026-02-20', '09:00'), finishedAt: at('2026-03-05', '09:00'), channel: 'postal' },
    // 5: accepted in March, still open.
    { ...base, channel: 'direct', digitised: true },
  ];
  test('each index: numerator / denominator', () => {
    const v = serviceIndices(facts, march);
    const pair = (k: keyof typeof v) => [v[k].numerator, v[k].denominator];
    assert.deepEqual(pair('onTime'), [2, 4], 'dossiers 1 and 4 of 1–4');
    assert.equal(v.onTime.percent, 50);
    assert.deepEqual(pair('supplementOnce'), [3, 4]);
    assert.deepEqual(pair('onlineShare'), [2, 4], 'accepted in March: 1, 2, 3, 5');
    assert.deepEqual(pair('onlinePayment'), [1, 2]);
    assert.deepEqual(pair('digitised'), [3, 4]);
    assert.deepEqual(pair('electronicResult'), [2, 3]);
    assert.equal(serviceIndices([], march).onTime.percent, null);
  });
  test('satisfaction (index 5.4): 100 % − (overdue % + dissatisfied %)', () => {
    // 8 of 10 on time (20 % overdue), 2 of 20 ratings dissatisfied (10 %): 70 %.
    assert.equal(satisfactionIndex({ numerator: 8, denominator: 10, percent: 80 }, { total: 20, dissatisfied: 2 }), 70);
    assert.equal(
      satisfactionIndex({ numerator: 0, denominator: 0, percent: null }, { total: 0, dissatisfied: 0 }),
      null,
    );
  });
  test('satisfaction (index 5.4) has no value while a share of its formula has nothing behind it', () => {
    // 3 of 4 on time and no rating: not 75 % — nobody said how satisfied they were.
    assert.equal(satisfactionIndex({ numerator: 3, denominator: 4, percent: 75 }, { total: 0, dissatisfied: 0 }), null);
    // Ratings but no dossier finished in the period: the overdue share is unknown, not 0 %.
    assert.equal(
      satisfactionIndex({ numerator: 0, denominator: 0, percent: null }, { total: 5, dissatisfied: 1 }),
      null,
    );
    assert.equal(satisfactionIndex({ numerator: 4, denominator: 4, percent: 100 }, { total: 1, dissatisfied: 0 }), 100);
  });
});
