import type { TableSpec } from './table.ts';

/**
 * The document model between a slip's data and its output formats. A template turns data into
 * blocks; the HTML and PDF renderers draw the same blocks, so both formats say the same thing.
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Top of an administrative document: issuing body on the left, national motto on the right. */
export interface HeaderBlock {
  kind: 'header';
  /** The managing body, printed in capitals (e.g. "UBND TỈNH BẮC NINH"); may be absent. */
  parent?: string;
  /** The issuing agency or unit, bold capitals. */
  agency: string;
  /** "Số: 12/TB-UBND" line under the agency, when the document is numbered. */
  number?: string;
  /** "Bắc Ninh, ngày 01 tháng 10 năm 2025", italic under the motto. */
  placeDate?: string;
  /** Small reference to the form in the top right corner ("Mẫu số 01 – Thông tư …"). */
  formRef?: string;
  /** The national title and motto; books and reports leave them out. Default true. */
  motto?: boolean;
}

export interface TitleBlock {
  kind: 'title';
  text: string;
  /** Lines under the title (the dossier code, "(Kèm theo …)"). */
  lines?: Run[][];
  /** Printed as a QR code at the right of the title. */
  qr?: string;
  /** Its accessible name in HTML; "Mã QR: <qr>" by default. */
  qrLabel?: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  align?: Align;
  /** Left indentation in points. */
  indent?: number;
  /** Continuation lines start this many points further right (numbered and dashed items). */
  hanging?: number;
  fontSize?: number;
  spaceBefore?: number;
}

export interface TableBlock {
  kind: 'table';
  table: TableSpec;
  fontSize?: number;
}

export interface SignatureCell {
  /** Capitals, bold: "NGƯỜI TIẾP NHẬN HỒ SƠ", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  title: string;
  /** Italic under the title: "(Ký và ghi rõ họ tên)". */
  hint?: string;
  /** The signer's name, bold under the signing space. */
  name?: string;
}

/**
 * The bottom of a document: signature columns and, for letters, the "Nơi nhận" list on the left.
 * A single signature without recipients sits in the right half.
 */
export interface SignaturesBlock {
  kind: 'signatures';
  cells: SignatureCell[];
  recipients?: string[];
}

export interface SpacerBlock {
  kind: 'spacer';
  height: number;
}

export type Block = HeaderBlock | TitleBlock | ParagraphBlock | TableBlock | SignaturesBlock | SpacerBlock;

export interface PrintDocument {
  title: string;
  /** Fixes the PDF's creation date, so the same data gives the same bytes. */
  createdAt: string;
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
  /** Print "Trang x/y" at the foot of every page (always when there is more than one page). */
  pageNumbers?: 'always' | 'when-several';
  author?: string;
  subject?: string;
}

export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });
export const t = (text: string): Run => ({ text });

export function paragraph(
  runs: Array<Run | string>,
  options: Omit<ParagraphBlock, 'kind' | 'runs'> = {},
): ParagraphBlock {
  return { kind: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)), ...options };
}

/** "Label: value" with the value bold — the way filled-in forms print their fields. */
export function field(
  label: string,
  value: string | undefined,
  options: Omit<ParagraphBlock, 'kind' | 'runs'> = {},
): ParagraphBlock {
  return paragraph([`${label}: `, value && value.length > 0 ? b(value) : '…'], options);
}
