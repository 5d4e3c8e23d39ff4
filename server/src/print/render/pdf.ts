import type {
  Block,
  HeaderBlock,
  ParagraphBlock,
  PrintDocument,
  Run,
  SignaturesBlock,
  TitleBlock,
  TableBlock,
} from '../model/blocks.ts';
import type { FontStyle } from '../fonts.ts';
import { qrMatrix, qrRuns, QR_QUIET_ZONE } from '../qr.ts';
import { breakLines, type Line } from './line-break.ts';
import { PdfCanvas } from './pdf-canvas.ts';
import { drawTable } from './pdf-table.ts';

// Noto Serif sets wider than the Times New Roman of paper forms: 12 pt here reads like 13–14 pt there.
const BODY_SIZE = 12;

/**
 * PDF output of a print document with pdfkit: A4, PDF/A-2b, the repository's OFL font embedded (subset),
 * our own line breaking and page breaking, vector QR codes, and a creation date taken from the
 * document so that the same input always yields the same bytes (an issued slip is hashed and kept).
 */
export async function renderPdf(doc: PrintDocument): Promise<Uint8Array> {
  const canvas = new PdfCanvas(doc);
  for (const block of doc.blocks) drawBlock(canvas, block);
  return canvas.finish();
}

function drawBlock(c: PdfCanvas, block: Block): void {
  switch (block.kind) {
    case 'header':
      return drawHeader(c, block);
    case 'title':
      return drawTitle(c, block);
    case 'paragraph':
      return drawParagraph(c, block);
    case 'table':
      return drawTableBlock(c, block);
    case 'signatures':
      return drawSignatures(c, block);
    case 'spacer':
      c.y += block.height;
      return;
  }
}

/** Largest size ≤ `max` at which `text` fits `width` in one line (down to `min`). */
function fitSize(c: PdfCanvas, style: FontStyle, text: string, width: number, max: number, min = 9): number {
  let size = max;
  while (size > min && c.measure(size)(style, text) > width) size -= 0.5;
  return size;
}

function centeredLines(
  c: PdfCanvas,
  runs: Run[],
  size: number,
  x: number,
  width: number,
): { lines: Line[]; height: number } {
  const lines = breakLines(runs, width, c.measure(size));
  return { lines, height: lines.length * c.lineHeight(size) };
}

const MOTTO_1 = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';

function drawHeader(c: PdfCanvas, h: HeaderBlock): void {
  const leftW = c.width * 0.43;
  const rightX = c.left + leftW;
  const rightW = c.width - leftW;
  const top = c.y;

  if (h.formRef) {
    const size = 9;
    const w = c.measure(size)('italic', h.formRef);
    c.drawText(h.formRef, 'italic', size, c.left + c.width - Math.min(w, c.width), top);
    c.y = top + c.lineHeight(size) + 2;
  }
  const blockTop = c.y;

  // Left: managing body (regular capitals), agency (bold capitals), short rule, number.
  let ly = blockTop;
  const leftLine = (runs: Run[]): number => {
    const style = runs[0]?.bold ? 'bold' : 'regular';
    const leftSize = fitSize(c, style, runs.map((r) => r.text).join(''), leftW - 4, 12, 10);
    const { lines } = centeredLines(c, runs, leftSize, c.left, leftW);
    let lastWidth = 0;
    for (const line of lines) {
      c.y = ly;
      c.drawLine(line, leftSize, c.left, leftW, 'center');
      ly += c.lineHeight(leftSize) * 0.92;
      lastWidth = Math.max(lastWidth, line.width);
    }
    return lastWidth;
  };
  if (h.parent) leftLine([{ text: h.parent.toLocaleUpperCase('vi') }]);
  const agencyWidth = leftLine([{ text: h.agency.toLocaleUpperCase('vi'), bold: true }]);
  const ruleW = Math.max(30, agencyWidth / 3);
  c.hline(c.left + (leftW - ruleW) / 2, c.left + (leftW + ruleW) / 2, ly + 3);
  ly += 8;

  // Right: national title and motto, each fitted to one line, the motto underlined.
  let ry = blockTop;
  if (h.motto !== false) {
    const s1 = fitSize(c, 'bold', MOTTO_1, rightW, 12);
    c.drawText(MOTTO_1, 'bold', s1, rightX + (rightW - c.measure(s1)('bold', MOTTO_1)) / 2, ry);
    ry += c.lineHeight(s1) * 0.92;
    const s2 = fitSize(c, 'bold', MOTTO_2, rightW, 13);
    const m2w = c.measure(s2)('bold', MOTTO_2);
    c.drawText(MOTTO_2, 'bold', s2, rightX + (rightW - m2w) / 2, ry);
    ry += c.lineHeight(s2) * 0.92;
    c.hline(rightX + (rightW - m2w) / 2, rightX + (rightW + m2w) / 2, ry + 3);
    ry += 8;
  }

  // Number (left) and place-date (right) share a baseline, as Decree 30 lays them out.
  let y = Math.max(ly, ry) + 2;
  const size = BODY_SIZE;
  let bottom = y;
  if (h.number) {
    c.y = y;
    c.flow([{ text: h.number }], size, { x: c.left, width: leftW, align: 'center' });
    bottom = Math.max(bottom, c.y);
  }
  if (h.placeDate) {
    c.y = y;
    c.flow([{ text: h.placeDate, italic: true }], size, { x: rightX, width: rightW, align: 'center' });
    bottom = Math.max(bottom, c.y);
  }
  c.y = bottom + 10;
}

const QR_SIZE = 68;

function drawTitle(c: PdfCanvas, t: TitleBlock): void {
  const top = c.y;
  const side = t.qr ? QR_SIZE + 4 : 0;
  const x = c.left + side;
  const width = c.width - 2 * side;
  c.flow([{ text: t.text, bold: true }], fitSize(c, 'bold', t.text, width, 13.5, 12), { x, width, align: 'center' });
  for (const line of t.lines ?? []) c.flow(line, BODY_SIZE, { x, width, align: 'center' });
  let bottom = c.y;
  if (t.qr) {
    drawQr(c, t.qr, c.left + c.width - QR_SIZE, top - 4, QR_SIZE);
    bottom = Math.max(bottom, top - 4 + QR_SIZE);
  }
  c.y = bottom + 8;
}

function drawQr(c: PdfCanvas, text: string, x: number, y: number, size: number): void {
  const m = qrMatrix(text);
  const unit = size / (m.size + 2 * QR_QUIET_ZONE);
  const pdf = c.pdf;
  pdf.save();
  pdf.rect(x, y, size, size).fill('#ffffff');
  for (const run of qrRuns(m)) {
    pdf.rect(x + (run.col + QR_QUIET_ZONE) * unit, y + (run.row + QR_QUIET_ZONE) * unit, run.length * unit, unit);
  }
  pdf.fill('#000000');
  pdf.restore();
}

function drawParagraph(c: PdfCanvas, p: ParagraphBlock): void {
  c.y += p.spaceBefore ?? 3;
  const indent = p.indent ?? 0;
  c.flow(p.runs, p.fontSize ?? BODY_SIZE, {
    x: c.left + indent,
    width: c.width - indent,
    align: p.align ?? 'justify',
    hanging: p.hanging ?? 0,
  });
}

function drawTableBlock(c: PdfCanvas, block: TableBlock): void {
  c.y += 4;
  drawTable(c, block.table, block.fontSize ?? 11);
  c.y += 4;
}

function drawSignatures(c: PdfCanvas, s: SignaturesBlock): void {
  const size = BODY_SIZE;
  const lh = c.lineHeight(size);
  const hasRecipients = (s.recipients?.length ?? 0) > 0;
  // The left part holds "Nơi nhận"; a lone signature sits in the right half, as on the paper forms.
  const recipientsW = hasRecipients || s.cells.length === 1 ? c.width * 0.42 : 0;
  const cellW = (c.width - recipientsW) / Math.max(1, s.cells.length);
  const signingSpace = 62;
  const cellHeight = (cell: (typeof s.cells)[number]): number => {
    const titleLines = breakLines([{ text: cell.title, bold: true }], cellW - 6, c.measure(size)).length;
    const hintLines = cell.hint
      ? breakLines([{ text: cell.hint, italic: true }], cellW - 6, c.measure(size)).length
      : 0;
    return (titleLines + hintLines + 1) * lh + signingSpace;
  };
  const recipientsHeight = hasRecipients ? (s.recipients!.length + 1) * c.lineHeight(11) + 4 : 0;
  const height = Math.max(recipientsHeight, ...s.cells.map(cellHeight));
  c.y += 10;
  c.ensure(height);
  const top = c.y;
  let bottom = top;
  if (hasRecipients) {
    c.y = top + 2;
    c.flow([{ text: 'Nơi nhận:', bold: true }], 11.5, { x: c.left, width: recipientsW });
    for (const r of s.recipients!) c.flow([{ text: `- ${r}` }], 11, { x: c.left, width: recipientsW - 6, hanging: 8 });
    bottom = Math.max(bottom, c.y);
  }
  s.cells.forEach((cell, k) => {
    const x = c.left + recipientsW + k * cellW + 3;
    c.y = top;
    c.flow([{ text: cell.title, bold: true }], size, { x, width: cellW - 6, align: 'center' });
    if (cell.hint) c.flow([{ text: cell.hint, italic: true }], size, { x, width: cellW - 6, align: 'center' });
    c.y += signingSpace;
    if (cell.name) c.flow([{ text: cell.name, bold: true }], size, { x, width: cellW - 6, align: 'center' });
    bottom = Math.max(bottom, c.y);
  });
  c.y = bottom + 6;
}
