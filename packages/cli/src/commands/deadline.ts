/**
 * `motcua deadline`: the due instant of a deadline on a calendar file, computed by core's
 * computeDue (the same function the server uses at acceptance).
 */
import { readFileSync } from 'node:fs';
import {
  CalendarNotCoveredError,
  computeDue,
  durationMinutes,
  formatInstant,
  parseCalendar,
  parseInstant,
  type Calendar,
  type Deadline,
  type Interval,
} from '@motcua/core';
import { type Command, UsageError } from '../io.ts';

const HELP = `Cách dùng / usage:
  motcua deadline --calendar TỆP/FILE --from THỜI-ĐIỂM/INSTANT
                  (--working-days N | --working-hours N | --calendar-days N | --same-day-cutoff HH:MM)
                  [--pause TỪ/TO]…

In ra hạn giải quyết theo giờ của lịch, kèm độ lệch múi giờ.
Prints the due instant in the calendar's time zone, with its offset.

  --calendar FILE         tệp lịch (JSON) / the calendar file (JSON)
  --from INSTANT          lúc tiếp nhận, ISO 8601: 2026-12-01T09:00+07:00, …Z, hoặc giờ địa phương
                          của lịch khi không ghi độ lệch / acceptance instant, ISO 8601; without an
                          offset it is read in the calendar's zone
  --working-days N        số ngày làm việc (có thể lẻ: 0.5 hoặc 0,5) / working days (may be fractional)
  --working-hours N       số giờ làm việc / working hours
  --calendar-days N       số ngày theo lịch; hạn là cuối ngày làm việc, lùi qua ngày nghỉ /
                          calendar days; due at the end of the working day, moved past days off
  --same-day-cutoff HH:MM trong ngày: tiếp nhận trước giờ chốt thì hạn cuối ngày, sau thì cuối ngày
                          làm việc tiếp theo / same day: accepted before the cut-off → end of that
                          working day, otherwise end of the next one
  --pause FROM/TO         khoảng tạm dừng (chờ bổ sung, chờ nộp phí), lặp lại được / a pause
                          (waiting for a supplement or a payment), repeatable
`;

const DURATION_FLAGS = {
  '--working-days': 'working-days',
  '--working-hours': 'working-hours',
  '--calendar-days': 'calendar-days',
  '--same-day-cutoff': 'same-day',
} as const;
type DurationFlag = keyof typeof DURATION_FLAGS;
const VALUE_FLAGS = new Set<string>(['--calendar', '--from', '--pause', ...Object.keys(DURATION_FLAGS)]);

const MAX_DURATION = 3650; // the procedure schema's limit

function usageError(vi: string, en: string): UsageError {
  return new UsageError(`${vi} / ${en}\nXem / see: motcua deadline --help`);
}

interface Args {
  calendar?: string;
  from?: string;
  duration?: { flag: DurationFlag; value: string };
  pauses: string[];
}

function parseArgs(argv: string[]): Args | 'help' {
  const out: Args = { pauses: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag)) {
      if (flag.startsWith('-')) throw usageError(`Tham số không tồn tại: ${flag}`, `unknown option: ${flag}`);
      throw usageError(`Thừa tham số: ${arg}`, `unexpected argument: ${arg}`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') throw usageError(`Thiếu giá trị cho ${flag}`, `${flag} needs a value`);
    if (flag === '--pause') out.pauses.push(value);
    else if (flag in DURATION_FLAGS) {
      if (out.duration) {
        throw usageError(
          `Chỉ được chọn một thời hạn, đã có ${out.duration.flag} và ${flag}`,
          `give exactly one duration, got ${out.duration.flag} and ${flag}`,
        );
      }
      out.duration = { flag: flag as DurationFlag, value };
    } else {
      const key = flag === '--calendar' ? 'calendar' : 'from';
      if (out[key] !== undefined) throw usageError(`${flag} chỉ được ghi một lần`, `${flag} may be given only once`);
      out[key] = value;
    }
  }
  return out;
}

function readCalendar(file: string): Calendar {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw usageError(`Không đọc được tệp lịch ${file} (${code})`, `cannot read the calendar file ${file} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = (err as Error).message;
    throw usageError(
      `Tệp lịch ${file} không phải JSON hợp lệ: ${detail}`,
      `the calendar file ${file} is not valid JSON: ${detail}`,
    );
  }
  const parsed = parseCalendar(json);
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `  ${i.pointer || '/'}: ${i.message.vi} / ${i.message.en}`);
    throw new UsageError(`Lịch không hợp lệ / invalid calendar: ${file}\n${lines.join('\n')}`);
  }
  return parsed.calendar;
}

function instant(text: string, flag: string, timeZone: string): number {
  const t = parseInstant(text, timeZone);
  if (t === null) {
    throw usageError(
      `Thời điểm không hợp lệ cho ${flag}: "${text}" (ISO 8601, ví dụ 2026-12-01T09:00+07:00)`,
      `invalid instant for ${flag}: "${text}" (ISO 8601, e.g. 2026-12-01T09:00+07:00)`,
    );
  }
  return t;
}

function deadlineOf(flag: DurationFlag, text: string, cal: Calendar): Deadline {
  const unit = DURATION_FLAGS[flag];
  if (unit === 'same-day') {
    if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(text)) {
      throw usageError(
        `Giờ chốt không hợp lệ: "${text}" (HH:MM, 00:00–23:59)`,
        `invalid cut-off: "${text}" (HH:MM, 00:00–23:59)`,
      );
    }
    return { unit, cutoff: text };
  }
  const value = /^[0-9]+([.,][0-9]+)?$/.test(text) ? Number(text.replace(',', '.')) : NaN;
  if (!(value > 0 && value <= MAX_DURATION)) {
    throw usageError(
      `Số không hợp lệ cho ${flag}: "${text}" (số dương, tối đa ${MAX_DURATION})`,
      `invalid number for ${flag}: "${text}" (a positive number, at most ${MAX_DURATION})`,
    );
  }
  const deadline: Deadline = { unit, value };
  if (durationMinutes(cal, deadline) === 0) {
    throw usageError(`${flag} ${text} ngắn hơn một phút`, `${flag} ${text} is shorter than one minute`);
  }
  return deadline;
}

export const deadline: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.calendar === undefined) throw usageError('Thiếu --calendar', 'missing --calendar');
  if (args.from === undefined) throw usageError('Thiếu --from', 'missing --from');
  if (!args.duration) {
    throw usageError(
      'Thiếu thời hạn: --working-days, --working-hours, --calendar-days hoặc --same-day-cutoff',
      'missing the duration: --working-days, --working-hours, --calendar-days or --same-day-cutoff',
    );
  }
  const cal = readCalendar(args.calendar);
  const from = instant(args.from, '--from', cal.timeZone);
  const due = deadlineOf(args.duration.flag, args.duration.value, cal);
  const pauses: Interval[] = args.pauses.map((text) => {
    const parts = text.split('/');
    if (parts.length !== 2) {
      throw usageError(`--pause phải có dạng TỪ/ĐẾN: "${text}"`, `--pause must be FROM/TO: "${text}"`);
    }
    const p = { from: instant(parts[0]!, '--pause', cal.timeZone), to: instant(parts[1]!, '--pause', cal.timeZone) };
    if (p.from >= p.to) {
      throw usageError(
        `Khoảng tạm dừng phải kết thúc sau khi bắt đầu: "${text}"`,
        `a pause must end after it starts: "${text}"`,
      );
    }
    return p;
  });
  let dueAt: number;
  try {
    dueAt = computeDue(cal, from, due, pauses);
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) throw usageError(err.vi, err.en);
    throw err;
  }
  // Days generated from the statute before the year's notice: say so, never silently.
  const first = Number(formatInstant(from, cal.timeZone).slice(0, 4));
  const last = Number(formatInstant(dueAt, cal.timeZone).slice(0, 4));
  const provisional = (cal.provisionalYears ?? []).filter((y) => y >= first && y <= last);
  if (provisional.length) {
    const years = provisional.join(', ');
    io.stderr.write(
      `Cảnh báo: lịch năm ${years} là TẠM TÍNH theo Bộ luật Lao động, chưa có thông báo chính thức về ngày nghỉ, hoán đổi / ` +
        `warning: the ${years} calendar is PROVISIONAL (generated from the Labour Code; the official notice with its swaps is not out yet)\n`,
    );
  }
  io.stdout.write(`${formatInstant(dueAt, cal.timeZone)}\n`);
  return 0;
};
