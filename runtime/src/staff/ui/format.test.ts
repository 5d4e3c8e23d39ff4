import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueState, epochToLocalInput, formatMoney, localInputToEpoch } from './format.ts';

const at = (iso: string) => Date.parse(iso);

test('dueState: days counted on Vietnam calendar days, with two severity levels', () => {
  const now = at('2026-03-02T09:00:00+07:00');
  assert.deepEqual(dueState('2026-03-10T17:00:00+07:00', now), { days: 8, severity: 'ok' });
  assert.deepEqual(dueState('2026-03-04T08:00:00+07:00', now), { days: 2, severity: 'soon' });
  // Late in the evening UTC is already the next day in Vietnam.
  assert.deepEqual(dueState('2026-03-02T18:00:00Z', now), { days: 1, severity: 'soon' });
  assert.deepEqual(dueState('2026-03-02T08:00:00+07:00', now), { days: 0, severity: 'overdue' });
  assert.deepEqual(dueState('2026-02-27T17:00:00+07:00', now), { days: -3, severity: 'overdue' });
  assert.equal(dueState('2026-03-20T17:00:00+07:00', now, true)!.severity, 'overdue', 'the server says overdue');
  assert.equal(dueState(null, now), null);
  assert.equal(dueState('not a date', now), null);
});

test('datetime-local values are Vietnam wall-clock time', () => {
  const ms = localInputToEpoch('2026-03-10T17:00')!;
  assert.equal(new Date(ms).toISOString(), '2026-03-10T10:00:00.000Z');
  assert.equal(epochToLocalInput(ms), '2026-03-10T17:00');
  assert.equal(localInputToEpoch('10/03/2026'), null);
});

test('money in đồng, both languages', () => {
  assert.equal(formatMoney(8000, 'vi'), '8.000 đ');
  assert.equal(formatMoney(1250000, 'en'), '1,250,000 VND');
});
