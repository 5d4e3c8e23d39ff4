import ExcelJS from 'exceljs';
import { placeHeader, isInstantCell, type CellValue, type TableSpec } from '../model/table.ts';
import { zoneOffset } from '@motcua/core';
import { instantOf } from '../text/printed-time.ts';

/**
 * An Excel workbook of one table: title lines above it, the form's header with merged cells (and
 * repeated on every printed page), real numbers and dates (Vietnam's wall clock, as Excel dates
 * have no zone), borders, frozen header, A4 print setup.
 */
export interface WorkbookSpec {
  sheetName: string;
  /** Lines above the table: the first bold and large (the title), the others plain. */
  titleLines: string[];
  table: TableSpec;
  orientation: 'portrait' | 'landscape';
  /** Workbook creation date (from the data, not the clock). */
  createdAt: string;
  author?: string;
  /** Further sheets (e.g. a report's annex), each laid out the same way. */
  moreSheets?: SheetSpec[];
}

export type SheetSpec = Pick<WorkbookSpec, 'sheetName' | 'titleLines' | 'table' | 'orientation'>;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

export async function tableXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const created = new Date(spec.createdAt);
  wb.creator = spec.author ?? 'motcua';
  wb.lastModifiedBy = 'motcua';
  wb.created = created;
  wb.modified = created;
  for (const sheet of [spec, ...(spec.moreSheets ?? [])]) addSheet(wb, sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const { table } = spec;
  const n = table.columns.length;
  const ws = wb.addWorksheet(spec.sheetName.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
  ws.columns = table.columns.map((c) => ({ width: c.xlsxWidth ?? Math.max(6, c.width * 1.1) }));

  let r = 1;
  spec.titleLines.forEach((line, k) => {
    ws.mergeCells(r, 1, r, n);
    const cell = ws.getCell(r, 1);
    cell.value = line;
    cell.font = { name: FONT, size: k === 0 ? 14 : 12, bold: k === 0 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    r++;
  });
  if (spec.titleLines.length) r++;

  const headerTop = r;
  const headerRows = table.header.length + (table.columnNumbers ? 1 : 0);
  for (const h of placeHeader(table)) {
    const top = headerTop + h.row;
    const left = 1 + h.col;
    if (h.colSpan > 1 || h.rowSpan > 1) ws.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
    ws.getCell(top, left).value = h.text;
  }
  if (table.columnNumbers)
    table.columns.forEach((_, k) => (ws.getCell(headerTop + table.header.length, k + 1).value = `(${k + 1})`));
  for (let row = headerTop; row < headerTop + headerRows; row++) {
    for (let col = 1; col <= n; col++) {
      const cell = ws.getCell(row, col);
      const numbers = table.columnNumbers && row === headerTop + headerRows - 1;
      cell.font = { name: FONT, size: 11, bold: !numbers, italic: numbers };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
  r = headerTop + headerRows;
  ws.views = [{ state: 'frozen', ySplit: r - 1, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${headerTop}:${r - 1}`;

  if (table.rows.length === 0 && table.emptyText) {
    ws.mergeCells(r, 1, r, n);
    const cell = ws.getCell(r, 1);
    cell.value = table.emptyText;
    cell.font = { name: FONT, size: 11, italic: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  }
  const indentColumn = table.indentColumn ?? 0;
  for (const row of table.rows) {
    row.cells.forEach((v, k) => {
      const cell = ws.getCell(r, k + 1);
      cell.value = xlsxValue(v);
      if (isInstantCell(v)) cell.numFmt = v.show === 'date' ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm';
      else if (typeof v === 'number') cell.numFmt = Number.isInteger(v) ? '#,##0' : '#,##0.00';
      cell.font = { name: FONT, size: 11, bold: row.bold ?? false };
      cell.alignment = {
        horizontal: table.columns[k]?.align ?? 'left',
        vertical: 'top',
        wrapText: true,
        ...(k === indentColumn && row.indent ? { indent: row.indent } : {}),
      };
      cell.border = BORDER;
    });
    r++;
  }
}

function xlsxValue(v: CellValue): string | number | Date | null {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (isInstantCell(v)) {
    // Excel dates carry no zone: a Date whose UTC fields are the zone's wall clock.
    const t = instantOf(v.instant);
    return new Date(t + zoneOffset(t, v.timeZone));
  }
  return null;
}
