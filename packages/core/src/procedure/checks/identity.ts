import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

/**
 * National procedure codes (Cơ sở dữ liệu quốc gia về TTHC) are a digit, a dot and six digits
 * ("1.001193"); a locally published variant may append the agency code ("1.001193.000.00.00.H56").
 */
export const NATIONAL_CODE = /^[0-9]\.[0-9]{6}(\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})?$/;

export function checkIdentity(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  if (!NATIONAL_CODE.test(p.code)) {
    issues.push(
      issue(
        '/code',
        'national-code',
        `Mã thủ tục "${p.code}" không đúng dạng mã quốc gia (ví dụ 1.001193, hoặc 1.001193.000.00.00.H56)`,
        `Procedure code "${p.code}" is not a national code (e.g. 1.001193, or 1.001193.000.00.00.H56)`,
      ),
    );
  }
  if (p.effectiveUntil !== undefined && p.effectiveUntil < p.effectiveFrom) {
    issues.push(
      issue(
        '/effectiveUntil',
        'effective-dates',
        `Ngày hết hiệu lực ${p.effectiveUntil} trước ngày có hiệu lực ${p.effectiveFrom}`,
        `Effective-until date ${p.effectiveUntil} is before the effective-from date ${p.effectiveFrom}`,
      ),
    );
  }
  return issues;
}
