import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SATISFACTION_CRITERIA, summariseRatings, validateRating, type SatisfactionRating } from './satisfaction.ts';

const all = (s: 0 | 1 | 2) =>
  Object.fromEntries(SATISFACTION_CRITERIA.map((c) => [c, s])) as SatisfactionRating['scores'];

test('a rating: nine criteria 0–2, two levels, an optional comment; every problem named by path', () => {
  const ok: SatisfactionRating = { scores: all(2), convenience: 'satisfied', overall: 'very-satisfied', comment: null };
  assert.deepEqual(validateRating(ok), []);
  const bad = validateRating({
    scores: { ...all(1), attitude: 3, extra: 1 },
    convenience: 'ok',
    overall: 'satisfied',
    comment: 'x'.repeat(2001),
    clerk: 'a',
  });
  assert.deepEqual(bad.map((i) => i.pointer).sort(), [
    '/clerk',
    '/comment',
    '/convenience',
    '/scores/attitude',
    '/scores/extra',
  ]);
  for (const i of bad) assert.ok(i.message.vi && i.message.en);
  assert.deepEqual(
    validateRating(null).map((i) => i.pointer),
    [''],
  );
});

test('summary: counts by overall level and mean per criterion (hand-computed)', () => {
  const r = (s: 0 | 1 | 2, overall: SatisfactionRating['overall']): SatisfactionRating => ({
    scores: all(s),
    convenience: 'satisfied',
    overall,
    comment: null,
  });
  const s = summariseRatings([r(2, 'very-satisfied'), r(1, 'satisfied'), r(0, 'dissatisfied')]);
  assert.equal(s.total, 3);
  assert.deepEqual(s.overall, { 'very-satisfied': 1, satisfied: 1, dissatisfied: 1 });
  assert.equal(s.dissatisfied, 1);
  assert.equal(s.criteria.attitude, 1, '(2 + 1 + 0) / 3');
  assert.equal(summariseRatings([]).criteria.totalTime, null);
});
