import PDFDocument from 'pdfkit';
import type {
  Block,
  HeaderBlock,
  ParagraphBlock,
  PrintDocument,
  Run,
  SignaturesBlock,
  TitleBlock,
  TableBlock,
  Align,
} from '../model/blocks.ts';
import { fontBytes, type FontStyle } from '../fonts.ts';
import { qrMatrix, qrRuns, QR_QUIET_ZONE } from '../qr.ts';
import { breakLines, type Line, type Measure } from './line-break.ts';
import { drawTable } from './pdf-table.ts';

/**
 * PDF output of a print document with pdfkit: A4, PDF/A-2b, the repository's OFL font embedded (subset),
 * our own line breaking and page breaking, vector QR codes, and a creation date taken from the
 * document so that the same input always yields the same bytes (an issued slip is hashed and kept).
 */
const MM = 72 / 25.4;

/** Decree 30/2020/NĐ-CP page margins for portrait documents; landscape books use narrower ones. */
const MARGINS = {
  portrait: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
  landscape: { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 15 * MM },
} as const;

// Noto Serif sets wider than the Times New Roman of paper forms: 12 pt here reads like 13–14 pt there.
const BODY_SIZE = 12;
const FOOTER_SIZE = 9;

export class PdfCanvas {
  readonly pdf: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  y: number;
  /** Called after a page break (tables redraw their header). */
  onNewPage: (() => void) | null = null;

  constructor(readonly doc: PrintDocument) {
    const margins = MARGINS[doc.orientation];
    const created = new Date(doc.createdAt);
    this.pdf = new PDFDocument({
      size: 'A4',
      layout: doc.orientation,
      margins,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      // Archival PDF (ISO 19005-2 level B): fonts embedded, sRGB output intent, XMP metadata.
      subset: 'PDF/A-2b',
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: doc.title,
        ...(doc.author ? { Author: doc.author } : {}),
        ...(doc.subject ? { Subject: doc.subject } : {}),
        Creator: 'motcua',
        Producer: 'motcua (pdfkit)',
        CreationDate: created,
        ModDate: created,
      },
    });
    this.pdf.registerFont('regular', fontBytes('regular'));
    this.pdf.registerFont('bold', fontBytes('bold'));
    this.pdf.registerFont('italic', fontBytes('italic'));
    this.pdf.font('regular');
    this.left = margins.left;
    this.width = this.pdf.page.width - margins.left - margins.right;
    this.top = margins.top;
    // Room for the page number line inside the bottom margin is kept free anyway.
    this.bottom = this.pdf.page.height - margins.bottom;
    this.y = this.top;
  }

  private readonly widths = new Map<string, number>();

  /** Text width in points; cached, as tables measure the same words (dates, names) over and over. */
  measure(size: number): Measure {
    return (style, text) => {
      const key = `${style}\u0000${size}\u0000${text}`;
      let w = this.widths.get(key);
      if (w === undefined) {
        w = this.pdf.font(style).fontSize(size).widthOfString(text);
        this.widths.set(key, w);
      }
      return w;
    };
  }

  lineHeight(size: number): number {
    return size * 1.32;
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = this.top;
    this.onNewPage?.();
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage();
  }

  drawText(text: string, style: FontStyle, size: number, x: number, y: number): void {
    this.pdf.font(style).fontSize(size).text(text, x, y, { lineBreak: false });
  }

  /** Draws one broken line at `y`, inside [x, x + width]. */
  drawLine(line: Line, size: number, x: number, width: number, align: Align): void {
    let extraGap = 0;
    let start = x;
    if (align === 'center') start = x + (width - line.width) / 2;
    else if (align === 'right') start = x + width - line.width;
    else if (align === 'justify' && !line.hardEnd && line.units.length > 1) {
      extraGap = (width - line.width) / (line.units.length - 1);
      // A long unbreakable word (a dossier code) would leave gaps wider than words: stay ragged.
      if (extraGap > size * 0.6) extraGap = 0;
    }
    // Consecutive words in one style separated by one plain space go out as one text run: fewer
    // operators, and real spaces for copy and paste.
    const measure = this.measure(size);
    let run: { text: string; style: FontStyle; x: number } | null = null;
    const flush = () => {
      if (run) this.drawText(run.text, run.style, size, run.x, this.y);
      run = null;
    };
    let cx = start;
    line.units.forEach((unit, k) => {
      const gap = k > 0 ? unit.gap + extraGap : 0;
      unit.pieces.forEach((piece, p) => {
        const joinsBySpace =
          p === 0 && k > 0 && extraGap === 0 && Math.abs(unit.gap - measure(piece.style, ' ')) < 0.01;
        if (run && run.style === piece.style && (joinsBySpace || p > 0)) {
          run.text += (p === 0 ? ' ' : '') + piece.text;
        } else {
          flush();
          run = { text: piece.text, style: piece.style, x: cx + (p === 0 ? gap : 0) };
        }
        cx += (p === 0 ? gap : 0) + piece.width;
      });
    });
    flush();
  }

  /** Flowing text: lines break across pages. */
  flow(runs: Run[], size: number, options: { x?: number; width?: number; align?: Align; hanging?: number } = {}): void {
    const x = options.x ?? this.left;
    const width = options.width ?? this.width;
    const hanging = options.hanging ?? 0;
    const lh = this.lineHeight(size);
    const lines = breakLines(runs, width - hanging, this.measure(size), width);
    lines.forEach((line, k) => {
      this.ensure(lh);
      const indent = k === 0 ? 0 : hanging;
      this.drawLine(line, size, x + indent, width - indent, options.align ?? 'left');
      this.y += lh;
    });
  }

  hline(x1: number, x2: number, y: number, width = 0.6): void {
    this.pdf.moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor('#000').stroke();
  }

  async finish(): Promise<Uint8Array> {
    const range = this.pdf.bufferedPageRange();
    const mode = this.doc.pageNumbers ?? 'when-several';
    if (mode === 'always' || range.count > 1) {
      for (let p = 0; p < range.count; p++) {
        this.pdf.switchToPage(range.start + p);
        const label = `Trang ${p + 1}/${range.count}`;
        const w = this.measure(FOOTER_SIZE)('regular', label);
        const y = this.pdf.page.height - this.pdf.page.margins.bottom / 2 - FOOTER_SIZE / 2;
        this.drawText(label, 'regular', FOOTER_SIZE, this.left + (this.width - w) / 2, y);
      }
    }
    const chunks: Buffer[] = [];
    this.pdf.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      this.pdf.on('end', () => resolve());
      this.pdf.on('error', reject);
    });
    this.pdf.end();
    await ended;
    return new Uint8Array(Buffer.concat(chunks));
  }
}

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
