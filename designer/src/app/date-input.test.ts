import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTypedDate } from './date-input.ts';

test('a typed date is read day first whatever the language; no date, or one too early, says why', () => {
  assert.deepEqual(readTypedDate('01/07/2026', 'en'), { date: '2026-07-01', error: '' });
  assert.deepEqual(readTypedDate('1-7-2026', 'vi'), { date: '2026-07-01', error: '' });
  assert.match(readTypedDate('07/31/2026', 'en').error, /day\/month\/year/);
  assert.match(readTypedDate('31/02/2026', 'vi').error, /ngày\/tháng\/năm/);
  assert.match(readTypedDate('30/06/2026', 'vi', '2026-07-01').error, /01\/07\/2026 trở đi/);
  assert.deepEqual(readTypedDate('', 'vi'), { error: '' });
  assert.equal(readTypedDate(' ', 'en', undefined, true).error, 'Enter a date');
});
