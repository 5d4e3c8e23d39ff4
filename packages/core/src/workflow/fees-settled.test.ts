import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feesSettled } from './fees-settled.ts';
import { applicant, at, ctxFor, reception1, run, system, WARD_1 } from './testing/fixtures.ts';

const ctx = ctxFor({ fullName: 'Nguyễn Thị Ngọc Ánh', area: 120 });
const t = at('2026-03-02', '08:00');

test('fees owed online stay unsettled until the payment is recorded', () => {
  const { state } = run(ctx, [
    { kind: 'submit', actor: applicant, at: t, params: { channel: 'online', agency: WARD_1, feesOwed: 75_000 } },
  ]);
  assert.equal(feesSettled(state), false);
  const paid = run(
    ctx,
    [{ kind: 'payment_recorded', actor: system, at: t + 60_000, params: { amount: 75_000, reference: 'P1' } }],
    { state, events: [] },
  );
  assert.equal(feesSettled(paid.state), true);
});

test('nothing owed, paid at the counter on acceptance, or a closed dossier: settled', () => {
  const free = run(ctx, [
    { kind: 'submit', actor: applicant, at: t, params: { channel: 'online', agency: WARD_1, feesOwed: 0 } },
  ]);
  assert.equal(feesSettled(free.state), true);
  const counter = run(ctx, [
    { kind: 'submit', actor: reception1, at: t, params: { channel: 'direct', feesOwed: 75_000 } },
  ]);
  assert.equal(feesSettled(counter.state), true);
  const owed = run(ctx, [
    { kind: 'submit', actor: applicant, at: t, params: { channel: 'online', agency: WARD_1, feesOwed: 75_000 } },
  ]);
  assert.equal(feesSettled({ ...owed.state, closed: true }), true);
});
