import { printedIn } from '../text/printed-time.ts';
import { isInstantCell, type CellValue } from './table.ts';

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A cell as people read it on paper or screen: "1.234", "01/10/2025 08:30". */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return NUMBER.format(v);
  if (isInstantCell(v)) {
    const t = printedIn(v.timeZone);
    return v.show === 'date' ? t.date(v.instant) : t.dateTime(v.instant);
  }
  return '';
}
