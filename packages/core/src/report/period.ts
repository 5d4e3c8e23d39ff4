import type { Issue } from '../model/issue.ts';
import { addDays, isValidDate, localDate, zonedInstant } from '../working-time/index.ts';

/** An inclusive range of dates ('YYYY-MM-DD'), read in each agency's own zone. */
export interface Period {
  from: string;
  to: string;
}

export function validatePeriod(period: Period): Issue[] {
  const issues: Issue[] = [];
  for (const k of ['from', 'to'] as const) {
    if (typeof period?.[k] !== 'string' || !isValidDate(period[k])) {
      issues.push({
        pointer: `/${k}`,
        code: 'format',
        message: { vi: 'Phải là ngày có dạng YYYY-MM-DD', en: 'Must be a date (YYYY-MM-DD)' },
      });
    }
  }
  if (issues.length === 0 && period.from > period.to) {
    issues.push({
      pointer: '/to',
      code: 'period-order',
      message: {
        vi: 'Ngày kết thúc phải không sớm hơn ngày bắt đầu',
        en: 'The end date must not be before the start date',
      },
    });
  }
  return issues;
}

/** The first instant after `day` ends in `timeZone` (the next day's midnight). */
export function endOfDay(day: string, timeZone: string): number {
  return zonedInstant(addDays(day, 1), '00:00', timeZone);
}

export function dayOf(instant: number, timeZone: string): string {
  return localDate(instant, timeZone);
}
