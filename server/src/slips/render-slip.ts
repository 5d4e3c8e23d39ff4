import type { Issue } from '@motcua/core';
import type { PrintDocument } from '../print/model/blocks.ts';
import { renderHtml } from '../print/render/html.ts';
import { renderPdf } from '../print/render/pdf.ts';
import { renderedFile, type RenderedFile } from '../print/rendered-file.ts';
import { cleanDeep } from '../print/text/normalize.ts';
import { PrintInputError, assertValid, issue, orderIssue, timeZoneIssues } from '../print/validate.ts';
import { apologyDocument } from './forms/apology.ts';
import { controlDocument } from './forms/control.ts';
import { receiptDocument } from './forms/receipt.ts';
import { refusalDocument } from './forms/refusal.ts';
import { SLIP_KINDS, SLIP_SCHEMAS, type SlipDataMap, type SlipKind } from './slip-data.ts';
import { stopNoticeDocument } from './forms/stop-notice.ts';
import { supplementDocument } from './forms/supplement.ts';
import { selectTemplateSet, type TemplateSet, type TemplateVersion } from './templates/index.ts';

export type SlipFormat = 'html' | 'pdf';

export interface RenderedSlip extends RenderedFile {
  /** The template set the slip was printed with (store it with the artefact). */
  templateVersion: TemplateVersion;
  formNo: string | null;
}

const BUILDERS: { [K in SlipKind]: (data: SlipDataMap[K], set: TemplateSet) => PrintDocument } = {
  receipt: receiptDocument,
  supplement: supplementDocument,
  refusal: refusalDocument,
  apology: apologyDocument,
  'stop-notice': stopNoticeDocument,
  control: controlDocument,
};

const FILE_NAMES: Record<SlipKind, string> = {
  receipt: 'giay-tiep-nhan',
  supplement: 'phieu-yeu-cau-bo-sung',
  refusal: 'phieu-tu-choi',
  apology: 'van-ban-xin-loi',
  'stop-notice': 'thong-bao-dung',
  control: 'phieu-kiem-soat',
};

/** Cross-field rules a schema cannot say. */
const RULES: { [K in SlipKind]?: (data: SlipDataMap[K]) => Issue[] } = {
  receipt: (d) =>
    orderIssue(d, 'receivedAt', 'appointmentAt', {
      vi: 'Ngày hẹn trả kết quả không được trước thời gian nhận hồ sơ',
      en: 'The appointment cannot be before the receipt time',
    }),
  apology: (d) =>
    orderIssue(d, 'appointmentAt', 'newAppointmentAt', {
      vi: 'Ngày hẹn trả kết quả mới phải sau ngày hẹn cũ',
      en: 'The new appointment must be after the original one',
    }),
};

/**
 * Validates and normalises slip data, then lays it out with the template set in force on its
 * issue date (or `templateVersion`).
 */
export function slipDocument<K extends SlipKind>(
  kind: K,
  data: SlipDataMap[K],
  templateVersion?: TemplateVersion,
): { doc: PrintDocument; set: TemplateSet } {
  if (!SLIP_KINDS.includes(kind)) {
    throw new PrintInputError([
      issue('', 'unknown-slip-kind', {
        vi: `Không có loại phiếu "${String(kind)}"; có: ${SLIP_KINDS.join(', ')}`,
        en: `No slip kind "${String(kind)}"; known: ${SLIP_KINDS.join(', ')}`,
      }),
    ]);
  }
  const clean = cleanDeep(data);
  const rule = RULES[kind] as ((d: SlipDataMap[K]) => Issue[]) | undefined;
  assertValid(SLIP_SCHEMAS[kind], clean, (d: SlipDataMap[K]) => [...timeZoneIssues(d.agency), ...(rule?.(d) ?? [])]);
  const set = selectTemplateSet(clean.issuedAt, clean.agency.timeZone, templateVersion);
  return { doc: BUILDERS[kind](clean, set), set };
}

/**
 * A slip as printable HTML or PDF. Same input, same bytes: nothing depends on the clock or on
 * randomness, so the result can be hashed and stored as the issued artefact.
 */
export async function renderSlip<K extends SlipKind>(
  kind: K,
  data: SlipDataMap[K],
  format: SlipFormat,
  templateVersion?: TemplateVersion,
): Promise<RenderedSlip> {
  if (format !== 'html' && format !== 'pdf') {
    throw new PrintInputError([
      issue('', 'unknown-format', {
        vi: `Định dạng "${String(format)}" không được hỗ trợ (html, pdf)`,
        en: `Unsupported format "${String(format)}" (html, pdf)`,
      }),
    ]);
  }
  const { doc, set } = slipDocument(kind, data, templateVersion);
  const bytes = format === 'pdf' ? await renderPdf(doc) : new TextEncoder().encode(renderHtml(doc));
  const code = (data as { dossierCode: string }).dossierCode;
  return {
    ...renderedFile(bytes, format, `${FILE_NAMES[kind]}-${code}`),
    templateVersion: set.version,
    formNo: set.forms[kind].formNo,
  };
}
