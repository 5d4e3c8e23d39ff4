import { Type, type Static } from '@sinclair/typebox';
import { formatVnCalendarDate } from '@motcua/core';
import type { PrintDocument } from '../print/model/blocks.ts';
import type { CellValue, TableSpec } from '../print/model/table.ts';
import { renderHtml } from '../print/render/html.ts';
import { renderPdf } from '../print/render/pdf.ts';
import { tableCsv, type CsvOptions } from '../print/render/csv.ts';
import { tableXlsx } from '../print/render/xlsx.ts';
import { renderedFile, type RenderedFile } from '../print/rendered-file.ts';
import { AgencyHeaderSchema } from '../slips/slip-data.ts';
import { selectTemplateSet, type TemplateVersion } from '../slips/templates/index.ts';
import { cleanDeep } from '../print/text/normalize.ts';
import { PrintInputError, assertValid, issue, timeZoneIssues } from '../print/validate.ts';

/**
 * Sổ theo dõi hồ sơ: one agency's logbook for a period, one row per dossier, with the columns of
 * the official form (Mẫu số 06 of Circular 01/2018/TT-VPCP, kept as Mẫu số 07 by Circular
 * 03/2025/TT-VPCP): the lead agency and the hand-over to and back from it included. Rows come from
 * the dossiers' events; this module only lays them out as HTML, PDF (A4 landscape, header repeated
 * on every page, page numbers), CSV and XLSX.
 */
const Text = Type.String({ minLength: 1, pattern: '\\S' });
const Instant = Type.String({ format: 'date-time' });
const CalendarDate = Type.String({ format: 'date' });

export const LogbookRowSchema = Type.Object(
  {
    dossierCode: Text,
    /** Nội dung: the procedure. */
    content: Text,
    /** Số lượng (bộ). */
    sets: Type.Integer({ minimum: 1 }),
    applicantName: Text,
    address: Type.Optional(Text),
    phone: Type.Optional(Text),
    /** Cơ quan chủ trì giải quyết: the agency responsible for the decision. */
    leadAgency: Text,
    receivedAt: Instant,
    /** Ngày hẹn trả kết quả (absent for a dossier refused at the counter). */
    appointmentAt: Type.Optional(Instant),
    /** Chuyển hồ sơ đến cơ quan giải quyết: when the counter handed the dossier on. */
    forwardedAt: Type.Optional(Instant),
    /** Ngày nhận kết quả: when the one-stop unit got the result back from the handling agency. */
    resultReceivedAt: Type.Optional(Instant),
    /** Trả kết quả — bên giao: the officer who handed the result over. */
    returnedBy: Type.Optional(Text),
    /** Trả kết quả — bên nhận: who received it. */
    returnedTo: Type.Optional(Text),
    returnedAt: Type.Optional(Instant),
    note: Type.Optional(Text),
  },
  { additionalProperties: false },
);

export const LogbookSchema = Type.Object(
  {
    agency: AgencyHeaderSchema,
    period: Type.Object({ from: CalendarDate, to: CalendarDate }, { additionalProperties: false }),
    /** When the book was produced: the PDF's creation date, and the template set's choice. */
    generatedAt: Instant,
    /** Quyển số. */
    book: Type.Optional(Text),
    rows: Type.Array(LogbookRowSchema),
  },
  { additionalProperties: false },
);

export type LogbookRow = Static<typeof LogbookRowSchema>;
export type LogbookData = Static<typeof LogbookSchema>;
export type LogbookFormat = 'html' | 'pdf' | 'csv' | 'xlsx';

export const LOGBOOK_HEADER = [
  [
    { text: 'STT', rowSpan: 2 },
    { text: 'Mã hồ sơ', rowSpan: 2 },
    { text: 'Tên thủ tục hành chính', rowSpan: 2 },
    { text: 'Số lượng hồ sơ (bộ)', rowSpan: 2 },
    { text: 'Tên cá nhân, tổ chức', rowSpan: 2 },
    { text: 'Địa chỉ, số điện thoại', rowSpan: 2 },
    { text: 'Cơ quan chủ trì giải quyết', rowSpan: 2 },
    { text: 'Nhận hồ sơ', rowSpan: 2 },
    { text: 'Hẹn trả kết quả', rowSpan: 2 },
    { text: 'Chuyển hồ sơ đến cơ quan giải quyết', rowSpan: 2 },
    { text: 'Nhận kết quả từ cơ quan giải quyết', rowSpan: 2 },
    { text: 'Trả kết quả cho cá nhân, tổ chức', colSpan: 2 },
    { text: 'Ghi chú', rowSpan: 2 },
  ],
  [{ text: 'Ngày, tháng, năm' }, { text: 'Ký nhận' }],
];

export function logbookTable(data: LogbookData): TableSpec {
  const timeZone = data.agency.timeZone;
  const at = (instant: string | undefined): CellValue => (instant ? { instant, show: 'datetime', timeZone } : null);
  return {
    // Widths in points of the landscape page (8 pt text): a dossier code fits on one line.
    columns: [
      { width: 22, align: 'center', xlsxWidth: 6 },
      { width: 112, xlsxWidth: 28 },
      { width: 66, xlsxWidth: 40 },
      { width: 36, align: 'center', xlsxWidth: 9 },
      { width: 64, xlsxWidth: 24 },
      { width: 62, xlsxWidth: 36 },
      { width: 54, xlsxWidth: 28 },
      { width: 50, align: 'center', xlsxWidth: 17 },
      { width: 50, align: 'center', xlsxWidth: 17 },
      { width: 50, align: 'center', xlsxWidth: 17 },
      { width: 50, align: 'center', xlsxWidth: 17 },
      { width: 50, align: 'center', xlsxWidth: 17 },
      { width: 46, xlsxWidth: 22 },
      { width: 44, xlsxWidth: 30 },
    ],
    header: LOGBOOK_HEADER,
    rows: data.rows.map((row, k) => ({
      cells: [
        k + 1,
        row.dossierCode,
        row.content,
        row.sets,
        row.applicantName,
        [row.address, row.phone].filter(Boolean).join('\n') || null,
        row.leadAgency,
        at(row.receivedAt),
        at(row.appointmentAt),
        at(row.forwardedAt),
        at(row.resultReceivedAt),
        at(row.returnedAt),
        row.returnedTo ?? null,
        row.note ?? null,
      ],
    })),
    emptyText: 'Không có hồ sơ trong kỳ',
  };
}

function periodLine(data: LogbookData): string {
  return `Từ ngày ${formatVnCalendarDate(data.period.from)} đến ngày ${formatVnCalendarDate(data.period.to)}`;
}

export function logbookDocument(data: LogbookData, templateVersion?: TemplateVersion): PrintDocument {
  const set = selectTemplateSet(data.generatedAt, data.agency.timeZone, templateVersion);
  const form = set.forms.logbook;
  const lines = [[{ text: periodLine(data) }]];
  if (data.book) lines.unshift([{ text: `Quyển số: ${data.book}` }]);
  return {
    title: `Sổ theo dõi hồ sơ – ${data.agency.name} – ${periodLine(data)}`,
    subject: form.formNo ? `${form.formNo}, ${set.circular}` : set.circular,
    author: data.agency.name,
    createdAt: data.generatedAt,
    orientation: 'landscape',
    pageNumbers: 'always',
    blocks: [
      {
        kind: 'header',
        ...(data.agency.parentName ? { parent: data.agency.parentName } : {}),
        agency: data.agency.name,
        motto: false,
        ...(form.formNo ? { formRef: `${form.formNo} – ${set.circularShort}` } : {}),
      },
      { kind: 'title', text: form.title, lines },
      { kind: 'table', table: logbookTable(data), fontSize: 8 },
    ],
  };
}

function titleOf(doc: PrintDocument): string {
  const title = doc.blocks.find((b) => b.kind === 'title');
  return title?.kind === 'title' ? title.text : 'SỔ THEO DÕI HỒ SƠ';
}

function validLogbook(data: LogbookData): LogbookData {
  const clean = cleanDeep(data);
  assertValid(LogbookSchema, clean, (d: LogbookData) => [
    ...timeZoneIssues(d.agency),
    ...(d.period.from > d.period.to
      ? [
          issue('/period/to', 'order', {
            vi: 'Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu',
            en: 'The period must not end before it starts',
          }),
        ]
      : []),
  ]);
  return clean;
}

/** The logbook in one of four formats. */
export async function renderLogbook(
  data: LogbookData,
  format: LogbookFormat,
  options: CsvOptions & { templateVersion?: TemplateVersion } = {},
): Promise<RenderedFile> {
  const clean = validLogbook(data);
  const name = `so-theo-doi-ho-so-${clean.period.from}-${clean.period.to}`;
  switch (format) {
    case 'html':
      return renderedFile(
        new TextEncoder().encode(renderHtml(logbookDocument(clean, options.templateVersion))),
        'html',
        name,
      );
    case 'pdf':
      return renderedFile(await renderPdf(logbookDocument(clean, options.templateVersion)), 'pdf', name);
    case 'csv':
      return renderedFile(tableCsv(logbookTable(clean), options), 'csv', name);
    case 'xlsx': {
      const doc = logbookDocument(clean, options.templateVersion);
      const bytes = await tableXlsx({
        sheetName: 'Sổ theo dõi hồ sơ',
        titleLines: [
          titleOf(doc),
          clean.agency.name,
          periodLine(clean),
          ...(clean.book ? [`Quyển số: ${clean.book}`] : []),
        ],
        table: logbookTable(clean),
        orientation: 'landscape',
        createdAt: doc.createdAt,
        author: clean.agency.name,
      });
      return renderedFile(bytes, 'xlsx', name);
    }
    default:
      throw new PrintInputError([
        issue('', 'unknown-format', {
          vi: `Định dạng "${String(format)}" không được hỗ trợ (html, pdf, csv, xlsx)`,
          en: `Unsupported format "${String(format)}" (html, pdf, csv, xlsx)`,
        }),
      ]);
  }
}
