import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provinceToday } from './province-today.ts';

test('a new procedure starts on the province’s date, not the UTC one', () => {
  // 18:30 UTC on 4 December is 01:30 on 5 December in Vietnam.
  assert.equal(provinceToday(Date.parse('2026-12-04T18:30:00Z')), '2026-12-05');
  assert.equal(provinceToday(Date.parse('2026-12-04T16:59:59Z')), '2026-12-04');
});
