import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, computeFees, feeIssues, FeeQuantityError, formatVnd, FeeQuoteSchema, withDerived } from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { everyConditionProcedure, exampleProcedure, minimalProcedure } from '../testing/procedures.ts';

const ev = createAjvEvaluator();
const birth = exampleProcedure('1.001193');
const SUBMITTED = Date.parse('2026-03-10T09:00:00+07:00');
/** Birth registration data filed on 10 March 2026, `daysOld` days after the birth, as conditions see it. */
const births = (daysOld: number, rest: Record<string, unknown>) =>
  withDerived(birth, { child: { birthDate: addDays('2026-03-10', -daysOld) }, ...rest }, SUBMITTED);

describe('computeFees', () => {
  test('birth registration within 60 days of the birth is free: the charge is listed with its exemption', () => {
    const quote = computeFees(birth, births(60, { feeExemptionGroup: 'khong', extractCopies: 0 }), ev);
    assert.equal(quote.collect, 'before');
    assert.equal(quote.total, 0);
    assert.equal(quote.items.length, 1);
    const [line] = quote.items;
    assert.deepEqual(
      {
        id: line!.id,
        unitAmount: line!.unitAmount,
        quantity: line!.quantity,
        amount: line!.amount,
        exemption: line!.exemption?.id,
      },
      { id: 'le-phi-khai-sinh', unitAmount: 8000, quantity: 1, amount: 0, exemption: 'dung-han' },
    );
    assert.equal(line!.reason.vi, 'Được miễn: Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)');
    assert.equal(line!.reason.en, 'Exempted: Registration on time (within 60 days of birth)');
  });

  test('registration on the 61st day pays the charge; extra extract copies are charged per copy', () => {
    const quote = computeFees(birth, births(61, { feeExemptionGroup: 'khong', extractCopies: 3 }), ev);
    assert.deepEqual(
      quote.items.map((l) => [l.id, l.quantity, l.amount]),
      [
        ['le-phi-khai-sinh', 1, 8000],
        ['phi-ban-sao-trich-luc', 3, 24000],
      ],
    );
    assert.equal(quote.total, 32000);
    assert.deepEqual(quote.items[0]!.reason, { vi: 'Mức thu 8.000 đồng', en: 'Fixed amount of 8,000 VND' });
    assert.deepEqual(quote.items[1]!.reason, {
      vi: '8.000 đồng × 3 bản sao; áp dụng khi: đề nghị cấp thêm bản sao',
      en: '8,000 VND × 3 copies; applies when: extra copies are requested',
    });
    assert.deepEqual(quote.items[1]!.unit, { vi: 'bản sao', en: 'copies' });
  });

  test('a late registration by a poor household is exempted by the second exemption', () => {
    const quote = computeFees(birth, births(90, { feeExemptionGroup: 'ho-ngheo', extractCopies: 0 }), ev);
    assert.equal(quote.total, 0);
    assert.equal(quote.items[0]!.exemption!.id, 'doi-tuong-uu-tien');
  });

  test('the first exemption that holds wins', () => {
    const quote = computeFees(birth, births(0, { feeExemptionGroup: 'ho-ngheo' }), ev);
    assert.equal(quote.items[0]!.exemption!.id, 'dung-han');
  });

  test('fixed fees of the other examples', () => {
    assert.equal(computeFees(exampleProcedure('1.001612'), {}, ev).total, 100000);
    const permit = computeFees(exampleProcedure('1.013225'), {}, ev);
    assert.deepEqual([permit.collect, permit.total], ['after', 75000]);
  });

  test('a per-field item with no value counts zero units', () => {
    const p = everyConditionProcedure();
    p.fees.items[0]!.when = undefined;
    const quote = computeFees(p, {}, ev);
    assert.deepEqual(
      quote.items.map((l) => [l.quantity, l.amount]),
      [[0, 0]],
    );
    assert.match(quote.items[0]!.reason.en, /no quantity given/);
  });

  test('quantities that are not non-negative integers are issues, and computeFees throws them', () => {
    const p = minimalProcedure();
    p.fees.items[0]!.per = { field: '/copies' };
    for (const copies of [2.5, -1, '3', true]) {
      const issues = feeIssues(p, { copies }, ev);
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/data/copies', 'fee-quantity']],
        String(copies),
      );
      assert.throws(
        () => computeFees(p, { copies }, ev),
        (e: unknown) => e instanceof FeeQuantityError && e.issues[0]!.pointer === '/data/copies',
      );
    }
    assert.deepEqual(feeIssues(p, { copies: 4 }, ev), []);
    assert.equal(computeFees(p, { copies: 4 }, ev).total, 200000);
  });

  test('amounts beyond exact integers are refused', () => {
    const p = minimalProcedure();
    p.fees.items[0]!.per = { field: '/copies' };
    assert.deepEqual(
      feeIssues(p, { copies: Number.MAX_SAFE_INTEGER }, ev).map((i) => i.code),
      ['fee-overflow'],
    );
  });

  test('property: the total is the sum of integer lines, exempted lines are 0, non-applicable items are left out', () => {
    fc.assert(
      fc.property(
        fc.record({
          daysOld: fc.integer({ min: 0, max: 400 }),
          feeExemptionGroup: fc.constantFrom('khong', 'co-cong', 'ho-ngheo', 'khuyet-tat'),
          extractCopies: fc.integer({ min: 0, max: 10 }),
        }),
        (data) => {
          const { daysOld, ...answers } = data;
          const q = computeFees(birth, births(daysOld, answers), ev);
          assert.deepEqual(ev.validate(FeeQuoteSchema, q), [], 'the quote matches its published schema');
          assert.equal(
            q.total,
            q.items.reduce((s, l) => s + l.amount, 0),
          );
          for (const l of q.items) {
            assert.ok(Number.isSafeInteger(l.amount) && l.amount >= 0);
            assert.equal(l.amount, l.exemption ? 0 : l.unitAmount * l.quantity);
          }
          assert.equal(
            q.items.some((l) => l.id === 'phi-ban-sao-trich-luc'),
            data.extractCopies > 0,
          );
          const charge = q.items.find((l) => l.id === 'le-phi-khai-sinh')!;
          assert.equal(charge.amount === 0, daysOld <= 60 || data.feeExemptionGroup !== 'khong');
        },
      ),
      { numRuns: 300 },
    );
  });
});

test('formatVnd groups digits per language', () => {
  assert.deepEqual(formatVnd(1250000), { vi: '1.250.000 đồng', en: '1,250,000 VND' });
  assert.deepEqual(formatVnd(0), { vi: '0 đồng', en: '0 VND' });
  assert.deepEqual(formatVnd(999), { vi: '999 đồng', en: '999 VND' });
});
