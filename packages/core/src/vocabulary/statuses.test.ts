import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_CODES } from './statuses.ts';
import { statusMeaning } from './status-meaning.ts';

test('every status has a meaning for the applicant; a returned result is done, never a failure', () => {
  for (const code of STATUS_CODES) assert.ok(statusMeaning(code));
  assert.equal(statusMeaning(10), 'done');
  assert.equal(statusMeaning(4), 'in-progress');
  assert.equal(statusMeaning(5), 'needs-you');
  assert.equal(statusMeaning(6), 'needs-you', 'payment requested: the applicant must pay');
  assert.equal(statusMeaning(9), 'needs-you', 'result ready: the applicant collects it');
  assert.equal(statusMeaning(3), 'closed');
});
