import { cellText } from '../model/cell-text.ts';
import { placeHeader, type TableSpec } from '../model/table.ts';
import type { Run } from '../model/blocks.ts';
import { breakLines, type Line } from './line-break.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

/**
 * A bordered table: spanning header cells (repeated at the top of every page the table reaches),
 * rows kept whole when they fit on a fresh page and split line by line when they do not.
 */
const PAD = 3;
const INDENT_STEP = 10;

export function drawTable(c: PdfCanvas, spec: TableSpec, size: number): void {
  const total = spec.columns.reduce((s, col) => s + col.width, 0);
  const widths = spec.columns.map((col) => (col.width / total) * c.width);
  const xs: number[] = [];
  widths.reduce((x, w, k) => ((xs[k] = x), x + w), c.left);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const lh = size * 1.32;
  const measure = c.measure(size);

  // Header layout.
  const placed = placeHeader(spec).map((cell) => ({
    ...cell,
    lines: breakLines([{ text: cell.text, bold: true }], spanWidth(cell.col, cell.colSpan) - 2 * PAD, measure),
  }));
  const rowH = spec.header.map(() => lh + 2 * PAD);
  for (const cell of placed.filter((p) => p.rowSpan === 1))
    rowH[cell.row] = Math.max(rowH[cell.row]!, cell.lines.length * lh + 2 * PAD);
  for (const cell of placed.filter((p) => p.rowSpan > 1)) {
    const need = cell.lines.length * lh + 2 * PAD;
    const have = rowH.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0);
    if (need > have) rowH[cell.row + cell.rowSpan - 1]! += need - have;
  }
  const rowY = rowH.reduce<number[]>((acc, h, k) => (acc.push(k === 0 ? 0 : acc[k - 1]! + rowH[k - 1]!), acc), []);
  const numbersH = spec.columnNumbers ? size * 1.2 + 2 * PAD : 0;
  const headerH = rowH.reduce((a, b) => a + b, 0) + numbersH;

  const drawHeader = () => {
    const top = c.y;
    for (const cell of placed) {
      const x = xs[cell.col]!;
      const w = spanWidth(cell.col, cell.colSpan);
      const y = top + rowY[cell.row]!;
      const h = rowH.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0);
      c.pdf.rect(x, y, w, h).lineWidth(0.6).strokeColor('#000').stroke();
      c.y = y + (h - cell.lines.length * lh) / 2;
      for (const line of cell.lines) {
        c.drawLine(line, size, x + PAD, w - 2 * PAD, 'center');
        c.y += lh;
      }
    }
    if (spec.columnNumbers) {
      const y = top + headerH - numbersH;
      widths.forEach((w, k) => {
        c.pdf.rect(xs[k]!, y, w, numbersH).lineWidth(0.6).stroke();
        const label = `(${k + 1})`;
        const lw = measure('italic', label);
        c.drawText(label, 'italic', size * 0.9, xs[k]! + (w - lw) / 2, y + PAD);
      });
    }
    c.y = top + headerH;
  };

  const previous = c.onNewPage;
  c.onNewPage = drawHeader;
  // Keep the header with at least one body line.
  c.ensure(headerH + lh + 2 * PAD);
  drawHeader();

  const rows: Array<{ lines: Line[][]; aligns: Array<'left' | 'center' | 'right'>; xs: number[]; ws: number[] }> = [];
  if (spec.rows.length === 0 && spec.emptyText) {
    rows.push({
      lines: [breakLines([{ text: spec.emptyText, italic: true }], c.width - 2 * PAD, measure)],
      aligns: ['center'],
      xs: [c.left],
      ws: [c.width],
    });
  }
  for (const row of spec.rows) {
    const lines = row.cells.map((value, k) => {
      const indent = k === (spec.indentColumn ?? 0) ? (row.indent ?? 0) * INDENT_STEP : 0;
      const runs: Run[] = [{ text: cellText(value), bold: row.bold ?? false }];
      return breakLines(runs, widths[k]! - 2 * PAD - indent, measure);
    });
    rows.push({
      lines,
      aligns: spec.columns.map((col) => col.align ?? 'left'),
      xs: xs.map((x, k) => x + (k === (spec.indentColumn ?? 0) ? (row.indent ?? 0) * INDENT_STEP : 0)),
      ws: widths.map((w, k) => w - (k === (spec.indentColumn ?? 0) ? (row.indent ?? 0) * INDENT_STEP : 0)),
    });
  }

  for (const row of rows) {
    const offsets = row.lines.map(() => 0);
    for (;;) {
      const remaining = row.lines.map((l, k) => l.length - offsets[k]!);
      const full = Math.max(1, ...remaining) * lh + 2 * PAD;
      const avail = c.bottom - c.y;
      const fresh = c.bottom - c.top - headerH;
      let take: number;
      if (full <= avail + 0.01) take = Math.max(1, ...remaining);
      else if (full <= fresh && offsets.every((o) => o === 0)) {
        c.newPage();
        continue;
      } else {
        take = Math.floor((avail - 2 * PAD) / lh);
        if (take < 1) {
          c.newPage();
          continue;
        }
      }
      const height = take * lh + 2 * PAD;
      const top = c.y;
      row.lines.forEach((cellLines, k) => {
        const x0 = row.lines.length === 1 ? c.left : xs[k]!;
        const w0 = row.lines.length === 1 ? c.width : widths[k]!;
        c.pdf.rect(x0, top, w0, height).lineWidth(0.6).strokeColor('#000').stroke();
        c.y = top + PAD;
        for (const line of cellLines.slice(offsets[k]!, offsets[k]! + take)) {
          c.drawLine(line, size, row.xs[k]! + PAD, row.ws[k]! - 2 * PAD, row.aligns[k]!);
          c.y += lh;
        }
        offsets[k]! += take;
      });
      c.y = top + height;
      if (row.lines.every((l, k) => offsets[k]! >= l.length)) break;
      c.newPage();
    }
  }
  c.onNewPage = previous;
}
