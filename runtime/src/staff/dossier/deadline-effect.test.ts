import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineEffect } from './deadline-effect.ts';

const running = { status: 4, dueAt: '2026-03-10T10:00:00Z', pausedSince: null };
const paused = { status: 5, dueAt: '2026-03-10T10:00:00Z', pausedSince: '2026-03-03T02:00:00Z' };
const fresh = { status: 1, dueAt: null, pausedSince: null };

test('the deadline effect of an action, before it is confirmed', () => {
  assert.equal(deadlineEffect('accept', fresh, {}).key, 'effectStarts');
  assert.equal(deadlineEffect('request_supplement', running, {}).key, 'effectPauses');
  assert.equal(deadlineEffect('request_supplement', fresh, {}).key, 'effectNone', 'no clock before acceptance');
  assert.equal(deadlineEffect('accept_supplement', paused, {}).key, 'effectResumes');
  assert.equal(deadlineEffect('payment_recorded', running, {}).key, 'effectNone');
  const to = Date.parse('2026-03-20T10:00:00Z');
  assert.deepEqual(deadlineEffect('extend', running, { newDueAt: to }), {
    key: 'effectMoves',
    from: Date.parse('2026-03-10T10:00:00Z'),
    to,
  });
  assert.equal(deadlineEffect('approve', running, {}).key, 'effectEnds');
  assert.equal(deadlineEffect('claim', running, {}).key, 'effectNone');
});
