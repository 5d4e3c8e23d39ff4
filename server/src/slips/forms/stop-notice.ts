import { paragraph, type Block, type PrintDocument } from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import { procedureText, slipPrintDocument, slipHeader, slipTitle } from './common.ts';
import type { StopNoticeData } from '../slip-data.ts';
import { fillRuns, type TemplateSet } from '../templates/index.ts';

/** Thông báo dừng giải quyết hồ sơ (a form since 2025; an agency letter before). */
export function stopNoticeDocument(data: StopNoticeData, set: TemplateSet): PrintDocument {
  const p = set.phrases;
  const s = p.stopNotice;
  const t = printedIn(data.agency.timeZone);
  const agency = data.agency.name;
  const blocks: Block[] = [slipHeader(set, 'stop-notice', data), slipTitle(set, 'stop-notice', data.dossierCode)];
  blocks.push(paragraph(fillRuns(p.addressee, { name: data.applicant.name }), { align: 'center', spaceBefore: 6 }));
  const body = (runs: ReturnType<typeof fillRuns>) => paragraph(runs, { spaceBefore: 4 });
  blocks.push(
    body(
      fillRuns(s.received, {
        date: t.dayMonthYear(data.receivedAt),
        agency,
        name: data.applicant.name,
        code: data.dossierCode,
      }),
    ),
  );
  blocks.push(body(fillRuns(`${p.request}: {request}`, { request: procedureText(data.procedure) })));
  const at = t.longDateTime(data.stoppedAt ?? data.issuedAt);
  blocks.push(
    body(
      data.legalBasis
        ? fillRuns(s.stopWithBasis, { basis: data.legalBasis, agency, at })
        : fillRuns(s.stop, { agency, at }),
    ),
  );
  blocks.push(body(fillRuns(s.reason, { reason: data.reason })));
  blocks.push(body([{ text: s.closing }]));
  blocks.push({
    kind: 'signatures',
    recipients: data.recipients ?? p.defaultRecipients,
    cells: [{ title: data.signer.title, hint: p.sealHint, name: data.signer.name }],
  });
  return slipPrintDocument(set, 'stop-notice', data, blocks);
}
