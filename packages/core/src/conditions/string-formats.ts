/**
 * The string formats the form builder offers (date, time, date-time, email), checked without ajv
 * for the in-browser evaluator. Same rules as ajv-formats' "full" mode, which the server and the
 * precompiled validators use (https://github.com/ajv-validator/ajv-formats, src/formats.ts), so
 * a preview and a submission agree on what is valid.
 */
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

function date(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : DAYS[mo]!);
}

/** RFC 3339 time with a time zone (as ajv-formats' `time` in full mode). */
function time(s: string): boolean {
  const m = TIME.exec(s);
  if (!m || !m[4]) return false;
  const [hr, min, sec] = [+m[1]!, +m[2]!, +m[3]!];
  const sign = m[5] === '-' ? -1 : 1;
  const tzH = +(m[6] ?? 0);
  const tzM = +(m[7] ?? 0);
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // A leap second is 23:59:60 UTC.
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

function dateTime(s: string): boolean {
  const parts = s.split(/t|\s/i);
  return parts.length === 2 && date(parts[0]!) && time(parts[1]!);
}

export const STRING_FORMATS: Readonly<Record<string, (s: string) => boolean>> = {
  date,
  time,
  'date-time': dateTime,
  email: (s) => EMAIL.test(s),
};
