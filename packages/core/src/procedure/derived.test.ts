import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Procedure } from '../model/procedure.ts';
import { minimalProcedure } from '../testing/procedures.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { createInterpretedEvaluator } from '../conditions/interpreted-evaluator.ts';
import { addDays, zonedInstant } from '../working-time/zoned-time.ts';
import { ageInYears, computeDerived, withDerived } from './derived.ts';
import { computeFees } from './fees.ts';
import { requiredDocuments } from './documents.ts';
import { checkSubmission } from './submission-check.ts';
import { validateProcedure } from './validate-procedure.ts';

const VN = 'Asia/Ho_Chi_Minh';
const at = (date: string, time = '09:00') => zonedInstant(date, time, VN);

function withValues(): Procedure {
  const p = minimalProcedure();
  const props = (p.form.schema as { properties: Record<string, unknown> }).properties;
  props.birthDate = { type: 'string', format: 'date' };
  props.eventDate = { type: 'string', format: 'date' };
  props.members = { type: 'array', items: { type: 'string' } };
  p.derived = {
    daysSinceBirth: {
      kind: 'daysBetween',
      title: { vi: 'Số ngày từ khi sinh' },
      from: '/birthDate',
      to: '$submittedAt',
    },
    daysBetweenEvents: { kind: 'daysBetween', title: { vi: 'Khoảng cách' }, from: '/birthDate', to: '/eventDate' },
    age: { kind: 'ageInYears', title: { vi: 'Tuổi' }, of: '/birthDate' },
    memberCount: { kind: 'count', title: { vi: 'Số thành viên' }, of: '/members' },
  };
  return p;
}

test('days, age and count from the data and the submission day', () => {
  const p = withValues();
  const data = { fullName: 'An', birthDate: '2026-01-01', eventDate: '2026-01-31', members: ['a', 'b', 'c'] };
  assert.deepEqual(computeDerived(p, data, at('2026-04-01')), {
    daysSinceBirth: 90,
    daysBetweenEvents: 30,
    age: 0,
    memberCount: 3,
  });
  assert.deepEqual(computeDerived(p, { birthDate: '2000-04-02' }, at('2026-04-01')), {
    daysSinceBirth: 9495,
    age: 25,
    memberCount: 0,
  });
});

test('the submission day is the day in Vietnam, not in UTC', () => {
  const p = withValues();
  // 17:30 UTC on 1 March is 00:30 on 2 March in Vietnam.
  const late = Date.parse('2026-03-01T17:30:00Z');
  assert.equal(computeDerived(p, { birthDate: '2026-03-01' }, late).daysSinceBirth, 1);
  assert.equal(computeDerived(p, { birthDate: '2026-03-01' }, Date.parse('2026-03-01T16:59:59Z')).daysSinceBirth, 0);
});

test('a date-time in the data is read as its day in Vietnam', () => {
  const p = withValues();
  const v = computeDerived(p, { birthDate: '2026-01-01T23:30:00Z', eventDate: '2026-01-03' }, at('2026-01-03'));
  assert.equal(v.daysBetweenEvents, 1);
});

test('missing or malformed inputs leave the value out instead of guessing', () => {
  const p = withValues();
  const v = computeDerived(p, { birthDate: '2026-02-30', members: 'not a list' }, at('2026-04-01'));
  assert.deepEqual(v, {});
  assert.deepEqual(computeDerived(p, {}, at('2026-04-01')), { memberCount: 0 });
});

test('born on 29 February: a year older on 1 March of a common year', () => {
  assert.equal(ageInYears('2024-02-29', '2025-02-28'), 0);
  assert.equal(ageInYears('2024-02-29', '2025-03-01'), 1);
  assert.equal(ageInYears('2024-02-29', '2028-02-29'), 4);
});

test('withDerived replaces a $derived sent with the data and leaves other procedures untouched', () => {
  const p = withValues();
  const sent = { fullName: 'An', birthDate: '2026-01-01', $derived: { daysSinceBirth: 0, age: 99 } };
  const seen = withDerived(p, sent, at('2026-04-01')) as Record<string, unknown>;
  assert.deepEqual(seen.$derived, { daysSinceBirth: 90, age: 0, memberCount: 0 });
  assert.equal(sent.$derived.age, 99, 'the data itself is not changed');
  const plain = minimalProcedure();
  const data = { fullName: 'An' };
  assert.equal(withDerived(plain, data, at('2026-04-01')), data);
});

test('conditions, documents and fees use derived values, the same with every evaluator', () => {
  const p = withValues();
  const late = {
    properties: { $derived: { properties: { daysSinceBirth: { minimum: 61 } }, required: ['daysSinceBirth'] } },
  };
  p.fees.items = [
    { id: 'tre-han', title: { vi: 'Lệ phí quá hạn' }, kind: 'charge', amount: 8000, when: late },
    {
      id: 'moi-thanh-vien',
      title: { vi: 'Theo thành viên' },
      kind: 'fee',
      amount: 1000,
      per: { field: '/$derived/memberCount' },
    },
  ];
  p.documents[0]!.when = late;
  for (const evaluator of [createAjvEvaluator(), createInterpretedEvaluator()]) {
    const data = { fullName: 'An', birthDate: '2026-01-01', members: ['a', 'b'] };
    const lateData = withDerived(p, data, at('2026-04-01'));
    const onTime = withDerived(p, data, at('2026-02-01'));
    assert.equal(computeFees(p, lateData, evaluator).total, 10000);
    assert.equal(computeFees(p, onTime, evaluator).total, 2000);
    assert.equal(requiredDocuments(p, lateData, evaluator)[0]!.required, true);
    assert.equal(requiredDocuments(p, onTime, evaluator)[0]!.required, false);
    const missing = checkSubmission(p, { data, documents: {} }, evaluator, { submittedAt: at('2026-04-01') });
    assert.deepEqual(
      missing.map((i) => i.code),
      ['missing-document'],
    );
    assert.deepEqual(checkSubmission(p, { data, documents: {} }, evaluator, { submittedAt: at('2026-02-01') }), []);
  }
});

test('daysBetween counts calendar days in Vietnam whatever the hour of submission (property)', () => {
  const p = withValues();
  fc.assert(
    fc.property(
      fc.integer({ min: -20000, max: 40000 }),
      fc.integer({ min: 0, max: 2000 }),
      fc.integer({ min: 0, max: 24 * 60 - 1 }),
      (base, days, minute) => {
        const birthDate = addDays('1970-01-01', base);
        const submittedDay = addDays(birthDate, days);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const v = computeDerived(p, { birthDate, eventDate: submittedDay }, at(submittedDay, time));
        assert.equal(v.daysSinceBirth, days);
        assert.equal(v.daysBetweenEvents, days);
      },
    ),
  );
});

test('age grows by one exactly on each birthday and never falls (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -20000, max: 20000 }), fc.integer({ min: 0, max: 40000 }), (base, days) => {
      const born = addDays('1970-01-01', base);
      const day = addDays(born, days);
      const next = addDays(day, 1);
      const a = ageInYears(born, day);
      const b = ageInYears(born, next);
      assert.ok(a >= 0 && (b === a || b === a + 1));
      // Born on 29 February the step falls on 1 March in common years (tested above).
      if (born.slice(5) !== '02-29') assert.equal(b === a + 1, next.slice(5) === born.slice(5), `${born} → ${next}`);
      // Whole years between the same day of different years.
      assert.equal(ageInYears(born, born), 0);
    }),
  );
});

test('count is the length of the list (property)', () => {
  const p = withValues();
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 50 }), (members) => {
      assert.equal(computeDerived(p, { members }, at('2026-01-01')).memberCount, members.length);
    }),
  );
});

test('a definition checks its derived values and the names its conditions read', () => {
  const p = withValues();
  assert.deepEqual(validateProcedure(p).issues, []);
  p.derived!.age = { kind: 'ageInYears', title: { vi: 'Tuổi' }, of: '/members' };
  p.derived!.memberCount = { kind: 'count', title: { vi: 'Số' }, of: '/nowhere' };
  p.fees.items[0]!.when = { properties: { $derived: { properties: { daysSinceBrith: { minimum: 61 } } } } };
  p.fees.items[0]!.per = { field: '/$derived/nope' };
  const found = validateProcedure(p).issues.map((i) => `${i.pointer} ${i.code}`);
  assert.deepEqual(found.sort(), [
    '/derived/age/of field-type',
    '/derived/memberCount/of unknown-field',
    '/fees/items/0/per/field unknown-derived',
    '/fees/items/0/when unknown-derived',
  ]);
});

test('a derived name outside the pattern, or an unknown kind, is refused by the schema', () => {
  const p = withValues() as unknown as { derived: Record<string, unknown> };
  p.derived['bad name'] = { kind: 'count', title: { vi: 'x' }, of: '/members' };
  p.derived.other = { kind: 'sum', title: { vi: 'x' }, of: '/members' };
  const issues = validateProcedure(p).issues;
  assert.ok(issues.length >= 2, JSON.stringify(issues));
});
