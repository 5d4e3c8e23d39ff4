import { CHANNELS } from '@motcua/core';
import { b, paragraph, type Block, type PrintDocument } from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import {
  applicantBlocks,
  count2,
  money,
  oneStopUnit,
  procedureText,
  slipPrintDocument,
  slipHeader,
  slipTitle,
} from './common.ts';
import type { ReceiptSlipData } from '../slip-data.ts';
import { fill, fillRuns, type TemplateSet } from '../templates/index.ts';

const TIME_UNITS = { 'working-days': 'ngày làm việc', days: 'ngày', 'working-hours': 'giờ làm việc' } as const;

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export function receiptDocument(data: ReceiptSlipData, set: TemplateSet): PrintDocument {
  const p = set.phrases;
  const r = p.receipt;
  // With the tracking secret, the title's QR code opens tracking (its link carries the dossier code).
  const tracking = data.tracking;
  const blocks: Block[] = [slipHeader(set, 'receipt', data)];
  if (tracking) {
    const page = new URL(tracking.url);
    const lines = [
      fillRuns(r.trackingSecret, { secret: tracking.secret }),
      [{ text: fill(r.trackingHint, { url: `${page.host}${page.pathname}` }), italic: true }],
    ];
    blocks.push(slipTitle(set, 'receipt', data.dossierCode, lines, { text: tracking.url, label: r.trackingQrLabel }));
  } else blocks.push(slipTitle(set, 'receipt', data.dossierCode));
  blocks.push(paragraph([b(oneStopUnit(set, data.agency))]));
  blocks.push(...applicantBlocks(set, data.applicant, p.applicant, procedureText(data.procedure)));

  let n = 0;
  const item = (phrase: string, values: Record<string, string> = {}) =>
    paragraph([`${++n}. `, ...fillRuns(phrase, values)]);
  blocks.push(item(r.documentsHeading));
  blocks.push({
    kind: 'table',
    table: {
      columns: [
        { width: 7, align: 'center' },
        { width: 63 },
        { width: 15, align: 'center' },
        { width: 15, align: 'center' },
      ],
      header: [
        [
          { text: 'TT', rowSpan: 2 },
          { text: 'Tên giấy tờ', rowSpan: 2 },
          { text: 'Số lượng', colSpan: 2 },
        ],
        [{ text: 'Bản chính' }, { text: 'Bản sao' }],
      ],
      rows: data.documents.map((d, k) => ({ cells: [k + 1, d.name, d.originals, d.copies] })),
      emptyText: r.documentsEmpty,
    },
  });
  blocks.push(item(r.sets, { n: count2(data.sets ?? 1) }));
  if (data.processingTime) {
    const t = data.processingTime;
    blocks.push(item(r.processingTime, { time: `${formatAmount(t.amount)} ${TIME_UNITS[t.unit]}` }));
  }
  const t = printedIn(data.agency.timeZone);
  blocks.push(item(r.receivedAt, { at: t.longDateTime(data.receivedAt) }));
  blocks.push(item(r.appointment, { at: t.longDateTime(data.appointmentAt) }));
  blocks.push(item(r.channel, { channel: CHANNELS[data.channel].vi }));
  if (data.resultDelivery) blocks.push(item(r.delivery, { where: data.resultDelivery }));
  if (data.fees) blocks.push(item(r.fees, { fees: feesText(data.fees, r.feesNone) }));
  if (data.logbookEntry) {
    blocks.push(
      paragraph(fillRuns(r.logbook, { book: data.logbookEntry.book ?? '…', number: data.logbookEntry.number ?? '…' }), {
        spaceBefore: 6,
      }),
    );
  }
  blocks.push({
    kind: 'signatures',
    // At the counter the applicant countersigns; an online or postal dossier has nobody to sign.
    cells: [
      ...(data.channel === 'direct' ? [{ title: r.applicantSigns, hint: p.signHint, name: data.applicant.name }] : []),
      { title: r.officerSigns, hint: p.signHint, name: data.receivingOfficer.name },
    ],
  });
  return slipPrintDocument(set, 'receipt', data, blocks);
}

function feesText(fees: Array<{ name: string; amount: number }>, none: string): string {
  const total = fees.reduce((s, f) => s + f.amount, 0);
  if (total === 0) return none;
  if (fees.length === 1) return `${money(total)} (${fees[0]!.name})`;
  return `${money(total)} (${fees.map((f) => `${f.name}: ${money(f.amount)}`).join('; ')})`;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? count2(n) : new Intl.NumberFormat('vi-VN').format(n);
}
