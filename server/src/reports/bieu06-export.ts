import { Type, type Static } from '@sinclair/typebox';
import {
  BIEU06_ALL_COLUMNS,
  BIEU06_ANNEX_COLUMNS,
  BIEU06_COLUMNS,
  checkEquations,
  formatVnCalendarDate,
  type Bieu06Row,
  type Issue,
  type ReportLine,
} from '@motcua/core';
import type { PrintDocument } from '../print/model/blocks.ts';
import type { CellValue, TableSpec } from '../print/model/table.ts';
import { tableCsv, type CsvOptions } from '../print/render/csv.ts';
import { renderHtml } from '../print/render/html.ts';
import { renderPdf } from '../print/render/pdf.ts';
import { tableXlsx } from '../print/render/xlsx.ts';
import { renderedFile, type RenderedFile } from '../print/rendered-file.ts';
import { cleanDeep } from '../print/text/normalize.ts';
import { PrintInputError, assertValid, issue } from '../print/validate.ts';

/**
 * Biểu số 06 (Circular 01/2020/TT-VPCP) as a document: the two header rows of the official form,
 * numbered columns, one row per agency or field (roll-ups indented, totals bold), exactly the
 * form's columns; then motcua's annex (withdrawn, stopped), which the form has no column for, as
 * a separate table. The numbers come from core's report engine; this module lays them out and
 * refuses rows whose equations fail.
 */
const Text = Type.String({ minLength: 1, pattern: '\\S' });
const Count = Type.Integer({ minimum: 0 });

// Structurally the core's Bieu06Row, so that its values validate before printing.
const Bieu06RowSchema = Type.Object(
  Object.fromEntries(BIEU06_ALL_COLUMNS.map((c) => [c, Count])) as Record<
    (typeof BIEU06_ALL_COLUMNS)[number],
    typeof Count
  >,
  { additionalProperties: false },
);

export const Bieu06ExportRowSchema = Type.Object(
  {
    /** Agency or field name as printed. */
    label: Text,
    /** "STT" as printed ("1", "1.2", "I"); rows are numbered 1, 2, … when absent (totals stay blank). */
    stt: Type.Optional(Type.String()),
    /** Depth in a roll-up (0 = the root agency). */
    depth: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    /** A total or roll-up line: printed bold. */
    total: Type.Optional(Type.Boolean()),
    values: Bieu06RowSchema,
  },
  { additionalProperties: false },
);

export const Bieu06ExportSchema = Type.Object(
  {
    /** Đơn vị báo cáo. */
    reportingUnit: Type.Object({ name: Text, parentName: Type.Optional(Text) }, { additionalProperties: false }),
    period: Type.Object(
      { from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) },
      { additionalProperties: false },
    ),
    groupBy: Type.Union([Type.Literal('agency'), Type.Literal('field'), Type.Literal('agency-field')]),
    generatedAt: Type.String({ format: 'date-time' }),
    rows: Type.Array(Bieu06ExportRowSchema),
    /** Add the on-time rate, (trước hạn + đúng hạn) / đã giải quyết, as a last column. */
    onTimeRate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export type Bieu06ExportRow = Static<typeof Bieu06ExportRowSchema> & { values: Bieu06Row };
export type Bieu06Export = Static<typeof Bieu06ExportSchema> & { rows: Bieu06ExportRow[] };
export type Bieu06Format = 'html' | 'pdf' | 'csv' | 'xlsx';

const LABEL_HEADINGS = {
  agency: 'Cơ quan, đơn vị',
  field: 'Lĩnh vực giải quyết',
  'agency-field': 'Cơ quan, đơn vị / lĩnh vực',
} as const;

/** The UTF-8 byte-order mark that starts every CSV (left out of the annex appended to it). */
const BOM_BYTES = 3;

export const BIEU06_TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

export function bieu06Table(data: Bieu06Export): TableSpec {
  const rate = data.onTimeRate ?? false;
  const header = [
    [
      { text: 'STT', rowSpan: 2 },
      { text: LABEL_HEADINGS[data.groupBy], rowSpan: 2 },
      { text: 'Số hồ sơ nhận giải quyết', colSpan: 4 },
      { text: 'Số hồ sơ đã giải quyết', colSpan: 4 },
      { text: 'Số hồ sơ đang giải quyết', colSpan: 3 },
      ...(rate ? [{ text: 'Tỷ lệ giải quyết đúng hạn (%)', rowSpan: 2 }] : []),
    ],
    [
      { text: 'Tổng số' },
      { text: 'Trực tuyến' },
      { text: 'Trực tiếp, bưu chính' },
      { text: 'Từ kỳ trước' },
      { text: 'Tổng số' },
      { text: 'Trước hạn' },
      { text: 'Đúng hạn' },
      { text: 'Quá hạn' },
      { text: 'Tổng số' },
      { text: 'Trong hạn' },
      { text: 'Quá hạn' },
    ],
  ];
  let n = 0;
  const number = { width: 5.2, align: 'center' as const, xlsxWidth: 11 };
  return {
    columns: [
      { width: 4, align: 'center', xlsxWidth: 6 },
      { width: 22, xlsxWidth: 44 },
      ...BIEU06_COLUMNS.map(() => number),
      ...(rate ? [{ ...number, width: 6.5 }] : []),
    ],
    header,
    columnNumbers: true,
    indentColumn: 1,
    rows: data.rows.map((row) => {
      const stt = row.stt ?? (row.total ? '' : String(++n));
      const v = row.values;
      const cells: CellValue[] = [stt, row.label, ...BIEU06_COLUMNS.map((c) => v[c])];
      if (rate) cells.push(v.resolved === 0 ? null : Math.round(((v.early + v.onTime) / v.resolved) * 10000) / 100);
      return { cells, bold: row.total ?? false, indent: row.depth ?? 0 };
    }),
    emptyText: 'Không có số liệu trong kỳ',
  };
}

export const BIEU06_ANNEX_TITLE = 'PHỤ LỤC: HỒ SƠ RÚT, DỪNG GIẢI QUYẾT TRONG KỲ';
export const BIEU06_ANNEX_NOTE =
  'Không thuộc Biểu số 06: hồ sơ rút hoặc dừng giải quyết trong kỳ không được tính vào các cột của biểu.';

/** The annex: what motcua adds to the form, one row per row of the form. */
export function bieu06AnnexTable(data: Bieu06Export): TableSpec {
  let n = 0;
  const number = { width: 12, align: 'center' as const, xlsxWidth: 16 };
  return {
    columns: [{ width: 4, align: 'center', xlsxWidth: 6 }, { width: 40, xlsxWidth: 44 }, number, number],
    header: [
      [
        { text: 'STT' },
        { text: LABEL_HEADINGS[data.groupBy] },
        { text: 'Số hồ sơ rút (công dân yêu cầu)' },
        { text: 'Số hồ sơ dừng giải quyết' },
      ],
    ],
    columnNumbers: true,
    indentColumn: 1,
    rows: data.rows.map((row) => ({
      cells: [row.stt ?? (row.total ? '' : String(++n)), row.label, ...BIEU06_ANNEX_COLUMNS.map((c) => row.values[c])],
      bold: row.total ?? false,
      indent: row.depth ?? 0,
    })),
    emptyText: 'Không có số liệu trong kỳ',
  };
}

/**
 * Export rows from core's report lines; `labelOf` names the agency or field of a line. In a roll-up
 * the root line (depth 0) is the subtree's total and prints bold.
 */
export function bieu06ExportRows(
  lines: readonly ReportLine[],
  labelOf: (line: ReportLine) => string,
): Bieu06ExportRow[] {
  return lines.map((line) => ({
    label: labelOf(line),
    values: line.row,
    ...(line.depth !== undefined ? { depth: line.depth } : {}),
    ...(line.depth === 0 ? { total: true } : {}),
  }));
}

function periodLine(data: Bieu06Export): string {
  return `Kỳ báo cáo: từ ngày ${formatVnCalendarDate(data.period.from)} đến ngày ${formatVnCalendarDate(data.period.to)}`;
}

export function bieu06Document(data: Bieu06Export): PrintDocument {
  return {
    title: `Biểu số 06 – ${data.reportingUnit.name} – ${periodLine(data)}`,
    subject: 'Biểu số 06, Thông tư số 01/2020/TT-VPCP',
    author: data.reportingUnit.name,
    createdAt: data.generatedAt,
    orientation: 'landscape',
    pageNumbers: 'always',
    blocks: [
      {
        kind: 'header',
        ...(data.reportingUnit.parentName ? { parent: data.reportingUnit.parentName } : {}),
        agency: data.reportingUnit.name,
        motto: false,
        formRef: 'Biểu số 06 – Thông tư 01/2020/TT-VPCP',
      },
      {
        kind: 'title',
        text: BIEU06_TITLE,
        lines: [[{ text: periodLine(data) }], [{ text: 'Đơn vị tính: Số hồ sơ thủ tục hành chính', italic: true }]],
      },
      { kind: 'table', table: bieu06Table(data), fontSize: 8.5 },
      { kind: 'title', text: BIEU06_ANNEX_TITLE, lines: [[{ text: BIEU06_ANNEX_NOTE, italic: true }]] },
      { kind: 'table', table: bieu06AnnexTable(data), fontSize: 8.5 },
    ],
  };
}

function equationIssues(data: Bieu06Export): Issue[] {
  const issues: Issue[] = [];
  data.rows.forEach((row, k) => {
    for (const x of checkEquations(row.values)) issues.push({ ...x, pointer: `/rows/${k}/values${x.pointer}` });
  });
  if (data.period.from > data.period.to) {
    issues.push(
      issue('/period/to', 'order', {
        vi: 'Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu',
        en: 'The period must not end before it starts',
      }),
    );
  }
  return issues;
}

/** Biểu 06 as HTML, PDF, CSV or XLSX. Rows whose totals do not reconcile are refused. */
export async function renderBieu06(
  data: Bieu06Export,
  format: Bieu06Format,
  options: CsvOptions = {},
): Promise<RenderedFile> {
  const clean = cleanDeep(data);
  assertValid(Bieu06ExportSchema, clean, equationIssues);
  const name = `bieu-06-${clean.period.from}-${clean.period.to}`;
  switch (format) {
    case 'html':
      return renderedFile(new TextEncoder().encode(renderHtml(bieu06Document(clean))), 'html', name);
    case 'pdf':
      return renderedFile(await renderPdf(bieu06Document(clean)), 'pdf', name);
    case 'csv': {
      // The form, a blank line, then the annex under its own title.
      const form = tableCsv(bieu06Table(clean), options);
      const annex = tableCsv(bieu06AnnexTable(clean), options).slice(BOM_BYTES);
      const title = new TextEncoder().encode(`\r\n"${BIEU06_ANNEX_TITLE}"\r\n`);
      const out = new Uint8Array(form.length + title.length + annex.length);
      out.set(form, 0);
      out.set(title, form.length);
      out.set(annex, form.length + title.length);
      return renderedFile(out, 'csv', name);
    }
    case 'xlsx':
      return renderedFile(
        await tableXlsx({
          sheetName: 'Biểu 06',
          titleLines: [
            BIEU06_TITLE,
            `Đơn vị báo cáo: ${clean.reportingUnit.name}`,
            periodLine(clean),
            'Đơn vị tính: Số hồ sơ thủ tục hành chính',
          ],
          table: bieu06Table(clean),
          orientation: 'landscape',
          moreSheets: [
            {
              sheetName: 'Phụ lục',
              titleLines: [BIEU06_ANNEX_TITLE, BIEU06_ANNEX_NOTE, periodLine(clean)],
              table: bieu06AnnexTable(clean),
              orientation: 'portrait',
            },
          ],
          createdAt: clean.generatedAt,
          author: clean.reportingUnit.name,
        }),
        'xlsx',
        name,
      );
    default:
      throw new PrintInputError([
        issue('', 'unknown-format', {
          vi: `Định dạng "${String(format)}" không được hỗ trợ (html, pdf, csv, xlsx)`,
          en: `Unsupported format "${String(format)}" (html, pdf, csv, xlsx)`,
        }),
      ]);
  }
}
