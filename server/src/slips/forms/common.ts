import {
  b,
  field,
  paragraph,
  type Block,
  type HeaderBlock,
  type PrintDocument,
  type Run,
  type TitleBlock,
} from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import type { AgencyHeader, Applicant, SlipKind } from '../slip-data.ts';
import { fill, type TemplateSet } from '../templates/index.ts';

/** Pieces every slip shares: the header, the title with the QR code, the applicant's lines. */
export interface SlipBase {
  dossierCode: string;
  agency: AgencyHeader;
  issuedAt: string;
  documentNumber?: string;
}

export function slipHeader(set: TemplateSet, kind: SlipKind, data: SlipBase): HeaderBlock {
  const form = set.forms[kind];
  return {
    kind: 'header',
    ...(data.agency.parentName ? { parent: data.agency.parentName } : {}),
    agency: data.agency.name,
    ...(data.documentNumber ? { number: `Số: ${data.documentNumber}` } : {}),
    // "Tiên Du, ngày 05 tháng 02 năm 2025": where and when the agency issues it.
    placeDate: `${data.agency.place}, ${printedIn(data.agency.timeZone).longDate(data.issuedAt)}`,
    ...(form.formNo ? { formRef: `${form.formNo} – ${set.circularShort}` } : {}),
  };
}

/** The title, the dossier code under it, and a QR code of the code (or of `qr`, a link that carries it). */
export function slipTitle(
  set: TemplateSet,
  kind: SlipKind,
  code: string,
  extra: Run[][] = [],
  qr: { text: string; label: string } = { text: code, label: `Mã QR: ${code}` },
): TitleBlock {
  return {
    kind: 'title',
    text: set.forms[kind].title,
    lines: [[{ text: fill(set.phrases.dossierCode, { code }), bold: true }], ...extra],
    qr: qr.text,
    qrLabel: qr.label,
  };
}

/** "Bộ phận Một cửa Ủy ban nhân dân xã Tiên Du" unless the agency names its unit. */
export function oneStopUnit(set: TemplateSet, agency: AgencyHeader): string {
  return agency.oneStopUnit ?? `${set.oneStopUnit} ${agency.name}`;
}

export function applicantBlocks(set: TemplateSet, applicant: Applicant, nameLabel: string, request: string): Block[] {
  const p = set.phrases;
  const blocks: Block[] = [field(nameLabel, applicant.name)];
  if (applicant.address) blocks.push(field(p.address, applicant.address));
  if (applicant.phone || applicant.email) {
    const runs: Array<Run | string> = [];
    if (applicant.phone) runs.push(`${p.phone}: `, b(applicant.phone));
    if (applicant.email) runs.push(`${applicant.phone ? '     ' : ''}${p.email}: `, b(applicant.email));
    blocks.push(paragraph(runs));
  }
  blocks.push(field(p.request, request));
  return blocks;
}

export function procedureText(procedure: { code?: string; name: string }): string {
  return procedure.code ? `${procedure.name} (mã thủ tục ${procedure.code})` : procedure.name;
}

const VND = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function money(amount: number): string {
  return `${VND.format(amount)} đồng`;
}

/** Two-digit counts as filled-in forms write them: "01", "12". */
export function count2(n: number): string {
  return String(n).padStart(2, '0');
}

export function slipPrintDocument(set: TemplateSet, kind: SlipKind, data: SlipBase, blocks: Block[]): PrintDocument {
  const form = set.forms[kind];
  return {
    title: `${sentence(form.title)} – ${data.dossierCode}`,
    subject: form.formNo ? `${form.formNo}, ${set.circular}` : set.circular,
    author: data.agency.name,
    createdAt: data.issuedAt,
    orientation: 'portrait',
    pageNumbers: 'when-several',
    blocks,
  };
}

function sentence(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}
