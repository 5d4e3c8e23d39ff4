/**
 * A table as every output format sees it (HTML, PDF, CSV, XLSX): columns, header rows with spans as
 * the official forms draw them, and body rows of typed cells (numbers and instants stay typed so a
 * spreadsheet gets real numbers and dates).
 */
export interface TableColumn {
  /** Relative width (the renderers share the available width in proportion). */
  width: number;
  align?: 'left' | 'center' | 'right';
  /** Spreadsheet column width in characters. */
  xlsxWidth?: number;
}

export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** An instant shown at the wall clock of a time zone (the agency's): as a date, or as a date and time. */
export interface InstantCell {
  instant: string;
  show: 'date' | 'datetime';
  timeZone: string;
}

export type CellValue = string | number | InstantCell | null;

export interface TableRow {
  cells: CellValue[];
  /** Totals and group rows print bold. */
  bold?: boolean;
  /** Indentation level of the first text column (roll-up hierarchies). */
  indent?: number;
}

export interface TableSpec {
  columns: TableColumn[];
  header: HeaderCell[][];
  rows: TableRow[];
  /** Print the column numbers "(1) (2) …" under the header, as the official report forms do. */
  columnNumbers?: boolean;
  /** Shown in a single row spanning the table when there are no rows. */
  emptyText?: string;
  /** The column that rows' `indent` shifts right (the row label). */
  indentColumn?: number;
}

export function isInstantCell(v: CellValue): v is InstantCell {
  return typeof v === 'object' && v !== null && 'instant' in v;
}

/**
 * Places header cells on the column grid: for each header row, the cells with their first column,
 * skipping columns that a row-spanning cell from above still occupies.
 */
export interface PlacedHeaderCell extends Required<HeaderCell> {
  row: number;
  col: number;
}

export function placeHeader(spec: TableSpec): PlacedHeaderCell[] {
  const n = spec.columns.length;
  const occupiedUntil = new Array<number>(n).fill(-1); // last header row a cell covers, per column
  const placed: PlacedHeaderCell[] = [];
  spec.header.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (col < n && occupiedUntil[col]! >= row) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (col + colSpan > n) throw new Error(`Header row ${row} overflows the ${n} columns`);
      placed.push({ text: cell.text, colSpan, rowSpan, row, col });
      for (let c = col; c < col + colSpan; c++) occupiedUntil[c] = row + rowSpan - 1;
      col += colSpan;
    }
  });
  const last = spec.header.length - 1;
  if (occupiedUntil.some((r) => r < last)) throw new Error('Header rows leave a column uncovered');
  return placed;
}
