import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateProcedure } from '../procedure/validate-procedure.ts';
import { computeDue, shiftDue, workingMinutesBetween } from '../working-time/index.ts';
import { decide } from './decide.ts';
import { replay } from './evolve.ts';
import { availableActions } from './available-actions.ts';
import { isOverdue, supplementExpired } from './deadline-status.ts';
import type { Action, Decision, DossierEvent, DossierState, Refusal, WorkflowContext } from './types.ts';
import {
  PERMIT,
  CAL_2026,
  ctxFor,
  run,
  at,
  applicant,
  system,
  taxSystem,
  staff,
  reception1,
  reception2,
  specialist1,
  specialist1b,
  leader1,
  constructionSpecialist,
  constructionLeader,
  financeSpecialist,
  WARD_1,
  WARD_2,
  CONSTRUCTION,
  FINANCE,
} from './testing/fixtures.ts';

const small = ctxFor({ fullName: 'Nguyễn Thị Ngọc Ánh', area: 120 });
const large = ctxFor({ fullName: 'Nguyễn Thị Ngọc Ánh', area: 300 });

const submitOnline = (t = at('2026-03-02', '08:00'), feesOwed = 0): Action => ({
  kind: 'submit',
  actor: applicant,
  at: t,
  params: { channel: 'online', agency: WARD_1, feesOwed },
});
const accept = (t = at('2026-03-02', '09:00')): Action => ({ kind: 'accept', actor: reception1, at: t });

/** An accepted dossier at the commune's first step. */
function accepted(ctx: WorkflowContext = small) {
  return run(ctx, [submitOnline(), accept()]);
}

function refused(d: Decision): Refusal {
  assert.equal(d.ok, false, 'expected a refusal');
  return (d as Extract<Decision, { ok: false }>).refusal;
}

function bilingual(r: Refusal) {
  assert.ok(r.message.vi.length > 0 && r.message.en.length > 0, 'a refusal message in both languages');
}

test('the fixture procedure is a valid definition', () => {
  assert.deepEqual(validateProcedure(PERMIT).issues, []);
});

describe('submit', () => {
  test('online, nothing owed before acceptance: status 1, no clock, at the chosen commune\u2019s reception', () => {
    const { state, events } = run(small, [submitOnline()]);
    assert.equal(state.status, 1);
    assert.equal(state.channel, 'online');
    assert.equal(state.receivingAgency, WARD_1);
    assert.equal(state.dueAt, null);
    assert.equal(state.acceptedAt, null);
    assert.deepEqual(state.location, { agency: WARD_1, step: null, role: 'reception' });
    assert.equal(events[0]!.fromStatus, null);
    assert.equal(events[0]!.toStatus, 1);
    assert.equal(events[0]!.seq, 1);
  });

  test('online with fees collected before and an amount owed: status 6, then payment → 1', () => {
    const { state } = run(small, [submitOnline(at('2026-03-02', '08:00'), 75_000)]);
    assert.equal(state.status, 6);
    assert.equal(state.payment?.preAcceptance, true);
    assert.equal(state.payment?.amount, 75_000);
    assert.deepEqual(state.pauses, [], 'no clock before acceptance');
    const wrong = refused(
      decide(small, state, {
        kind: 'payment_recorded',
        actor: system,
        at: at('2026-03-02', '08:10'),
        params: { amount: 70_000, reference: 'P1' },
      }),
    );
    assert.equal(wrong.httpStatus, 422);
    assert.equal(wrong.issues?.[0]?.pointer, '/params/amount');
    const paid = run(
      small,
      [
        {
          kind: 'payment_recorded',
          actor: system,
          at: at('2026-03-02', '08:10'),
          params: { amount: 75_000, reference: 'P1' },
        },
      ],
      { state, events: [] },
    );
    assert.equal(paid.state.status, 1);
    assert.equal(paid.state.dueAt, null);
    // The gateway calls back twice: the second is a no-op.
    const again = decide(small, paid.state, {
      kind: 'payment_recorded',
      actor: system,
      at: at('2026-03-02', '08:11'),
      params: { amount: 75_000, reference: 'P1' },
    });
    assert.ok(again.ok);
    assert.deepEqual(again.events, []);
  });

  test('counter intake by the commune\u2019s reception: status 2 at once, the clock starts', () => {
    const t = at('2026-03-02', '10:15');
    const { state, events } = run(small, [
      { kind: 'submit', actor: reception1, at: t, params: { channel: 'direct', feesOwed: 75_000 } },
    ]);
    assert.equal(state.status, 2);
    assert.equal(state.receivingAgency, WARD_1, 'the counter\u2019s own commune is the choice');
    assert.equal(state.acceptedAt, t);
    assert.equal(state.dueAt, computeDue(CAL_2026, t, PERMIT.deadline));
    assert.equal(state.fees.paidAtCounter, true);
    assert.deepEqual(state.location, { agency: WARD_1, step: 'tham-dinh', role: 'specialist' });
    assert.equal(events[0]!.kind === 'submit' && events[0]!.data.acceptance?.responsibleAgency, WARD_1);
  });

  test('counter intake refusals: a specialist, another commune\u2019s reception for a fixed agency, invalid data', () => {
    const r1 = refused(
      decide(small, null, { kind: 'submit', actor: specialist1, at: 1, params: { channel: 'direct', feesOwed: 0 } }),
    );
    assert.equal(r1.httpStatus, 403);
    bilingual(r1);
    const fixed = ctxFor({ fullName: 'A' }, { ...PERMIT, receiving: { mode: 'fixed', agency: WARD_1 } });
    const r2 = refused(
      decide(fixed, null, { kind: 'submit', actor: reception2, at: 1, params: { channel: 'postal', feesOwed: 0 } }),
    );
    assert.equal(r2.httpStatus, 403, 'the fixed agency receives, not the counter of another commune');
    const r3 = refused(
      decide(fixed, null, {
        kind: 'submit',
        actor: reception2,
        at: 1,
        params: { channel: 'postal', feesOwed: 0, agency: WARD_2 },
      }),
    );
    assert.equal(r3.httpStatus, 422);
    assert.equal(r3.issues?.[0]?.pointer, '/agency');
    assert.equal(r3.code, 'agency-mismatch');
    const bad = ctxFor({ area: -1 });
    const r4 = refused(decide(bad, null, submitOnline()));
    assert.equal(r4.httpStatus, 422);
    assert.ok(r4.issues!.some((i) => i.pointer === '/data/fullName'));
    const r5 = refused(
      decide(small, null, { kind: 'submit', actor: applicant, at: 1, params: { channel: 'online', feesOwed: 0 } }),
    );
    assert.equal(r5.issues?.[0]?.pointer, '/agency', 'the applicant must choose a commune');
  });

  test('malformed actions are 400 with pointers', () => {
    const r = refused(
      decide(small, null, {
        kind: 'submit',
        actor: applicant,
        at: 1,
        params: { channel: 'fax', feesOwed: -1 },
      } as never),
    );
    assert.equal(r.httpStatus, 400);
    assert.ok(r.issues!.some((i) => i.pointer === '/params/channel'));
    assert.ok(r.issues!.some((i) => i.pointer === '/params/feesOwed'));
    const r2 = refused(decide(small, null, { kind: 'teleport', actor: applicant, at: 1 } as never));
    assert.equal(r2.httpStatus, 400);
    assert.equal(r2.issues?.[0]?.pointer, '/kind');
    const r3 = refused(
      decide(small, null, {
        kind: 'submit',
        actor: { kind: 'staff', agency: WARD_1, roles: ['reception'] },
        at: 1,
        params: { channel: 'direct', feesOwed: 0 },
      }),
    );
    assert.equal(r3.issues?.[0]?.pointer, '/actor/id');
    bilingual(r3);
    const s = accepted().state;
    const r4 = refused(
      decide(small, s, { kind: 'accept', actor: reception1, at: s.lastEventAt + 1, params: { extra: 1 } } as never),
    );
    assert.equal(r4.httpStatus, 400);
    assert.equal(r4.issues?.[0]?.pointer, '/params/extra');
  });

  test('a dossier is submitted once; nothing else before it', () => {
    const { state } = run(small, [submitOnline()]);
    assert.equal(refused(decide(small, state, submitOnline(at('2026-03-02', '09:00')))).httpStatus, 409);
    assert.equal(refused(decide(small, null, accept())).httpStatus, 409);
  });
});

describe('accept and refuse', () => {
  test('accept: due instant from the receiving agency\u2019s calendar, first step resolved, responsible agency', () => {
    const t = at('2026-03-02', '09:00');
    const { state, events } = accepted();
    assert.equal(state.status, 2);
    assert.equal(state.acceptedAt, t);
    assert.equal(state.dueAt, computeDue(CAL_2026, t, PERMIT.deadline));
    assert.equal(state.dueAt, at('2026-03-23', '09:00'), '15 working days');
    assert.equal(state.stepDueAt, at('2026-03-05', '09:00'), 'the first step\u2019s 3-day budget');
    assert.equal(state.responsibleAgency, WARD_1);
    assert.deepEqual(state.dueHistory, [{ at: t, dueAt: state.dueAt, cause: 'accept', seq: 2 }]);
    assert.equal(state.handovers.length, 1);
    assert.deepEqual(state.handovers[0]!.to, { agency: WARD_1, step: 'tham-dinh' });
    assert.equal(events[1]!.kind, 'accept');
  });

  test('the responsible agency follows report.responsibleAgency', () => {
    const p = { ...PERMIT, report: { responsibleAgency: { relative: 'owner' as const } } };
    const { state } = run(ctxFor({ fullName: 'A' }, p), [submitOnline(), accept()]);
    assert.equal(state.responsibleAgency, CONSTRUCTION);
  });

  test('same-day deadline: the cut-off applies to the acceptance instant, not the submission', () => {
    const p = { ...PERMIT, deadline: { unit: 'same-day' as const, cutoff: '15:00' } };
    const ctx = ctxFor({ fullName: 'A' }, p);
    const early = run(ctx, [submitOnline(at('2026-03-02', '08:00')), accept(at('2026-03-02', '14:59'))]).state;
    assert.equal(early.dueAt, at('2026-03-02', '17:00'));
    const late = run(ctx, [submitOnline(at('2026-03-02', '08:00')), accept(at('2026-03-02', '15:01'))]).state;
    assert.equal(late.dueAt, at('2026-03-03', '17:00'));
  });

  test('accept refusals: wrong role 403, another commune 403, wrong status 409 naming the status', () => {
    const { state } = run(small, [submitOnline()]);
    assert.equal(
      refused(decide(small, state, { kind: 'accept', actor: specialist1, at: at('2026-03-02', '09:00') })).httpStatus,
      403,
    );
    const other = refused(decide(small, state, { kind: 'accept', actor: reception2, at: at('2026-03-02', '09:00') }));
    assert.equal(other.httpStatus, 403);
    assert.match(other.message.vi, /000\.20\.01\.H56/);
    const twice = refused(decide(small, accepted().state, accept(at('2026-03-02', '10:00'))));
    assert.equal(twice.httpStatus, 409);
    assert.equal(twice.status, 2);
    assert.match(twice.message.vi, /trạng thái 2/);
    assert.match(twice.message.en, /status 2/);
  });

  test('refuse needs reasons, is for reception, only before acceptance; 3 is terminal', () => {
    const { state } = run(small, [submitOnline()]);
    assert.equal(
      refused(
        decide(small, state, {
          kind: 'refuse',
          actor: reception1,
          at: at('2026-03-02', '09:00'),
          params: { reasons: [] },
        }),
      ).httpStatus,
      400,
    );
    assert.equal(
      refused(
        decide(small, state, {
          kind: 'refuse',
          actor: reception1,
          at: at('2026-03-02', '09:00'),
          params: { reasons: ['   '] },
        }),
      ).httpStatus,
      400,
    );
    assert.equal(
      refused(
        decide(small, state, {
          kind: 'refuse',
          actor: leader1,
          at: at('2026-03-02', '09:00'),
          params: { reasons: ['x'] },
        }),
      ).httpStatus,
      403,
    );
    const r = run(
      small,
      [{ kind: 'refuse', actor: reception1, at: at('2026-03-02', '09:00'), params: { reasons: ['Thiếu bản vẽ'] } }],
      { state, events: [] },
    ).state;
    assert.equal(r.status, 3);
    assert.equal(r.closed, true);
    assert.deepEqual(r.refusalReasons, ['Thiếu bản vẽ']);
    const after = refused(decide(small, r, accept(at('2026-03-02', '10:00'))));
    assert.equal(after.httpStatus, 409);
    assert.equal(after.code, 'terminal');
    assert.equal(
      refused(
        decide(small, accepted().state, {
          kind: 'refuse',
          actor: reception1,
          at: at('2026-03-02', '10:00'),
          params: { reasons: ['x'] },
        }),
      ).httpStatus,
      409,
    );
  });
});

describe('supplements', () => {
  test('before acceptance: no clock, back to 1 when accepted', () => {
    const s = run(small, [
      submitOnline(),
      {
        kind: 'request_supplement',
        actor: reception1,
        at: at('2026-03-02', '09:00'),
        params: { items: [{ documentId: 'ban-ve', reason: 'Bản vẽ mờ' }], dueBy: at('2026-03-09', '17:00') },
      },
    ]).state;
    assert.equal(s.status, 5);
    assert.equal(s.supplement?.pausesClock, false);
    assert.deepEqual(s.pauses, []);
    assert.equal(
      refused(decide(small, s, { kind: 'accept_supplement', actor: reception1, at: at('2026-03-03', '09:00') })).code,
      'supplement-not-provided',
    );
    const back = run(
      small,
      [
        { kind: 'supplement_provided', actor: applicant, at: at('2026-03-03', '09:00'), attachments: ['f-1'] },
        { kind: 'accept_supplement', actor: reception1, at: at('2026-03-03', '10:00') },
      ],
      { state: s, events: [] },
    ).state;
    assert.equal(back.status, 1);
    assert.equal(back.dueAt, null);
    assert.equal(back.supplement, null);
  });

  test('after acceptance the clock pauses and dueAt moves by exactly the paused working time', () => {
    const base = accepted();
    const due0 = base.state.dueAt!;
    const step0 = base.state.stepDueAt!;
    const from = at('2026-03-03', '10:00'); // Tuesday
    const to = at('2026-03-09', '14:00'); // the next Monday, across a weekend: the applicant submits
    const s = run(
      small,
      [
        { kind: 'claim', actor: specialist1, at: at('2026-03-02', '09:30') },
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: from,
          params: { items: [{ reason: 'Thiếu cam kết an toàn với nhà liền kề' }], dueBy: at('2026-03-16', '17:00') },
        },
        { kind: 'supplement_provided', actor: applicant, at: to, attachments: ['f-2', 'f-3'] },
        { kind: 'accept_supplement', actor: specialist1, at: at('2026-03-11', '09:00') },
      ],
      base,
    ).state;
    assert.equal(s.status, 4, 'back to the status before the request');
    assert.deepEqual(s.pauses, [{ reason: 'supplement', from, to }]);
    const paused = workingMinutesBetween(CAL_2026, from, to);
    assert.equal(
      paused,
      300 + 3 * 480 + 300,
      'Tue 10:00 → Mon 14:00: rest of Tuesday, Wed–Fri, Monday morning + 30 min',
    );
    assert.equal(s.dueAt, shiftDue(CAL_2026, due0, { from, to }));
    assert.equal(workingMinutesBetween(CAL_2026, due0, s.dueAt!), paused);
    assert.equal(s.stepDueAt, shiftDue(CAL_2026, step0, { from, to }));
    assert.equal(s.dueHistory.length, 2);
    assert.equal(s.dueHistory[1]!.cause, 'supplement');
  });

  test('the pause ends when the applicant submits the supplement, not when staff accept it', () => {
    const base = run(small, [{ kind: 'claim', actor: specialist1, at: at('2026-03-02', '09:30') }], accepted());
    const due0 = base.state.dueAt!;
    const from = at('2026-03-03', '10:00');
    const submitted = at('2026-03-04', '10:00');
    const requested = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: from,
          params: { items: [{ reason: 'Thiếu bản vẽ' }], dueBy: at('2026-03-16', '17:00') },
        },
        { kind: 'supplement_provided', actor: applicant, at: submitted, attachments: ['f-1'] },
      ],
      base,
    ).state;
    assert.equal(requested.status, 5, 'staff have not checked it yet');
    assert.deepEqual(requested.pauses, [{ reason: 'supplement', from, to: submitted }]);
    const expected = shiftDue(CAL_2026, due0, { from, to: submitted });
    assert.equal(requested.dueAt, expected, 'the clock runs again from the submission');
    // Staff take a week to accept it: that week is the agency's time, not a pause.
    const s = run(small, [{ kind: 'accept_supplement', actor: specialist1, at: at('2026-03-11', '10:00') }], {
      state: requested,
      events: [],
    }).state;
    assert.equal(s.status, 4);
    assert.deepEqual(s.pauses, [{ reason: 'supplement', from, to: submitted }]);
    assert.equal(s.dueAt, expected);
    assert.equal(s.dueHistory.filter((h) => h.cause === 'supplement').length, 1);
    assert.equal(isOverdue(requested, expected + 1), true, 'waiting for staff to check is not paused');
  });

  test('a log written before the rule (pause data on accept_supplement) replays as it was', () => {
    const base = accepted();
    const due0 = base.state.dueAt!;
    const from = at('2026-03-03', '10:00');
    const to = at('2026-03-05', '10:00');
    const s1 = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: from,
          params: { items: [{ reason: 'x' }], dueBy: at('2026-03-16', '17:00') },
        },
      ],
      base,
    );
    const events: DossierEvent[] = [...s1.events];
    const last = s1.state;
    events.push({
      seq: last.eventCount + 1,
      kind: 'supplement_provided',
      at: at('2026-03-04', '10:00'),
      actor: applicant,
      fromStatus: 5,
      toStatus: 5,
      data: { files: ['f'] },
    } as DossierEvent);
    const dueAt = shiftDue(CAL_2026, due0, { from, to });
    events.push({
      seq: last.eventCount + 2,
      kind: 'accept_supplement',
      at: to,
      actor: specialist1,
      fromStatus: 5,
      toStatus: 2,
      data: { returnTo: 2, pause: { from, to }, dueAt, stepDueAt: null },
    } as DossierEvent);
    const state = replay(events);
    assert.deepEqual(state.pauses, [{ reason: 'supplement', from, to }]);
    assert.equal(state.dueAt, dueAt);
  });

  test('request items are checked; dueBy must be after the request; supplement needs content', () => {
    const s = accepted().state;
    const r = refused(
      decide(small, s, {
        kind: 'request_supplement',
        actor: specialist1,
        at: at('2026-03-03', '10:00'),
        params: { items: [{ documentId: 'nope', reason: 'x' }], dueBy: at('2026-03-02', '10:00') },
      }),
    );
    assert.equal(r.httpStatus, 422);
    assert.deepEqual(r.issues!.map((i) => i.pointer).sort(), ['/params/dueBy', '/params/items/0/documentId']);
    const s5 = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: at('2026-03-03', '10:00'),
          params: { items: [{ reason: 'x' }], dueBy: at('2026-03-10', '10:00') },
        },
      ],
      { state: s, events: [] },
    ).state;
    assert.equal(
      refused(decide(small, s5, { kind: 'supplement_provided', actor: applicant, at: at('2026-03-04', '10:00') })).code,
      'supplement-empty',
    );
    assert.equal(
      refused(
        decide(small, s5, {
          kind: 'supplement_provided',
          actor: reception2,
          at: at('2026-03-04', '10:00'),
          attachments: ['x'],
        }),
      ).httpStatus,
      403,
    );
  });

  test('the applicant\u2019s time limit passing shows, and then reception may stop', () => {
    const s = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: at('2026-03-03', '10:00'),
          params: { items: [{ reason: 'x' }], dueBy: at('2026-03-10', '17:00') },
        },
      ],
      accepted(),
    ).state;
    assert.equal(supplementExpired(s, at('2026-03-10', '16:59')), false);
    assert.equal(supplementExpired(s, at('2026-03-10', '17:01')), true);
    const early = refused(
      decide(small, s, {
        kind: 'stop',
        actor: reception1,
        at: at('2026-03-10', '16:00'),
        params: { reason: 'Quá hạn bổ sung' },
      }),
    );
    assert.equal(early.httpStatus, 403);
    assert.ok(!availableActions(small, s, reception1, at('2026-03-10', '16:00')).includes('stop'));
    assert.ok(availableActions(small, s, reception1, at('2026-03-11', '08:00')).includes('stop'));
    const stopped = run(
      small,
      [{ kind: 'stop', actor: reception1, at: at('2026-03-11', '08:00'), params: { reason: 'Quá hạn bổ sung hồ sơ' } }],
      { state: s, events: [] },
    ).state;
    assert.equal(stopped.status, 8);
    assert.equal(stopped.closed, false, '8 is terminal only once the notice is handed over');
    assert.deepEqual(stopped.pauses[0], {
      reason: 'supplement',
      from: at('2026-03-03', '10:00'),
      to: at('2026-03-11', '08:00'),
    });
    assert.deepEqual(stopped.location, { agency: WARD_1, step: null, role: 'reception' });
    const closed = run(small, [{ kind: 'return_result', actor: reception1, at: at('2026-03-11', '09:00') }], {
      state: stopped,
      events: [],
    }).state;
    assert.equal(closed.status, 8);
    assert.equal(closed.closed, true);
    const r = refused(
      decide(small, closed, { kind: 'return_result', actor: reception1, at: at('2026-03-11', '10:00') }),
    );
    assert.equal(r.code, 'terminal');
  });

  test('a supplement is requested once: asking again needs a recorded reason, and is counted', () => {
    const first = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: at('2026-03-03', '10:00'),
          params: { items: [{ reason: 'x' }], dueBy: at('2026-03-10', '17:00') },
        },
        { kind: 'supplement_provided', actor: applicant, at: at('2026-03-04', '10:00'), attachments: ['a'] },
      ],
      accepted(),
    );
    assert.equal(first.state.supplementRequests, 1);
    const again = {
      kind: 'request_supplement' as const,
      actor: specialist1,
      at: at('2026-03-05', '10:00'),
      params: { items: [{ reason: 'vẫn thiếu' }], dueBy: at('2026-03-12', '17:00') },
    };
    const r = refused(decide(small, first.state, again));
    assert.equal(r.httpStatus, 422);
    bilingual(r);
    assert.deepEqual(
      r.issues!.map((i) => [i.pointer, i.code]),
      [['/params/repeatReason', 'repeat-reason-required']],
    );
    assert.equal(
      refused(decide(small, accepted().state, { ...again, params: { ...again.params, repeatReason: 'y' } })).issues![0]!
        .code,
      'not-a-repeat',
    );
    const s = run(
      small,
      [{ ...again, params: { ...again.params, repeatReason: '  Bản vẽ gửi bổ sung sai tỷ lệ ' } }],
      first,
    ).state;
    assert.equal(s.status, 5);
    assert.equal(s.supplementRequests, 2, 'counted');
    assert.equal(s.supplement?.repeatReason, 'Bản vẽ gửi bổ sung sai tỷ lệ', 'recorded');
    assert.equal(s.supplement?.provided, false);
    assert.equal(s.supplement?.returnTo, 2);
    // The first pause ended at the applicant's submission; the new request pauses again.
    assert.deepEqual(
      s.pauses.map((p) => [p.from, p.to]),
      [
        [at('2026-03-03', '10:00'), at('2026-03-04', '10:00')],
        [at('2026-03-05', '10:00'), null],
      ],
    );
  });

  test('asked again before anything was provided: the same pause goes on', () => {
    const s = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: at('2026-03-03', '10:00'),
          params: { items: [{ reason: 'x' }], dueBy: at('2026-03-10', '17:00') },
        },
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: at('2026-03-03', '11:00'),
          params: { items: [{ reason: 'x và y' }], dueBy: at('2026-03-10', '17:00'), repeatReason: 'Sót một nội dung' },
        },
      ],
      accepted(),
    ).state;
    assert.equal(s.pauses.length, 1);
    assert.equal(s.supplementRequests, 2);
  });
});

describe('payment during processing', () => {
  test('request_payment pauses, payment_recorded resumes and moves dueAt', () => {
    const base = run(small, [{ kind: 'claim', actor: specialist1, at: at('2026-03-02', '10:00') }], accepted());
    const from = at('2026-03-03', '08:00');
    const to = at('2026-03-04', '08:00');
    const s = run(
      small,
      [{ kind: 'request_payment', actor: specialist1, at: from, params: { amount: 500_000, description: 'Thuế' } }],
      base,
    ).state;
    assert.equal(s.status, 6);
    assert.equal(isOverdue(s, at('2030-01-01', '00:00')), false, 'paused since before its due');
    const after = run(
      small,
      [{ kind: 'payment_recorded', actor: reception1, at: to, params: { amount: 500_000, method: 'tiền mặt' } }],
      { state: s, events: [] },
    ).state;
    assert.equal(after.status, 4);
    assert.equal(after.dueAt, shiftDue(CAL_2026, base.state.dueAt!, { from, to }));
    assert.equal(after.dueAt! - base.state.dueAt!, 24 * 3600_000, 'one working day later, same hour');
    assert.equal(
      refused(decide(small, base.state, { kind: 'request_payment', actor: applicant, at: from, params: { amount: 1 } }))
        .httpStatus,
      403,
    );
  });
});

describe('processing', () => {
  test('claim: first processing action makes 2 → 4; others at the step cannot act while it is held', () => {
    const base = accepted();
    const s = run(small, [{ kind: 'claim', actor: specialist1, at: at('2026-03-02', '10:00') }], base).state;
    assert.equal(s.status, 4);
    assert.equal(s.location.assignee, 'cv1');
    assert.equal(
      refused(decide(small, s, { kind: 'claim', actor: specialist1b, at: at('2026-03-02', '10:30') })).code,
      'assigned-to-other',
    );
    assert.equal(
      refused(decide(small, s, { kind: 'claim', actor: specialist1, at: at('2026-03-02', '10:30') })).code,
      'already-claimed',
    );
    assert.equal(
      refused(decide(small, s, { kind: 'forward', actor: specialist1b, at: at('2026-03-02', '10:30') })).httpStatus,
      403,
    );
    assert.equal(
      refused(decide(small, base.state, { kind: 'claim', actor: reception1, at: at('2026-03-02', '10:30') }))
        .httpStatus,
      403,
    );
    assert.equal(
      refused(
        decide(small, base.state, { kind: 'claim', actor: constructionSpecialist, at: at('2026-03-02', '10:30') }),
      ).httpStatus,
      403,
    );
  });

  test('assign: a leader of the step\u2019s agency names the assignee', () => {
    const base = accepted();
    assert.equal(
      refused(
        decide(small, base.state, {
          kind: 'assign',
          actor: specialist1,
          at: at('2026-03-02', '10:00'),
          params: { assignee: 'cv1b' },
        }),
      ).httpStatus,
      403,
    );
    assert.equal(
      refused(decide(small, base.state, { kind: 'assign', actor: leader1, at: at('2026-03-02', '10:00') } as never))
        .httpStatus,
      400,
    );
    const s = run(
      small,
      [
        {
          kind: 'assign',
          actor: leader1,
          at: at('2026-03-02', '10:00'),
          params: { assignee: 'cv1b', assigneeName: 'Trần Văn B' },
        },
        { kind: 'forward', actor: specialist1b, at: at('2026-03-03', '10:00') },
      ],
      base,
    ).state;
    assert.equal(s.location.step, 'lanh-dao-xa');
    assert.equal(s.location.assignee, undefined, 'a new step starts unassigned');
    assert.equal(s.handovers[1]!.interAgency, false);
  });

  test('forward across agencies (liên thông): hand-over recorded with the step\u2019s due time and on-time flag', () => {
    const base = run(large, [submitOnline(), accept()]);
    const s = run(large, [{ kind: 'forward', actor: specialist1, at: at('2026-03-06', '10:00') }], base).state;
    assert.deepEqual(s.location, { agency: CONSTRUCTION, step: 'so-xay-dung', role: 'specialist' });
    const h = s.handovers.at(-1)!;
    assert.deepEqual(h.from, { agency: WARD_1, step: 'tham-dinh' });
    assert.deepEqual(h.to, { agency: CONSTRUCTION, step: 'so-xay-dung' });
    assert.equal(h.interAgency, true);
    assert.equal(h.stepDueAt, at('2026-03-05', '09:00'));
    assert.equal(h.onTime, false, 'handed over a day after the step\u2019s 3-day budget');
    assert.equal(s.stepDueAt, computeDue(CAL_2026, at('2026-03-06', '10:00'), { unit: 'working-days', value: 5 }));
    // The commune no longer acts on it; the department does.
    assert.equal(
      refused(decide(large, s, { kind: 'forward', actor: specialist1, at: at('2026-03-06', '11:00') })).httpStatus,
      403,
    );
    assert.deepEqual(availableActions(large, s, constructionSpecialist), [
      'request_supplement',
      'request_payment',
      'claim',
      'forward',
    ]);
  });

  test('branches: the first that holds, or a holding branch the specialist picks; others 422', () => {
    const base = run(large, [submitOnline(), accept()]);
    const picked = run(
      large,
      [{ kind: 'forward', actor: specialist1, at: at('2026-03-03', '10:00'), params: { step: 'lanh-dao-xa' } }],
      base,
    ).state;
    assert.equal(picked.location.step, 'lanh-dao-xa');
    const bad = refused(
      decide(large, base.state, {
        kind: 'forward',
        actor: specialist1,
        at: at('2026-03-03', '10:00'),
        params: { step: 'lanh-dao-so' },
      }),
    );
    assert.equal(bad.httpStatus, 422);
    assert.equal(bad.issues?.[0]?.pointer, '/params/step');
    const smallBase = accepted();
    const notHolding = refused(
      decide(small, smallBase.state, {
        kind: 'forward',
        actor: specialist1,
        at: at('2026-03-03', '10:00'),
        params: { step: 'so-xay-dung' },
      }),
    );
    assert.equal(notHolding.code, 'branch-not-allowed');
  });

  test('the competent agency by condition', () => {
    const p = structuredClone(PERMIT);
    p.workflow.steps[1]!.agency = {
      cases: [{ when: { required: ['area'], properties: { area: { minimum: 1000 } } }, agency: { relative: 'owner' } }],
      otherwise: { kind: 'province-department', code: FINANCE },
    };
    const ctx = ctxFor({ fullName: 'A', area: 300 }, p);
    const s = run(ctx, [
      submitOnline(),
      accept(),
      { kind: 'forward', actor: specialist1, at: at('2026-03-03', '10:00') },
    ]).state;
    assert.equal(s.location.agency, FINANCE);
    const ctx2 = ctxFor({ fullName: 'A', area: 1200 }, p);
    assert.equal(
      run(ctx2, [submitOnline(), accept(), { kind: 'forward', actor: specialist1, at: at('2026-03-03', '10:00') }])
        .state.location.agency,
      CONSTRUCTION,
    );
  });

  test('external step: send, await, receive (idempotent on the reference), move on', () => {
    const atDept = run(large, [
      submitOnline(),
      accept(),
      { kind: 'forward', actor: specialist1, at: at('2026-03-03', '10:00') },
      { kind: 'forward', actor: constructionSpecialist, at: at('2026-03-04', '10:00') },
    ]);
    assert.equal(atDept.state.location.step, 'thue');
    assert.equal(
      refused(decide(large, atDept.state, { kind: 'forward', actor: financeSpecialist, at: at('2026-03-04', '11:00') }))
        .httpStatus,
      409,
    );
    assert.equal(
      refused(
        decide(large, atDept.state, {
          kind: 'receive_external',
          actor: taxSystem,
          at: at('2026-03-04', '11:00'),
          params: { ref: 'T-1' },
        }),
      ).code,
      'nothing-awaited',
    );
    const sent = run(
      large,
      [{ kind: 'send_external', actor: financeSpecialist, at: at('2026-03-04', '11:00'), params: { ref: 'T-1' } }],
      atDept,
    );
    assert.deepEqual(sent.state.external, {
      system: 'tax',
      step: 'thue',
      ref: 'T-1',
      sentAt: at('2026-03-04', '11:00'),
      receivedAt: null,
      result: null,
    });
    assert.equal(
      refused(
        decide(large, sent.state, {
          kind: 'send_external',
          actor: financeSpecialist,
          at: at('2026-03-04', '11:05'),
          params: { ref: 'T-2' },
        }),
      ).code,
      'awaiting-external',
    );
    assert.equal(
      refused(
        decide(large, sent.state, {
          kind: 'receive_external',
          actor: taxSystem,
          at: at('2026-03-05', '11:00'),
          params: { ref: 'T-9' },
        }),
      ).code,
      'external-ref-mismatch',
    );
    assert.equal(
      refused(
        decide(large, sent.state, {
          kind: 'receive_external',
          actor: applicant,
          at: at('2026-03-05', '11:00'),
          params: { ref: 'T-1' },
        }),
      ).httpStatus,
      403,
    );
    const got = run(
      large,
      [
        {
          kind: 'receive_external',
          actor: taxSystem,
          at: at('2026-03-05', '11:00'),
          params: { ref: 'T-1', result: { taxDue: 0 } },
        },
      ],
      sent,
    );
    assert.equal(got.state.location.step, 'lanh-dao-so');
    assert.deepEqual(got.state.external?.result, { taxDue: 0 });
    const again = decide(large, got.state, {
      kind: 'receive_external',
      actor: taxSystem,
      at: at('2026-03-05', '11:01'),
      params: { ref: 'T-1', result: { taxDue: 0 } },
    });
    assert.ok(again.ok);
    assert.deepEqual(again.events, []);
    assert.equal(again.state, got.state);
    // …even after the dossier is finished and closed.
    const done = run(
      large,
      [
        { kind: 'approve', actor: constructionLeader, at: at('2026-03-06', '10:00'), attachments: ['gp'] },
        { kind: 'return_result', actor: reception1, at: at('2026-03-06', '15:00') },
      ],
      got,
    ).state;
    const late = decide(large, done, {
      kind: 'receive_external',
      actor: taxSystem,
      at: at('2026-03-07', '10:00'),
      params: { ref: 'T-1' },
    });
    assert.ok(late.ok && late.events.length === 0);
  });

  test('external result may end with an outcome the step lists', () => {
    const sent = run(large, [
      submitOnline(),
      accept(),
      { kind: 'forward', actor: specialist1, at: at('2026-03-03', '10:00') },
      { kind: 'forward', actor: constructionSpecialist, at: at('2026-03-04', '10:00') },
      { kind: 'send_external', actor: financeSpecialist, at: at('2026-03-04', '11:00'), params: { ref: 'T-1' } },
    ]);
    assert.equal(
      refused(
        decide(large, sent.state, {
          kind: 'receive_external',
          actor: taxSystem,
          at: at('2026-03-05', '11:00'),
          params: { ref: 'T-1', outcome: 'approved' },
        }),
      ).code,
      'outcome-not-here',
    );
    const s = run(
      large,
      [
        {
          kind: 'receive_external',
          actor: taxSystem,
          at: at('2026-03-05', '11:00'),
          params: { ref: 'T-1', outcome: 'denied' },
          attachments: ['tb-thue'],
        },
      ],
      sent,
    ).state;
    assert.equal(s.status, 9);
    assert.equal(s.outcome, 'denied');
    assert.deepEqual(s.resultDocuments, ['tb-thue']);
  });

  test('approve/deny: at a step listing the outcome, with result documents; the dossier goes back to reception', () => {
    const s0 = run(small, [{ kind: 'forward', actor: specialist1, at: at('2026-03-03', '10:00') }], accepted());
    assert.equal(
      refused(
        decide(small, accepted().state, {
          kind: 'approve',
          actor: specialist1,
          at: at('2026-03-03', '10:00'),
          attachments: ['x'],
        }),
      ).httpStatus,
      409,
    );
    assert.equal(
      refused(
        decide(small, s0.state, {
          kind: 'approve',
          actor: specialist1,
          at: at('2026-03-04', '10:00'),
          attachments: ['x'],
        }),
      ).httpStatus,
      403,
    );
    const noDoc = refused(decide(small, s0.state, { kind: 'approve', actor: leader1, at: at('2026-03-04', '10:00') }));
    assert.equal(noDoc.httpStatus, 422);
    assert.equal(noDoc.issues?.[0]?.pointer, '/attachments');
    const noReason = refused(
      decide(small, s0.state, { kind: 'deny', actor: leader1, at: at('2026-03-04', '10:00'), attachments: ['tb'] }),
    );
    assert.equal(noReason.issues?.[0]?.pointer, '/comment');
    const s = run(
      small,
      [{ kind: 'approve', actor: leader1, at: at('2026-03-04', '10:00'), attachments: ['gp-01'] }],
      s0,
    ).state;
    assert.equal(s.status, 9);
    assert.equal(s.outcome, 'approved');
    assert.equal(s.resolvedAt, at('2026-03-04', '10:00'));
    assert.deepEqual(s.location, { agency: WARD_1, step: null, role: 'reception' });
    assert.deepEqual(s.handovers.at(-1)!.to, { agency: WARD_1, step: null });
    assert.equal(
      refused(decide(small, s, { kind: 'return_result', actor: leader1, at: at('2026-03-05', '10:00') })).httpStatus,
      403,
    );
    const r = run(small, [{ kind: 'return_result', actor: reception1, at: at('2026-03-05', '10:00') }], {
      state: s,
      events: [],
    }).state;
    assert.equal(r.status, 10);
    assert.equal(r.closed, true);
    assert.equal(r.returnedAt, at('2026-03-05', '10:00'));
  });
});

describe('withdrawal, extension, stop', () => {
  test('the applicant withdraws directly before acceptance', () => {
    const s = run(small, [submitOnline(), { kind: 'withdraw', actor: applicant, at: at('2026-03-02', '08:30') }]).state;
    assert.equal(s.status, 7);
    assert.equal(s.closed, true);
  });

  test('after acceptance: request (a flag), then staff withdraw', () => {
    const base = accepted();
    assert.equal(
      refused(decide(small, base.state, { kind: 'withdraw', actor: applicant, at: at('2026-03-03', '08:30') }))
        .httpStatus,
      403,
    );
    assert.equal(
      refused(decide(small, base.state, { kind: 'withdraw', actor: reception1, at: at('2026-03-03', '08:30') })).code,
      'withdrawal-not-requested',
    );
    assert.equal(
      refused(
        decide(small, base.state, { kind: 'request_withdrawal', actor: reception1, at: at('2026-03-03', '08:30') }),
      ).httpStatus,
      403,
    );
    const req = run(
      small,
      [
        {
          kind: 'request_withdrawal',
          actor: applicant,
          at: at('2026-03-03', '08:30'),
          params: { reason: 'Đổi thiết kế' },
        },
      ],
      base,
    );
    assert.equal(req.state.status, 2);
    assert.deepEqual(req.state.withdrawalRequest, { at: at('2026-03-03', '08:30'), reason: 'Đổi thiết kế' });
    assert.equal(
      refused(decide(small, req.state, { kind: 'request_withdrawal', actor: applicant, at: at('2026-03-03', '08:40') }))
        .code,
      'withdrawal-already-requested',
    );
    const w = run(small, [{ kind: 'withdraw', actor: specialist1, at: at('2026-03-03', '09:00') }], req).state;
    assert.equal(w.status, 7);
    assert.equal(w.withdrawnAt, at('2026-03-03', '09:00'));
  });

  test('extend: a leader of the current agency, to a later appointment', () => {
    const base = accepted();
    const due = base.state.dueAt!;
    const newDue = at('2026-03-27', '17:00');
    assert.equal(
      refused(
        decide(small, base.state, {
          kind: 'extend',
          actor: specialist1,
          at: at('2026-03-20', '10:00'),
          params: { newDueAt: newDue, reason: 'Chờ ý kiến' },
        }),
      ).httpStatus,
      403,
    );
    const early = refused(
      decide(small, base.state, {
        kind: 'extend',
        actor: leader1,
        at: at('2026-03-20', '10:00'),
        params: { newDueAt: due, reason: 'x' },
      }),
    );
    assert.equal(early.httpStatus, 422);
    assert.equal(early.issues?.[0]?.pointer, '/params/newDueAt');
    assert.equal(
      refused(
        decide(small, base.state, {
          kind: 'extend',
          actor: leader1,
          at: at('2026-03-20', '10:00'),
          params: { newDueAt: newDue, reason: '' },
        }),
      ).httpStatus,
      400,
    );
    // Due Mon 23 March 09:00: an apology must come before it (Decree 61/2018 art. 19).
    const late = refused(
      decide(small, base.state, {
        kind: 'extend',
        actor: leader1,
        at: at('2026-03-23', '09:01'),
        params: { newDueAt: newDue, reason: 'Chờ ý kiến cơ quan liên quan' },
      }),
    );
    assert.equal(late.httpStatus, 422);
    assert.equal(late.issues?.[0]?.code, 'apology-too-late');
    bilingual(late);
    const s = run(
      small,
      [
        {
          kind: 'extend',
          actor: leader1,
          at: at('2026-03-23', '09:00'),
          params: { newDueAt: newDue, reason: 'Chờ ý kiến cơ quan liên quan' },
        },
      ],
      base,
    ).state;
    assert.equal(s.dueAt, newDue);
    assert.deepEqual(
      s.extensions.map((e) => [e.previousDueAt, e.dueAt]),
      [[due, newDue]],
    );
    assert.equal(s.dueHistory.at(-1)!.cause, 'extend');
    assert.equal(s.status, 2);
    assert.equal(isOverdue(base.state, at('2026-03-24', '10:00')), true);
    assert.equal(isOverdue(s, at('2026-03-24', '10:00')), false);
  });

  test('a leader may stop processing at any time; a specialist may not', () => {
    const base = accepted();
    assert.equal(
      refused(
        decide(small, base.state, {
          kind: 'stop',
          actor: specialist1,
          at: at('2026-03-03', '10:00'),
          params: { reason: 'x' },
        }),
      ).httpStatus,
      403,
    );
    const s = run(
      small,
      [{ kind: 'stop', actor: leader1, at: at('2026-03-03', '10:00'), params: { reason: 'Có tranh chấp đất đai' } }],
      base,
    ).state;
    assert.equal(s.status, 8);
    assert.equal(s.stopReason, 'Có tranh chấp đất đai');
  });

  test('nothing happens before the latest event', () => {
    const base = accepted();
    const r = refused(decide(small, base.state, { kind: 'claim', actor: specialist1, at: at('2026-03-02', '08:59') }));
    assert.equal(r.httpStatus, 422);
    assert.equal(r.issues?.[0]?.pointer, '/at');
  });
});

describe('derived state', () => {
  test('replay of the events gives the state decide returned, without any context', () => {
    const { state, events } = run(large, [
      submitOnline(),
      accept(),
      { kind: 'claim', actor: specialist1, at: at('2026-03-02', '10:00') },
      {
        kind: 'request_supplement',
        actor: specialist1,
        at: at('2026-03-03', '10:00'),
        params: { items: [{ documentId: 'don', reason: 'Thiếu chữ ký' }], dueBy: at('2026-03-10', '17:00') },
      },
      { kind: 'supplement_provided', actor: applicant, at: at('2026-03-04', '10:00'), attachments: ['s1'] },
      { kind: 'accept_supplement', actor: specialist1, at: at('2026-03-05', '10:00') },
      { kind: 'forward', actor: specialist1, at: at('2026-03-05', '11:00') },
      { kind: 'forward', actor: constructionSpecialist, at: at('2026-03-06', '11:00') },
      { kind: 'send_external', actor: financeSpecialist, at: at('2026-03-06', '14:00'), params: { ref: 'X' } },
      { kind: 'receive_external', actor: taxSystem, at: at('2026-03-09', '14:00'), params: { ref: 'X' } },
      {
        kind: 'extend',
        actor: constructionLeader,
        at: at('2026-03-10', '14:00'),
        params: { newDueAt: at('2026-04-10', '17:00'), reason: 'Chờ' },
      },
      { kind: 'approve', actor: constructionLeader, at: at('2026-03-11', '14:00'), attachments: ['gp'] },
      { kind: 'return_result', actor: reception1, at: at('2026-03-12', '14:00') },
    ]);
    assert.deepEqual(replay(JSON.parse(JSON.stringify(events))), state);
    assert.equal(state.eventCount, events.length);
    assert.deepEqual(
      events.map((e) => e.seq),
      events.map((_, i) => i + 1),
    );
  });

  test('availableActions lists what each actor may do now', () => {
    const s1 = run(small, [submitOnline()]).state;
    assert.deepEqual(
      availableActions(small, s1, reception1),
      ['accept', 'refuse', 'request_supplement'],
      'withdraw needs the applicant\u2019s request',
    );
    assert.deepEqual(availableActions(small, s1, applicant), ['request_withdrawal', 'withdraw']);
    assert.deepEqual(availableActions(small, null, applicant), ['submit']);
    assert.deepEqual(availableActions(small, accepted().state, leader1), ['assign', 'stop', 'extend']);
    assert.deepEqual(availableActions(small, s1, staff('x', WARD_2, 'reception', 'leader')), []);
  });

  test('isOverdue: past the due instant while open; not once resolved', () => {
    const s = accepted().state;
    assert.equal(isOverdue(s, s.dueAt!), false);
    assert.equal(isOverdue(s, s.dueAt! + 1), true);
    const done = run(
      small,
      [
        { kind: 'forward', actor: specialist1, at: at('2026-03-24', '10:00') },
        { kind: 'approve', actor: leader1, at: at('2026-03-24', '11:00'), attachments: ['gp'] },
      ],
      { state: s, events: [] },
    ).state;
    assert.equal(isOverdue(done, at('2026-04-01', '10:00')), false);
  });

  test('a paused dossier whose pause began after its due stays overdue', () => {
    const s = run(
      small,
      [
        {
          kind: 'request_supplement',
          actor: specialist1,
          at: at('2026-03-24', '10:00'),
          params: { items: [{ reason: 'x' }], dueBy: at('2026-03-31', '10:00') },
        },
      ],
      accepted(),
    ).state;
    assert.equal(isOverdue(s, at('2026-03-25', '10:00')), true);
  });

  test('refusals name the current status in both languages', () => {
    const s = run(small, [submitOnline()]).state as DossierState;
    const r = refused(
      decide(small, s, { kind: 'approve', actor: leader1, at: at('2026-03-02', '09:00'), attachments: ['x'] }),
    );
    assert.equal(r.httpStatus, 409);
    assert.match(r.message.vi, /trạng thái 1 \(Mới đăng ký\)/);
    assert.match(r.message.en, /status 1 \(Newly submitted\)/);
  });
});

void WARD_2;
