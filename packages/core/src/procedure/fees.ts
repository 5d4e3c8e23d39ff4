import type { FeeItem, Procedure } from '../model/procedure.ts';
import type { LocalizedText, Message } from '../i18n/text.ts';
import type { FeeLine, FeeQuote } from './result-schemas.ts';
import type { Issue } from '../model/issue.ts';
import { type SchemaEvaluator, holds } from '../conditions/evaluator.ts';
import { getAt } from '../model/json-pointer.ts';
import { both, conditionLabel, formatVnd } from './reasons.ts';

/** Raised by `computeFees` when the data cannot give a quantity; `feeIssues` returns the same issues. */
export class FeeQuantityError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.pointer}: ${i.message.en}`).join('; '));
    this.name = 'FeeQuantityError';
  }
}

export type { FeeLine, FeeQuote } from './result-schemas.ts';

/**
 * What the applicant owes for `data`. Decisions: an item whose `when` does not hold does not
 * apply and is left out of the quote; an exempted item is listed with amount 0 and the exemption
 * (the first exemption whose condition holds), so that the receipt shows why nothing is owed; an
 * item multiplied by a field whose value is absent counts 0 units. A value that is not a
 * non-negative integer, or an amount beyond exact integer range, throws `FeeQuantityError` —
 * `validateApplicantData` reports these as issues first, so data that passed it never throws.
 */
export function computeFees(procedure: Procedure, data: unknown, evaluator: SchemaEvaluator): FeeQuote {
  const { lines, issues } = quote(procedure, data, evaluator);
  if (issues.length) throw new FeeQuantityError(issues);
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  return { collect: procedure.fees.collect, items: lines, total };
}

/** The problems that would make `computeFees` throw, as issues with pointers under "/data". */
export function feeIssues(procedure: Procedure, data: unknown, evaluator: SchemaEvaluator): Issue[] {
  return quote(procedure, data, evaluator).issues;
}

function quote(procedure: Procedure, data: unknown, evaluator: SchemaEvaluator): { lines: FeeLine[]; issues: Issue[] } {
  const lines: FeeLine[] = [];
  const issues: Issue[] = [];
  for (const item of procedure.fees.items) {
    if (!holds(evaluator, item.when, data)) continue;
    const q = quantityOf(item, data);
    if ('issue' in q) {
      issues.push(q.issue);
      continue;
    }
    const quantity = q.quantity;
    const gross = item.amount * quantity;
    if (!Number.isSafeInteger(gross)) {
      issues.push({
        pointer: `/data${item.per!.field}`,
        code: 'fee-overflow',
        message: {
          vi: `Số lượng quá lớn để tính "${item.title.vi}"`,
          en: `The quantity is too large to compute "${item.title.en || item.title.vi}"`,
        },
      });
      continue;
    }
    const exemption = item.exemptions?.find((x) => holds(evaluator, x.when, data)) ?? null;
    lines.push({
      id: item.id,
      title: item.title,
      kind: item.kind,
      unitAmount: item.amount,
      quantity,
      unit: item.per?.unit ?? null,
      amount: exemption ? 0 : gross,
      exemption: exemption ? { id: exemption.id, title: exemption.title } : null,
      reason: exemption ? exemptReason(exemption.title) : chargedReason(item, quantity),
    });
  }
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  if (!Number.isSafeInteger(total)) {
    issues.push({
      pointer: '/data',
      code: 'fee-overflow',
      message: { vi: 'Tổng phí vượt quá giới hạn tính toán', en: 'The total fee exceeds the computable range' },
    });
  }
  return { lines, issues };
}

function quantityOf(item: FeeItem, data: unknown): { quantity: number } | { issue: Issue } {
  if (!item.per) return { quantity: 1 };
  const value = getAt(data, item.per.field);
  if (value === undefined || value === null) return { quantity: 0 };
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return { quantity: value };
  return {
    issue: {
      pointer: `/data${item.per.field}`,
      code: 'fee-quantity',
      message: {
        vi: `Số lượng để tính "${item.title.vi}" phải là số nguyên không âm`,
        en: `The quantity for "${item.title.en || item.title.vi}" must be a non-negative integer`,
      },
    },
  };
}

function exemptReason(title: LocalizedText): Message {
  const t = both(title);
  return { vi: `Được miễn: ${t.vi}`, en: `Exempted: ${t.en}` };
}

function chargedReason(item: FeeItem, quantity: number): Message {
  const money = formatVnd(item.amount);
  let base: Message;
  if (item.per) {
    const unit = item.per.unit ? both(item.per.unit) : { vi: 'đơn vị', en: 'unit(s)' };
    base =
      quantity === 0
        ? {
            vi: `${money.vi} × 0 ${unit.vi} (chưa khai số lượng)`,
            en: `${money.en} × 0 ${unit.en} (no quantity given)`,
          }
        : { vi: `${money.vi} × ${quantity} ${unit.vi}`, en: `${money.en} × ${quantity} ${unit.en}` };
  } else {
    base = { vi: `Mức thu ${money.vi}`, en: `Fixed amount of ${money.en}` };
  }
  const label = conditionLabel(item.when);
  return label ? { vi: `${base.vi}; áp dụng khi: ${label.vi}`, en: `${base.en}; applies when: ${label.en}` } : base;
}
