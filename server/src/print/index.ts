/**
 * Printing: slips (versioned templates, HTML and PDF), the logbook and the Biểu 06 report exports.
 * Pure rendering from plain data; the case-handling code builds the data from events and stores
 * issued slips as immutable artefacts with their hash.
 */
export { renderSlip, slipDocument, type RenderedSlip, type SlipFormat } from './slips/render-slip.ts';
export * from './slips/slip-data.ts';
export {
  TEMPLATE_SETS,
  selectTemplateSet,
  type TemplateSet,
  type TemplateVersion,
  type FormTemplate,
} from './slips/templates/index.ts';
export { PrintInputError } from './validate.ts';
export type { RenderedFile } from './rendered-file.ts';
export type { PrintDocument, Block } from './model/blocks.ts';
export { renderHtml } from './render/html.ts';
export { renderPdf } from './render/pdf.ts';
export {
  renderLogbook,
  logbookDocument,
  logbookTable,
  LogbookSchema,
  type LogbookData,
  type LogbookRow,
  type LogbookFormat,
} from './logbook/logbook.ts';
export {
  renderBieu06,
  bieu06Document,
  bieu06Table,
  bieu06ExportRows,
  Bieu06ExportSchema,
  type Bieu06Export,
  type Bieu06ExportRow,
  type Bieu06Format,
} from './bieu06/bieu06.ts';
export type { CsvOptions } from './render/csv.ts';
export type { TableSpec, CellValue } from './model/table.ts';
