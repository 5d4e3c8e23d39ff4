import type { DerivedDateOperand, DerivedValue, Procedure } from '../model/procedure.ts';
import { getAt } from '../model/json-pointer.ts';
import { localDate, parseDate, parseInstant } from '../working-time/zoned-time.ts';

/** The key under which conditions find the derived values in the data: `/$derived/<name>`. */
export const DERIVED_KEY = '$derived';

/** Dates in a procedure are Vietnamese dates: the submission day is the day in Vietnam. */
export const DERIVED_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The derived values of a procedure for `data` submitted at `submittedAt` (epoch milliseconds).
 * A value whose inputs are missing or malformed is left out, never 0 or a guess, so that a
 * condition that requires it does not hold and one that only bounds it is not fooled.
 */
export function computeDerived(procedure: Procedure, data: unknown, submittedAt: number): Record<string, number> {
  const out: Record<string, number> = {};
  const today = localDate(submittedAt, DERIVED_TIME_ZONE);
  for (const [name, value] of Object.entries(procedure.derived ?? {})) {
    const n = derivedValue(value, data, today);
    if (n !== null) out[name] = n;
  }
  return out;
}

/**
 * The data as conditions, documents and fees see it: a copy with `$derived` computed by core. A
 * `$derived` sent with the data is replaced, never trusted. A procedure without derived values
 * gets its data back untouched.
 */
export function withDerived(procedure: Procedure, data: unknown, submittedAt: number): unknown {
  if (!procedure.derived || Object.keys(procedure.derived).length === 0) return data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return { ...(data as Record<string, unknown>), [DERIVED_KEY]: computeDerived(procedure, data, submittedAt) };
}

/** The data without the `$derived` that `withDerived` added (the data itself when it has none). */
export function withoutDerived(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !Object.prototype.hasOwnProperty.call(data, DERIVED_KEY))
    return data;
  const { [DERIVED_KEY]: _derived, ...rest } = data as Record<string, unknown>;
  return rest;
}

function derivedValue(value: DerivedValue, data: unknown, today: string): number | null {
  switch (value.kind) {
    case 'daysBetween': {
      const from = dateOf(value.from, data, today);
      const to = dateOf(value.to, data, today);
      return from === null || to === null ? null : dayNumber(to) - dayNumber(from);
    }
    case 'ageInYears': {
      const born = dateOf(value.of, data, today);
      return born === null ? null : ageInYears(born, today);
    }
    case 'count': {
      const list = getAt(data, value.of);
      if (list === undefined || list === null) return 0;
      return Array.isArray(list) ? list.length : null;
    }
  }
}

/** The operand's day as 'YYYY-MM-DD': a form date, a date-time read in Vietnam, or the submission day. */
function dateOf(operand: DerivedDateOperand, data: unknown, today: string): string | null {
  if (operand === '$submittedAt') return today;
  const v = getAt(data, operand);
  if (typeof v !== 'string') return null;
  if (parseDate(v)) return v;
  if (v.length <= 10) return null;
  const instant = parseInstant(v, DERIVED_TIME_ZONE);
  return instant === null ? null : localDate(instant, DERIVED_TIME_ZONE);
}

function dayNumber(date: string): number {
  const { year, month, day } = parseDate(date)!;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole years; someone born on 29 February is a year older on 1 March of a common year. */
export function ageInYears(born: string, on: string): number {
  const b = parseDate(born)!;
  const d = parseDate(on)!;
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}
