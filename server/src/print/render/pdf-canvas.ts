import PDFDocument from 'pdfkit';
import type { Align, PrintDocument, Run } from '../model/blocks.ts';
import { fontBytes, type FontStyle } from '../fonts.ts';
import { breakLines, type Line, type Measure } from './line-break.ts';

const MM = 72 / 25.4;

/** Decree 30/2020/NĐ-CP page margins for portrait documents; landscape books use narrower ones. */
const MARGINS = {
  portrait: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
  landscape: { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 15 * MM },
} as const;

const FOOTER_SIZE = 9;

/**
 * One pdfkit document being drawn: A4 page geometry, the embedded fonts, the running vertical position,
 * text measuring, line and page breaking. Block and table drawers (pdf.ts, pdf-table.ts) draw on it.
 */
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
