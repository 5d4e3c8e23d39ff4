import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLUMNS, columnChoice, columnsOf } from './columns.ts';

test('columns: all by default, the code column always, unknown ids ignored, stored in table order', () => {
  assert.deepEqual([...columnsOf(null)], [...COLUMNS]);
  assert.deepEqual(columnChoice(columnsOf(['due', 'nonsense', 'applicant'])), ['code', 'applicant', 'due']);
  assert.deepEqual(columnChoice(columnsOf([])), ['code']);
});
