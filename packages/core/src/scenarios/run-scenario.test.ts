import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runScenario, runScenarios, expectationOf } from './run-scenario.ts';
import { whatHappens, type ScenarioEnvironment } from './what-happens.ts';
import { exampleProcedure } from '../testing/procedures.ts';
import { CAL_2026, directory, evaluator, PERMIT, WARD_1, CONSTRUCTION } from '../workflow/testing/fixtures.ts';
import type { TestScenario } from '../model/procedure.ts';
import { validateProcedure } from '../procedure/validate-procedure.ts';
import { createInterpretedEvaluator } from '../conditions/interpreted-evaluator.ts';
import { addDays } from '../working-time/zoned-time.ts';

const env: ScenarioEnvironment = { evaluator, directory, calendarOf: () => CAL_2026 };

const birth = exampleProcedure('1.001193');

test('what happens to a birth registration: documents, fees, agency, route and due date by core', () => {
  const outcome = whatHappens(
    birth,
    {
      data: { birthEvidence: 'giay-chung-sinh', extractCopies: 2 },
      // Monday 2 March 2026, 09:00 in Hà Nội: before the 15:00 cut-off, due at the end of that day.
      submittedAt: '2026-03-02T02:00:00Z',
      channel: 'online',
      agency: WARD_1,
    },
    env,
  );
  assert.deepEqual(outcome.issues, []);
  assert.ok(outcome.documents.includes('giay-chung-sinh'));
  assert.ok(!outcome.documents.includes('van-ban-lam-chung'));
  assert.equal(outcome.fees!.total, 8000 + 2 * 8000);
  assert.equal(outcome.receiving, WARD_1);
  assert.deepEqual(
    outcome.route.map((r) => [r.step, r.agency]),
    [
      ['tham-dinh', WARD_1],
      ['ky-duyet', WARD_1],
    ],
  );
  assert.equal(outcome.dueAt, '2026-03-02T10:00:00.000Z'); // 17:00 local
  assert.equal(outcome.paymentBeforeAcceptance, true);
});

test('a route forwards between agencies and the step budgets are chained on the calendar', () => {
  const outcome = whatHappens(
    PERMIT,
    { data: { area: 300 }, submittedAt: '2026-03-02T02:00:00Z', channel: 'direct', agency: WARD_1 },
    env,
  );
  assert.ok(
    outcome.route.some((r) => r.agency === CONSTRUCTION),
    JSON.stringify(outcome.route),
  );
  const planned = outcome.route.map((r) => r.plannedDueAt).filter((x) => x !== null);
  assert.deepEqual([...planned].sort(), planned, 'planned step ends are in order');
});

test('a saved scenario passes, and a wrong expectation is reported with its pointer', () => {
  const scenario: TestScenario = {
    id: 'sinh-tai-benh-vien',
    title: { vi: 'Sinh tại bệnh viện' },
    data: { birthEvidence: 'giay-chung-sinh' },
    submittedAt: '2026-03-02T09:00:00+07:00',
    channel: 'online',
    agency: WARD_1,
    expect: {},
  };
  scenario.expect = expectationOf(whatHappens(birth, scenario, env));
  const p = { ...birth, scenarios: [scenario] };
  assert.equal(validateProcedure(p).valid, true, JSON.stringify(validateProcedure(p).issues));
  assert.deepEqual(
    runScenarios(p, env).map((r) => r.passed),
    [true],
  );
  const wrong = { ...scenario, expect: { ...scenario.expect, feeTotal: 1, dueAt: '2026-03-02T17:00:00+07:00' } };
  const r = runScenario({ ...birth, scenarios: [wrong] }, wrong, env);
  assert.equal(r.passed, false);
  assert.deepEqual(
    r.mismatches.map((m) => m.pointer),
    ['/scenarios/0/expect/feeTotal'],
  );
  assert.match(r.mismatches[0]!.message.vi, /mong đợi 1, tính ra 8000/);
});

test('problems are reported, never thrown: an unknown agency, a bad instant', () => {
  const outcome = whatHappens(birth, { data: {}, submittedAt: 'soon', channel: 'online', agency: 'X' }, env);
  assert.deepEqual(
    outcome.issues.map((i) => i.pointer),
    ['/submittedAt', '/agency'],
  );
  assert.equal(outcome.dueAt, null);
});

test('property: the expectation computed from an outcome always passes, with either evaluator', () => {
  const interpreted = { ...env, evaluator: createInterpretedEvaluator() };
  const data = fc.record(
    {
      birthEvidence: fc.constantFrom('giay-chung-sinh', 'nguoi-lam-chung', 'cam-doan'),
      extractCopies: fc.integer({ min: 0, max: 5 }),
      child: fc.record({ birthDate: fc.integer({ min: 0, max: 400 }).map((d) => addDays('2026-01-01', d)) }),
      feeExemptionGroup: fc.constantFrom('co-cong', 'ho-ngheo', 'khac'),
    },
    { requiredKeys: [] },
  );
  const instant = fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) })
    .map((t) => new Date(t).toISOString());
  fc.assert(
    fc.property(data, instant, (d, submittedAt) => {
      const s: TestScenario = {
        id: 's',
        title: { vi: 's' },
        data: d,
        submittedAt,
        channel: 'online',
        agency: WARD_1,
        expect: {},
      };
      s.expect = expectationOf(whatHappens(birth, s, env));
      assert.ok(runScenario(birth, s, env).passed);
      assert.ok(runScenario(birth, s, interpreted).passed, 'the in-browser evaluator computes the same');
    }),
    { numRuns: 60 },
  );
});

test('validateProcedure checks scenarios and named conditions', () => {
  const scenario: TestScenario = {
    id: 's',
    title: { vi: 's' },
    data: {},
    submittedAt: '2026-03-02T09:00:00+07:00',
    channel: 'direct',
    expect: { documents: ['khong-co'], route: [{ step: 'khong-co', agency: WARD_1 }] },
  };
  const named = { id: 'c', title: { vi: 'c' }, when: { properties: { a: { constt: 1 } } } };
  const v = validateProcedure({ ...birth, scenarios: [scenario, scenario], conditions: [named] });
  assert.deepEqual(v.issues.map((i) => i.pointer).sort(), [
    '/conditions/0/when/properties/a/constt',
    '/scenarios/0/expect/documents/0',
    '/scenarios/0/expect/route/0/step',
    '/scenarios/1/expect/documents/0',
    '/scenarios/1/expect/route/0/step',
    '/scenarios/1/id',
  ]);
});
