import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenarios } from './run-scenario.ts';
import { exampleProcedures } from '../testing/procedures.ts';
import { demoEnvironment } from '../testing/province.ts';
import { validateProcedure } from '../procedure/validate-procedure.ts';

test('the example procedures carry test scenarios, and each passes in the demo province', () => {
  const env = demoEnvironment();
  for (const [name, p] of exampleProcedures()) {
    assert.ok((p.scenarios?.length ?? 0) > 0, `${name} has no scenario`);
    assert.deepEqual(validateProcedure(p).issues, [], name);
    for (const r of runScenarios(p, env)) {
      assert.deepEqual(
        r.mismatches.map((m) => m.message.en),
        [],
        `${name} / ${r.id}`,
      );
      assert.deepEqual(r.outcome.issues, [], `${name} / ${r.id}`);
    }
  }
});

test('a saved scenario catches a change of the rules: a higher charge fails it', () => {
  const env = demoEnvironment();
  const p = [...exampleProcedures().values()].find((x) => x.code === '1.001612')!;
  p.fees.items[0]!.amount = 150000;
  const [result] = runScenarios(p, env);
  assert.equal(result!.passed, false);
  assert.deepEqual(
    result!.mismatches.map((m) => m.what),
    ['feeTotal'],
  );
});
