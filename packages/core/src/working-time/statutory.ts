/**
 * The public holidays the Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 112(1) gives every
 * year, generated for any year, with the days off in lieu of those falling on a weekly day off
 * (art. 111(3); art. 112(3) lets the government set Tết and the National Day's second day). A
 * year's official notice (the Ministry's notice for civil servants, with its swaps and bridges)
 * replaces what this gives; until it is out a calendar built from this is provisional.
 */
import type { Calendar } from './calendar-schema.ts';
import { lunarToSolar } from './lunar.ts';
import { addDays, weekdayOf } from './zoned-time.ts';

export interface StatutoryDay {
  date: string;
  vi: string;
  en: string;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The holidays of `year` under art. 112(1), before any yearly notice: 1 January; Tết, 5 days
 * (generated as the last day of the lunar year and the first four days of the new one — the notice
 * often moves them by a day); the Hùng Kings' day (10th day of the 3rd lunar month); 30 April;
 * 1 May; the National Day, 2 September and an adjacent day (3 September when 2 September is a
 * Thursday, making a long weekend; otherwise 1 September). A holiday on a weekly day off (`weekend`)
 * gives a day off on the next working day (art. 111(3)).
 */
export function statutoryHolidays(year: number, weekend: readonly number[] = [0, 6]): StatutoryDay[] {
  const tet = lunarToSolar(year, 1, 1);
  const nationalDaySecond = weekdayOf(iso(year, 9, 2)) === 4 ? iso(year, 9, 3) : iso(year, 9, 1);
  const days: StatutoryDay[] = [
    { date: iso(year, 1, 1), vi: 'Tết Dương lịch', en: 'New Year’s Day' },
    { date: addDays(tet, -1), vi: 'Tết Nguyên đán (ngày cuối năm âm lịch)', en: 'Lunar New Year (eve)' },
    ...[0, 1, 2, 3].map((i) => ({
      date: addDays(tet, i),
      vi: `Tết Nguyên đán (mùng ${i + 1})`,
      en: `Lunar New Year (day ${i + 1})`,
    })),
    { date: lunarToSolar(year, 3, 10), vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hùng Kings’ Commemoration' },
    { date: iso(year, 4, 30), vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
    { date: iso(year, 5, 1), vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
    { date: iso(year, 9, 2), vi: 'Quốc khánh', en: 'National Day' },
    { date: nationalDaySecond, vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  const taken = new Set(days.map((d) => d.date));
  const out: StatutoryDay[] = [];
  for (const d of days) {
    if (!weekend.includes(weekdayOf(d.date))) {
      out.push(d);
      continue;
    }
    let lieu = addDays(d.date, 1);
    while (weekend.includes(weekdayOf(lieu)) || taken.has(lieu)) lieu = addDays(lieu, 1);
    taken.add(lieu);
    out.push({
      date: lieu,
      vi: `Nghỉ bù ${d.vi} (${d.date}), Bộ luật Lao động 2019 điều 111(3)`,
      en: `Day off in lieu of ${d.en} (${d.date}), Labour Code 2019 art. 111(3)`,
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * A provisional calendar year generated from the statute, for when the year's official notice is
 * not published yet: `years` and `provisionalYears` say so, every day off carries its note.
 */
export function provisionalCalendarYear(
  year: number,
  base: Pick<Calendar, 'timeZone' | 'workingHours' | 'weekend' | 'weekdayHours'>,
): Calendar {
  const days = statutoryHolidays(year, base.weekend);
  const vi = 'TẠM TÍNH theo Bộ luật Lao động 2019 điều 112, chưa có thông báo chính thức';
  const en = 'PROVISIONAL, generated from the Labour Code 2019 art. 112; no official notice yet';
  return {
    timeZone: base.timeZone,
    workingHours: base.workingHours,
    weekend: base.weekend,
    ...(base.weekdayHours ? { weekdayHours: base.weekdayHours } : {}),
    holidays: days.map((d) => d.date),
    extraWorkingDays: [],
    years: [year],
    provisionalYears: [year],
    notes: Object.fromEntries(days.map((d) => [d.date, `${d.vi} — ${vi} / ${d.en} — ${en}`])),
  };
}
