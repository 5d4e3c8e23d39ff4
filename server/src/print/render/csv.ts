import { placeHeader, isInstantCell, type CellValue, type TableSpec } from '../model/table.ts';
import { localDate, localTime } from '@motcua/core';
import { instantOf } from '../text/printed-time.ts';
import { csvField } from './csv-cell.ts';

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel reads Vietnamese correctly only with
 * it), CRLF line ends and RFC 4180 quoting. Header rows keep the form's grouping: a spanning
 * header's text sits in its first column. Numbers stay plain; instants print as their zone's
 * "yyyy-MM-dd HH:mm", which spreadsheets in any locale read as a date. Text that a spreadsheet
 * would run as a formula gets an apostrophe (csv-cell.ts).
 */
export interface CsvOptions {
  /** "," by default; ";" for spreadsheets set to a locale whose list separator it is. */
  delimiter?: ',' | ';';
}

const BOM = '\uFEFF';

export function tableCsv(spec: TableSpec, options: CsvOptions = {}): Uint8Array {
  const d = options.delimiter ?? ',';
  const width = spec.columns.length;
  const header = spec.header.map(() => new Array<string>(width).fill(''));
  for (const cell of placeHeader(spec)) header[cell.row]![cell.col] = cell.text;
  const lines = [
    ...header.map((row) => row.map((v) => quote(v, d)).join(d)),
    ...spec.rows.map((row) =>
      row.cells.map((v) => (typeof v === 'number' ? String(v) : quote(csvValue(v), d))).join(d),
    ),
  ];
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}

function csvValue(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (isInstantCell(v)) {
    const t = instantOf(v.instant);
    const date = localDate(t, v.timeZone);
    return v.show === 'date' ? date : `${date} ${localTime(t, v.timeZone)}`;
  }
  return v;
}

/** Every cell, header text too: formula starts neutralised after any separator (csv-cell.ts). */
function quote(v: string, _d: string): string {
  return csvField(v);
}
