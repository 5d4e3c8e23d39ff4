import { paragraph, type Block, type PrintDocument } from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import { procedureText, slipPrintDocument, slipHeader, slipTitle } from './common.ts';
import type { ApologySlipData } from '../slip-data.ts';
import { fill, fillRuns, type TemplateSet } from '../templates/index.ts';

/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả (2018) / Văn bản xin lỗi và đề nghị gia hạn thời gian
 * giải quyết (2025): a letter from the agency, signed by its head.
 */
export function apologyDocument(data: ApologySlipData, set: TemplateSet): PrintDocument {
  const p = set.phrases;
  const a = p.apology;
  const t = printedIn(data.agency.timeZone);
  const agency = data.agency.name;
  const blocks: Block[] = [slipHeader(set, 'apology', data), slipTitle(set, 'apology', data.dossierCode)];
  blocks.push(paragraph(fillRuns(p.addressee, { name: data.applicant.name }), { align: 'center', spaceBefore: 6 }));
  const body = (runs: ReturnType<typeof fillRuns>) => paragraph(runs, { indent: 0, spaceBefore: 4 });
  blocks.push(
    body(
      fillRuns(a.received, {
        date: t.dayMonthYear(data.receivedAt),
        agency,
        name: data.applicant.name,
        code: data.dossierCode,
      }),
    ),
  );
  blocks.push(body(fillRuns(`${p.request}: {request}`, { request: procedureText(data.procedure) })));
  blocks.push(body(fillRuns(a.appointment, { date: t.longDateTime(data.appointmentAt) })));
  blocks.push(body([{ text: fill(a.notYet, { agency }) }]));
  blocks.push(body(fillRuns(a.reason, { reason: data.reason })));
  blocks.push(body(fillRuns(a.apology, { agency, at: t.longDateTime(data.newAppointmentAt) })));
  blocks.push(body([{ text: a.closing }]));
  blocks.push({
    kind: 'signatures',
    recipients: data.recipients ?? p.defaultRecipients,
    cells: [{ title: data.signer.title, hint: p.sealHint, name: data.signer.name }],
  });
  return slipPrintDocument(set, 'apology', data, blocks);
}
