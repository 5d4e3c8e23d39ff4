import { formatVnDate, formatVnDateTime } from '../text/vn-time.ts';
import { isInstantCell, type CellValue } from './table.ts';

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A cell as people read it on paper or screen: "1.234", "01/10/2025 08:30". */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return NUMBER.format(v);
  if (isInstantCell(v)) return v.show === 'date' ? formatVnDate(v.instant) : formatVnDateTime(v.instant);
  return '';
}
