import { b, paragraph, type Block, type PrintDocument } from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import { applicantBlocks, oneStopUnit, procedureText, slipPrintDocument, slipHeader, slipTitle } from './common.ts';
import type { SupplementSlipData } from '../slip-data.ts';
import { fillRuns, type TemplateSet } from '../templates/index.ts';

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what is missing or wrong, why, and by when. */
export function supplementDocument(data: SupplementSlipData, set: TemplateSet): PrintDocument {
  const p = set.phrases;
  const s = p.supplement;
  const t = printedIn(data.agency.timeZone);
  const blocks: Block[] = [slipHeader(set, 'supplement', data), slipTitle(set, 'supplement', data.dossierCode)];
  blocks.push(paragraph([b(oneStopUnit(set, data.agency))]));
  blocks.push(...applicantBlocks(set, data.applicant, p.applicant, procedureText(data.procedure)));
  if (data.receivedAt) blocks.push(paragraph(fillRuns(s.receivedAt, { at: t.longDateTime(data.receivedAt) })));
  blocks.push(paragraph([s.heading], { spaceBefore: 6 }));
  blocks.push({
    kind: 'table',
    table: {
      columns: [{ width: 7, align: 'center' }, { width: 53 }, { width: 40 }],
      header: [[{ text: 'TT' }, { text: 'Nội dung cần bổ sung, hoàn thiện' }, { text: 'Lý do' }]],
      rows: data.items.map((item, k) => ({
        cells: [k + 1, item.document ? `${item.document}: ${item.requirement}` : item.requirement, item.reason],
      })),
    },
  });
  if (data.dueBy) blocks.push(paragraph(fillRuns(s.dueBy, { at: t.longDateTime(data.dueBy) })));
  blocks.push(paragraph([{ text: s.pauseNote, italic: true }]));
  const officer = data.guidingOfficer;
  const who = officer.position ? `${officer.position} ${officer.name}` : officer.name;
  blocks.push(
    paragraph(
      officer.phone
        ? fillRuns(s.contactWithPhone, { officer: who, phone: officer.phone })
        : fillRuns(s.contact, { officer: who }),
      {
        spaceBefore: 6,
      },
    ),
  );
  blocks.push({ kind: 'signatures', cells: [{ title: s.officerSigns, hint: p.signHint, name: officer.name }] });
  return slipPrintDocument(set, 'supplement', data, blocks);
}
