/**
 * The working calendar file (agencies exchange calendars in it). This TypeBox source is the one
 * truth for the JSON Schema (`calendarSchemaJson()`, written to schema/calendar.schema.json) and
 * for the `Calendar` type. The engines import only the type, so bundles that compute deadlines do
 * not carry TypeBox.
 */
import { Type, type Static } from '@sinclair/typebox';
import { doc } from '../model/doc.ts';

export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const Time = (d: ReturnType<typeof doc>) => Type.String({ pattern: TIME_PATTERN, ...d });

const Period = Type.Tuple(
  [
    Time(
      doc(
        'Giờ bắt đầu',
        'Start',
        'Giờ bắt đầu làm việc (HH:MM, giờ địa phương).',
        'When work starts (HH:MM, local time).',
      ),
    ),
    Time(
      doc('Giờ kết thúc', 'End', 'Giờ kết thúc, sau giờ bắt đầu (HH:MM).', 'When work ends, after the start (HH:MM).'),
    ),
  ],
  doc(
    'Ca làm việc',
    'Working period',
    'Một khoảng làm việc trong ngày: [bắt đầu, kết thúc].',
    'One working period of a day: [start, end].',
  ),
);

const Periods = (d: ReturnType<typeof doc>) => Type.Array(Period, { minItems: 1, ...d });

const DateText = (d: ReturnType<typeof doc>) => Type.String({ pattern: DATE_PATTERN, ...d });

export const CalendarSchema = Type.Object(
  {
    timeZone: Type.String({
      minLength: 1,
      ...doc(
        'Múi giờ',
        'Time zone',
        'Tên múi giờ IANA của cơ quan, ví dụ "Asia/Ho_Chi_Minh". Mọi ngày giờ trong lịch là giờ địa phương của múi giờ này.',
        'The agency\u2019s IANA time zone, e.g. "Asia/Ho_Chi_Minh". Every date and time in the calendar is local to it.',
      ),
    }),
    workingHours: Periods(
      doc(
        'Giờ làm việc',
        'Working hours',
        'Các ca làm việc của một ngày làm việc, theo thứ tự, không chồng lấn. Độ dài của chúng là "1 ngày làm việc" khi tính thời hạn.',
        'The working periods of a working day, in order, not overlapping. Their total length is "1 working day" in deadlines.',
      ),
    ),
    weekend: Type.Array(
      Type.Integer({
        minimum: 0,
        maximum: 6,
        ...doc('Thứ', 'Weekday', '0 = Chủ nhật, 1 = Thứ Hai … 6 = Thứ Bảy.', '0 = Sunday, 1 = Monday … 6 = Saturday.'),
      }),
      {
        uniqueItems: true,
        ...doc(
          'Ngày nghỉ hằng tuần',
          'Weekly days off',
          'Các thứ nghỉ hằng tuần, ví dụ [0, 6].',
          'The weekdays off every week, e.g. [0, 6].',
        ),
      },
    ),
    holidays: Type.Array(
      DateText(doc('Ngày nghỉ', 'Day off', 'Một ngày nghỉ (YYYY-MM-DD).', 'A day off (YYYY-MM-DD).')),
      {
        uniqueItems: true,
        ...doc(
          'Ngày nghỉ lễ, Tết',
          'Holidays',
          'Ngày nghỉ lễ, Tết và ngày nghỉ do hoán đổi (YYYY-MM-DD).',
          'Public holidays and days off given by a swap (YYYY-MM-DD).',
        ),
      },
    ),
    extraWorkingDays: Type.Array(
      DateText(doc('Ngày làm việc', 'Working day', 'Một ngày làm việc (YYYY-MM-DD).', 'A working day (YYYY-MM-DD).')),
      {
        uniqueItems: true,
        ...doc(
          'Ngày làm bù',
          'Extra working days',
          'Ngày làm việc bù (thường là thứ Bảy); được ưu tiên hơn ngày nghỉ hằng tuần và ngày nghỉ lễ. Ngày làm bù rơi vào ngày nghỉ hằng tuần làm việc theo "Giờ làm việc".',
          'Days worked in exchange (usually Saturdays); they override weekly days off and holidays. One that falls on a weekly day off works the "Working hours".',
        ),
      },
    ),
    weekdayHours: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[0-6]$' }),
        Periods(
          doc(
            'Giờ làm việc của thứ',
            'Hours of the weekday',
            'Các ca làm việc của thứ này.',
            'The working periods of that weekday.',
          ),
        ),
        {
          additionalProperties: false,
          ...doc(
            'Giờ làm việc riêng theo thứ',
            'Hours per weekday',
            'Giờ làm việc riêng của một thứ (khóa "0"–"6"), ví dụ {"6": [["07:30", "11:30"]]} cho bộ phận mở sáng thứ Bảy. "1 ngày làm việc" vẫn là độ dài của "Giờ làm việc".',
            'A weekday\u2019s own hours (keys "0"–"6"), e.g. {"6": [["07:30", "11:30"]]} for a centre open on Saturday mornings. "1 working day" stays the length of "Working hours".',
          ),
        },
      ),
    ),
    years: Type.Optional(
      Type.Array(
        Type.Integer({
          minimum: 1900,
          maximum: 2199,
          ...doc('Năm', 'Year', 'Một năm dương lịch.', 'A calendar year.'),
        }),
        {
          uniqueItems: true,
          minItems: 1,
          ...doc(
            'Các năm có lịch',
            'Years covered',
            'Các năm mà lịch đã ghi đủ ngày nghỉ lễ, Tết và ngày hoán đổi. Thời hạn chạy sang năm không có trong danh sách bị từ chối thay vì tính như thể năm đó không có ngày lễ. Bỏ trống: không kiểm tra (chỉ dùng cho lịch thử).',
            'The years for which the calendar lists every holiday and swap. A deadline running into a year not listed is refused rather than computed as if that year had no holidays. Absent: not checked (test calendars only).',
          ),
        },
      ),
    ),
    provisionalYears: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1900, maximum: 2199 }), {
        uniqueItems: true,
        ...doc(
          'Năm tạm tính',
          'Provisional years',
          'Các năm mà ngày nghỉ được sinh từ Bộ luật Lao động 2019 (điều 112) vì chưa có thông báo chính thức của năm; ngày hoán đổi chưa có. Thời hạn rơi vào các năm này kèm cảnh báo.',
          'Years whose days off were generated from the Labour Code 2019 (art. 112) because the year\u2019s official notice is not out yet; swaps are missing. Deadlines in these years carry a warning.',
        ),
      }),
    ),
    notes: Type.Optional(
      Type.Record(Type.String({ pattern: DATE_PATTERN }), Type.String({ minLength: 1 }), {
        additionalProperties: false,
        ...doc(
          'Ghi chú',
          'Notes',
          'Ghi chú theo ngày (YYYY-MM-DD): lý do và văn bản căn cứ của ngày nghỉ, ngày làm bù. Không ảnh hưởng đến việc tính thời hạn.',
          'Notes by date (YYYY-MM-DD): the reason and the notice behind a day off or a worked day. They do not affect deadlines.',
        ),
      }),
    ),
  },
  {
    $id: 'https://motcua.github.io/schema/calendar.schema.json',
    additionalProperties: false,
    ...doc(
      'Lịch làm việc',
      'Working calendar',
      'Lịch làm việc của một cơ quan: múi giờ, giờ làm việc, ngày nghỉ hằng tuần, ngày nghỉ lễ và ngày làm bù.',
      'An agency\u2019s working calendar: time zone, working hours, weekly days off, holidays and extra working days.',
    ),
  },
);

/** A working calendar (see CalendarSchema). */
export type Calendar = Static<typeof CalendarSchema>;

/** The calendar schema as a plain JSON Schema (draft-07) document. */
export function calendarSchemaJson(): Record<string, unknown> {
  const { $id, ...rest } = JSON.parse(JSON.stringify(CalendarSchema)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id, ...rest };
}

export function calendarSchemaText(): string {
  return JSON.stringify(calendarSchemaJson(), null, 2) + '\n';
}
