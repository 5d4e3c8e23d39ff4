import { b, paragraph, type Block, type PrintDocument } from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import { applicantBlocks, oneStopUnit, procedureText, slipPrintDocument, slipHeader, slipTitle } from './common.ts';
import type { RefusalSlipData } from '../slip-data.ts';
import { fill, fillRuns, type TemplateSet } from '../templates/index.ts';

/** Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reasons. */
export function refusalDocument(data: RefusalSlipData, set: TemplateSet): PrintDocument {
  const p = set.phrases;
  const r = p.refusal;
  const unit = oneStopUnit(set, data.agency);
  const blocks: Block[] = [slipHeader(set, 'refusal', data), slipTitle(set, 'refusal', data.dossierCode)];
  blocks.push(paragraph([b(unit)]));
  blocks.push(...applicantBlocks(set, data.applicant, p.applicant, procedureText(data.procedure)));
  if (data.receivedAt)
    blocks.push(
      paragraph(
        fillRuns(p.supplement.receivedAt, { at: printedIn(data.agency.timeZone).longDateTime(data.receivedAt) }),
      ),
    );
  blocks.push(
    paragraph([data.legalBasis ? fill(r.basis, { basis: data.legalBasis, unit }) : fill(r.basisGeneric, { unit })], {
      spaceBefore: 6,
    }),
  );
  data.reasons.forEach((reason, k) => blocks.push(paragraph([`${k + 1}. `, b(reason)], { indent: 14, hanging: 14 })));
  blocks.push(paragraph([{ text: r.closing, italic: true }], { spaceBefore: 6 }));
  blocks.push({
    kind: 'signatures',
    cells: [{ title: r.officerSigns, hint: p.signHint, name: data.receivingOfficer.name }],
  });
  return slipPrintDocument(set, 'refusal', data, blocks);
}
