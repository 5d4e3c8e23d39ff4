import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** Reads rendered CSV and XLSX back the way a spreadsheet program would. */
export async function readCsv(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  return wb.csv.read(Readable.from(Buffer.from(bytes)));
}

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Row values from column 1 (exceljs rows are 1-based, index 0 is empty). */
export function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  const values = ws.getRow(row).values as unknown[];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, k) => values[k + 1] ?? null);
}
