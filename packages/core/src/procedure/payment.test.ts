import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedure, minimalProcedure } from '../testing/procedures.ts';
import { paymentInstructions } from './payment.ts';
import { PaymentViewSchema } from './result-schemas.ts';

test('the transfer reference carries the dossier code; the view matches its published schema', () => {
  const view = paymentInstructions(exampleProcedure('1.001193'), '000.20.01.H56-260302-0001');
  assert.ok(view?.bankTransfer);
  assert.equal(view.bankTransfer.content, 'LE PHI KHAI SINH 000.20.01.H56-260302-0001');
  assert.match(view.counter!.vi, /Bộ phận Một cửa/);
  assert.deepEqual(createAjvEvaluator().validate(PaymentViewSchema, view), []);
});

test('a definition that says nothing about paying gives no instructions', () => {
  assert.equal(paymentInstructions(minimalProcedure(), 'X'), null);
  const p = minimalProcedure();
  p.fees.payment = { counter: { vi: 'Tại quầy' } };
  assert.deepEqual(paymentInstructions(p, 'X'), { bankTransfer: null, counter: { vi: 'Tại quầy' }, note: null });
});
