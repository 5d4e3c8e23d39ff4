import type { Issue } from '../model/issue.ts';

/**
 * One row of Biểu số 06 (Circular 01/2020/TT-VPCP) and of motcua's annex. All integers.
 * The form's own columns (BIEU06_COLUMNS) reconcile as the form does (checkEquations):
 * received = online + directOrPostal + carriedOver = resolved + inProgress;
 * resolved = early + onTime + late; inProgress = withinDeadline + overdue.
 * The form has no column for a dossier withdrawn (status 7) or stopped (status 8): one that ended
 * so in the period is left out of the form and counted in the annex (BIEU06_ANNEX_COLUMNS).
 */
export interface Bieu06Row {
  /** Số hồ sơ nhận giải quyết — tổng số. */
  received: number;
  /** Trực tuyến (accepted in the period). */
  online: number;
  /** Trực tiếp, bưu chính (accepted in the period). */
  directOrPostal: number;
  /** Từ kỳ trước: accepted before the period and not ended before it. */
  carriedOver: number;
  /** Đã giải quyết (result ready in the period). */
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  /** Đang giải quyết at the end of the period. */
  inProgress: number;
  withinDeadline: number;
  overdue: number;
  /** Annex — rút hồ sơ (status 7) in the period; not in the form's columns. */
  withdrawn: number;
  /** Annex — dừng xử lý (status 8) in the period; not in the form's columns. */
  stopped: number;
}

/** The official form's columns, in its order. */
export const BIEU06_COLUMNS = [
  'received',
  'online',
  'directOrPostal',
  'carriedOver',
  'resolved',
  'early',
  'onTime',
  'late',
  'inProgress',
  'withinDeadline',
  'overdue',
] as const satisfies readonly (keyof Bieu06Row)[];

/** What motcua adds to the form, printed as a separate annex table. */
export const BIEU06_ANNEX_COLUMNS = ['withdrawn', 'stopped'] as const satisfies readonly (keyof Bieu06Row)[];

/** Every column of a row: the form's, then the annex's. */
export const BIEU06_ALL_COLUMNS = [...BIEU06_COLUMNS, ...BIEU06_ANNEX_COLUMNS] as const;

/** Vietnamese and English column headings, for CSV/XLSX exports. */
export const BIEU06_HEADINGS: Record<keyof Bieu06Row, { vi: string; en: string }> = {
  received: { vi: 'Số hồ sơ nhận giải quyết: Tổng số', en: 'Received: total' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  directOrPostal: { vi: 'Trực tiếp, bưu chính', en: 'At the counter or by post' },
  carriedOver: { vi: 'Từ kỳ trước', en: 'Carried over' },
  resolved: { vi: 'Số hồ sơ đã giải quyết: Tổng số', en: 'Resolved: total' },
  early: { vi: 'Trước hạn', en: 'Early' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  inProgress: { vi: 'Số hồ sơ đang giải quyết: Tổng số', en: 'In progress: total' },
  withinDeadline: { vi: 'Trong hạn', en: 'Within the deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  withdrawn: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped' },
};

export function emptyRow(): Bieu06Row {
  return {
    received: 0,
    online: 0,
    directOrPostal: 0,
    carriedOver: 0,
    resolved: 0,
    early: 0,
    onTime: 0,
    late: 0,
    inProgress: 0,
    withinDeadline: 0,
    overdue: 0,
    withdrawn: 0,
    stopped: 0,
  };
}

/** Adds `b` into a copy of `a`. */
export function addRows(a: Bieu06Row, b: Bieu06Row): Bieu06Row {
  const out = { ...a };
  for (const c of BIEU06_ALL_COLUMNS) out[c] += b[c];
  return out;
}

export function sumRows(rows: Iterable<Bieu06Row>): Bieu06Row {
  let out = emptyRow();
  for (const r of rows) out = addRows(out, r);
  return out;
}

/** Every equation the row breaks, and any negative or non-integer cell (pointers name the column). */
export function checkEquations(row: Bieu06Row): Issue[] {
  const issues: Issue[] = [];
  for (const c of BIEU06_ALL_COLUMNS) {
    if (!Number.isInteger(row[c]) || row[c] < 0) {
      issues.push({
        pointer: `/${c}`,
        code: 'not-a-count',
        message: {
          vi: `Cột "${BIEU06_HEADINGS[c].vi}" phải là số nguyên không âm (${row[c]})`,
          en: `Column "${BIEU06_HEADINGS[c].en}" must be a non-negative integer (${row[c]})`,
        },
      });
    }
  }
  const eq = (pointer: string, left: number, right: number, vi: string, en: string) => {
    if (left !== right)
      issues.push({
        pointer,
        code: 'equation',
        message: { vi: `${vi} (${left} ≠ ${right})`, en: `${en} (${left} ≠ ${right})` },
      });
  };
  eq(
    '/received',
    row.received,
    row.online + row.directOrPostal + row.carriedOver,
    'Tổng số nhận phải bằng trực tuyến + trực tiếp, bưu chính + từ kỳ trước',
    'Received must equal online + counter/postal + carried over',
  );
  eq(
    '/received',
    row.received,
    row.resolved + row.inProgress,
    'Tổng số nhận phải bằng đã giải quyết + đang giải quyết',
    'Received must equal resolved + in progress',
  );
  eq(
    '/resolved',
    row.resolved,
    row.early + row.onTime + row.late,
    'Đã giải quyết phải bằng trước hạn + đúng hạn + quá hạn',
    'Resolved must equal early + on time + late',
  );
  eq(
    '/inProgress',
    row.inProgress,
    row.withinDeadline + row.overdue,
    'Đang giải quyết phải bằng trong hạn + quá hạn',
    'In progress must equal within deadline + overdue',
  );
  return issues;
}
