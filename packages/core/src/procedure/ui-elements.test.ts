import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleFromCondition, uiElements } from './ui-elements.ts';
import { minimalProcedure } from '../testing/procedures.ts';
import { validateProcedure } from './validate-procedure.ts';
import { conditionUses } from './condition-uses.ts';

test('uiElements lists the fields and pages a rule can go on, labelled; a rule from a condition validates', () => {
  const p = minimalProcedure();
  const elements = uiElements(p.form);
  assert.deepEqual(
    elements.map((e) => [e.pointer, e.type, e.label.en]),
    [
      ['/form/uischema/elements/0', 'Control', 'Full name'],
      ['/form/uischema/elements/1', 'Control', 'ID number'],
    ],
  );
  const when = { properties: { copies: { minimum: 1 } }, required: ['copies'] };
  (p.form.uischema.elements![1]! as { rule?: unknown }).rule = ruleFromCondition(when);
  assert.deepEqual(validateProcedure(p).issues, []);
  assert.equal(uiElements(p.form)[1]!.rule, 'SHOW');
  assert.deepEqual(
    conditionUses(p, when).map((u) => [u.pointer, u.label.vi]),
    [['/form/uischema/elements/1/rule/condition/schema', 'Hiển thị trên tờ khai: Số định danh']],
  );
});
