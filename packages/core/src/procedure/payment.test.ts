import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedure, minimalProcedure } from '../testing/procedures.ts';
import { paymentDue, paymentInstructions } from './payment.ts';
import { PaymentDueSchema, PaymentViewSchema, type FeeQuote } from './result-schemas.ts';

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

const quote = (amounts: number[]): FeeQuote => ({
  collect: 'before',
  items: amounts.map((amount, i) => ({
    id: `k${i}`,
    title: { vi: `Khoản ${i}` },
    kind: 'charge',
    unitAmount: amount,
    quantity: 1,
    unit: null,
    amount,
    exemption: null,
    reason: { vi: '', en: '' },
  })),
  total: amounts.reduce((a, b) => a + b, 0),
});

test('what is due: the items that cost something, the total and the definition\u2019s ways to pay', () => {
  const due = paymentDue(exampleProcedure('1.001193'), 'C-1', quote([8000, 0, 16000]), false);
  assert.ok(due);
  assert.deepEqual(
    due.items.map((i) => [i.id, i.title, i.amount]),
    [
      ['k0', { vi: 'Khoản 0', en: 'Khoản 0' }, 8000],
      ['k2', { vi: 'Khoản 2', en: 'Khoản 2' }, 16000],
    ],
  );
  assert.equal(due.total, 24000);
  assert.equal(due.bankTransfer?.content, 'LE PHI KHAI SINH C-1');
  assert.deepEqual(createAjvEvaluator().validate(PaymentDueSchema, due), []);
});

test('nothing is due when the quote is 0 or the fees are settled; no instructions still say the amount', () => {
  assert.equal(paymentDue(exampleProcedure('1.001193'), 'C-1', quote([0]), false), null);
  assert.equal(paymentDue(exampleProcedure('1.001193'), 'C-1', quote([8000]), true), null);
  const bare = paymentDue(minimalProcedure(), 'C-1', quote([5000]), false);
  assert.deepEqual(
    { total: bare?.total, bankTransfer: bare?.bankTransfer, counter: bare?.counter, note: bare?.note },
    { total: 5000, bankTransfer: null, counter: null, note: null },
  );
});
