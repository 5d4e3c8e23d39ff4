import { Value } from '@sinclair/typebox/value';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { Issue } from '../model/issue.ts';
import type { Message } from '../i18n/text.ts';
import { schemaErrorMessage } from '../conditions/validation-messages.ts';
import { formatPointer } from '../model/json-pointer.ts';
import { CalendarSchema, DATE_PATTERN, TIME_PATTERN, type Calendar } from './calendar-schema.ts';
import { isValidDate, isValidTimeZone, parseTime } from './zoned-time.ts';

const WEEKDAY: Message[] = [
  { vi: 'Chủ nhật', en: 'Sunday' },
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
];

/**
 * Checks a calendar file: its shape against CalendarSchema (interpreted by TypeBox, no eval, so
 * this runs in a browser under a strict CSP too), then what a schema cannot say: a zone `Intl`
 * knows, periods that start before they end, in order and without overlap, real dates, at least
 * one working weekday. A date both holiday and extra working day is allowed (the extra day wins).
 * On success the calendar is a copy, safe from later changes to the input.
 */
export function parseCalendar(json: unknown): { ok: true; calendar: Calendar } | { ok: false; issues: Issue[] } {
  const shape = shapeIssues(json);
  if (shape.length) return { ok: false, issues: shape };
  const cal = JSON.parse(JSON.stringify(json)) as Calendar;
  const issues: Issue[] = [];

  if (!isValidTimeZone(cal.timeZone)) {
    issues.push({
      pointer: '/timeZone',
      code: 'unknown-time-zone',
      message: {
        vi: `Múi giờ "${cal.timeZone}" không tồn tại (dùng tên IANA, ví dụ "Asia/Ho_Chi_Minh")`,
        en: `Unknown time zone "${cal.timeZone}" (use an IANA name, e.g. "Asia/Ho_Chi_Minh")`,
      },
    });
  }
  checkPeriods(cal.workingHours, ['workingHours'], issues);
  for (const [key, periods] of Object.entries(cal.weekdayHours ?? {})) {
    checkPeriods(periods, ['weekdayHours', key], issues);
    const wd = Number(key);
    if (cal.weekend.includes(wd)) {
      issues.push({
        pointer: formatPointer(['weekdayHours', key]),
        code: 'unused-weekday-hours',
        message: {
          vi: `${WEEKDAY[wd]!.vi} là ngày nghỉ hằng tuần nên giờ làm việc riêng này không bao giờ được dùng; bỏ ${wd} khỏi "weekend" nếu ngày này làm việc`,
          en: `${WEEKDAY[wd]!.en} is a weekly day off, so these hours would never apply; remove ${wd} from "weekend" if that day is worked`,
        },
      });
    }
  }
  if (new Set(cal.weekend).size >= 7) {
    issues.push({
      pointer: '/weekend',
      code: 'no-working-weekday',
      message: {
        vi: 'Phải có ít nhất một thứ trong tuần là ngày làm việc',
        en: 'At least one weekday must be a working day',
      },
    });
  }
  checkDates(cal.holidays, 'holidays', issues);
  checkDates(cal.extraWorkingDays, 'extraWorkingDays', issues);
  for (const key of Object.keys(cal.notes ?? {})) {
    if (!isValidDate(key)) issues.push(badDate(formatPointer(['notes', key]), key));
  }
  if (cal.years) checkYears(cal, cal.years, issues);
  return issues.length ? { ok: false, issues } : { ok: true, calendar: cal };
}

/** A calendar that says which years it covers must not hold days, or provisional years, outside them. */
function checkYears(cal: Calendar, years: number[], issues: Issue[]): void {
  const covered = new Set(years);
  const list = [...covered].sort((a, b) => a - b).join(', ');
  const outside = (field: string, dates: string[]) =>
    dates.forEach((d, i) => {
      if (isValidDate(d) && !covered.has(Number(d.slice(0, 4)))) {
        issues.push({
          pointer: formatPointer([field, String(i)]),
          code: 'outside-years',
          message: {
            vi: `Ngày ${d} không thuộc các năm của lịch (${list}): thêm năm đó vào "years"`,
            en: `${d} is outside the calendar\u2019s years (${list}): add its year to "years"`,
          },
        });
      }
    });
  outside('holidays', cal.holidays);
  outside('extraWorkingDays', cal.extraWorkingDays);
  (cal.provisionalYears ?? []).forEach((y, i) => {
    if (!covered.has(y)) {
      issues.push({
        pointer: formatPointer(['provisionalYears', String(i)]),
        code: 'outside-years',
        message: {
          vi: `Năm tạm tính ${y} không có trong "years" (${list})`,
          en: `Provisional year ${y} is not in "years" (${list})`,
        },
      });
    }
  });
}

function checkPeriods(periods: [string, string][], at: string[], issues: Issue[]): void {
  let prev: { start: number; end: number } | undefined;
  periods.forEach(([from, to], i) => {
    const start = parseTime(from)!;
    const end = parseTime(to)!;
    const pointer = formatPointer([...at, i]);
    if (end <= start) {
      issues.push({
        pointer,
        code: 'period-end-not-after-start',
        message: {
          vi: `Giờ kết thúc (${to}) phải sau giờ bắt đầu (${from})`,
          en: `The end (${to}) must be after the start (${from})`,
        },
      });
      return;
    }
    if (prev && start < prev.start) {
      issues.push({
        pointer,
        code: 'periods-unsorted',
        message: {
          vi: 'Các ca làm việc phải xếp theo thứ tự thời gian',
          en: 'Working periods must be in chronological order',
        },
      });
    } else if (prev && start < prev.end) {
      issues.push({
        pointer,
        code: 'periods-overlap',
        message: { vi: `Ca ${from}–${to} chồng lấn ca trước`, en: `Period ${from}–${to} overlaps the previous one` },
      });
    }
    if (!prev || end > prev.end) prev = { start, end };
  });
}

function checkDates(dates: string[], field: string, issues: Issue[]): void {
  dates.forEach((d, i) => {
    if (!isValidDate(d)) issues.push(badDate(formatPointer([field, i]), d));
  });
}

function badDate(pointer: string, date: string): Issue {
  return {
    pointer,
    code: 'invalid-date',
    message: { vi: `Ngày "${date}" không tồn tại trong lịch`, en: `"${date}" is not a real date` },
  };
}

/** Structural problems, one per pointer (the first is the most telling). */
function shapeIssues(json: unknown): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const e of Value.Errors(CalendarSchema, json)) {
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    issues.push(toIssue(e));
  }
  return issues;
}

function lastSegment(path: string): string {
  return path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

function toIssue(e: ValueError): Issue {
  const s = e.schema as Record<string, unknown>;
  const keyword = (keyword: string, params: Record<string, unknown> = {}): Issue => ({
    pointer: e.path,
    code: keyword,
    message: schemaErrorMessage({ instancePath: e.path, keyword, params }),
  });
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return keyword('required', { missingProperty: lastSegment(e.path) });
    case ValueErrorType.ObjectAdditionalProperties:
      return keyword('additionalProperties', { additionalProperty: lastSegment(e.path) });
    case ValueErrorType.Object:
      return keyword('type', { type: 'object' });
    case ValueErrorType.Array:
    case ValueErrorType.Tuple:
      return keyword('type', { type: 'array' });
    case ValueErrorType.String:
      return keyword('type', { type: 'string' });
    case ValueErrorType.Integer:
      return keyword('type', { type: 'integer' });
    case ValueErrorType.IntegerMinimum:
      return keyword('minimum', { limit: s.minimum });
    case ValueErrorType.IntegerMaximum:
      return keyword('maximum', { limit: s.maximum });
    case ValueErrorType.StringMinLength:
      return keyword('minLength', { limit: s.minLength });
    case ValueErrorType.ArrayMinItems:
      return keyword('minItems', { limit: s.minItems });
    case ValueErrorType.ArrayUniqueItems: {
      const [i, j] = firstDuplicate(e.value);
      return keyword('uniqueItems', { i, j });
    }
    case ValueErrorType.TupleLength:
      return {
        pointer: e.path,
        code: 'period-shape',
        message: {
          vi: 'Một ca làm việc gồm đúng 2 giờ: ["HH:MM", "HH:MM"]',
          en: 'A working period is exactly two times: ["HH:MM", "HH:MM"]',
        },
      };
    case ValueErrorType.StringPattern:
      if (s.pattern === TIME_PATTERN) {
        return {
          pointer: e.path,
          code: 'pattern',
          message: {
            vi: 'Giờ phải có dạng HH:MM, từ 00:00 đến 23:59',
            en: 'A time must be HH:MM, from 00:00 to 23:59',
          },
        };
      }
      if (s.pattern === DATE_PATTERN) {
        return {
          pointer: e.path,
          code: 'pattern',
          message: { vi: 'Ngày phải có dạng YYYY-MM-DD', en: 'A date must be YYYY-MM-DD' },
        };
      }
      return keyword('pattern');
    default:
      return {
        pointer: e.path,
        code: 'invalid',
        message: { vi: 'Giá trị không hợp lệ', en: `Invalid value: ${e.message}` },
      };
  }
}

function firstDuplicate(value: unknown): [number, number] {
  if (Array.isArray(value)) {
    for (let i = 1; i < value.length; i++) {
      for (let j = 0; j < i; j++) if (JSON.stringify(value[i]) === JSON.stringify(value[j])) return [i, j];
    }
  }
  return [0, 0];
}
