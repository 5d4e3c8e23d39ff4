import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  computeFees,
  conditionSchemas,
  createPrecompiledEvaluator,
  withDerived,
  type CompiledValidator,
  type Procedure,
} from '@motcua/core';
import { compileValidatorModule } from './index.ts';

const birth = JSON.parse(
  readFileSync(new URL('../../../examples/procedures/1.001193-dang-ky-khai-sinh.json', import.meta.url), 'utf8'),
) as Procedure;

test('conditions on derived values compile into the module and decide the fee in the browser as on the server', async () => {
  const source = await compileValidatorModule(conditionSchemas(birth).map((c) => c.schema));
  const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
  const mod = (await import(url)) as { validators: Record<string, CompiledValidator> };
  const evaluator = createPrecompiledEvaluator(mod.validators);
  const filed = Date.parse('2026-03-03T09:00:00+07:00');
  const charge = (birthDate: string) =>
    computeFees(birth, withDerived(birth, { child: { birthDate }, feeExemptionGroup: 'khong' }, filed), evaluator)
      .total;
  assert.equal(charge('2026-01-02'), 0, 'the 60th day is on time');
  assert.equal(charge('2026-01-01'), 8000, 'the 61st day is late');
});
