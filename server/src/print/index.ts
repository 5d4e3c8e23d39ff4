/**
 * Printing: documents laid out as blocks and tables, rendered to HTML, PDF, CSV and XLSX. Pure
 * rendering from plain data; the documents themselves live with their features (slips in
 * ../slips, the logbook in ../logbook, the Biểu 06 export in ../reports).
 */
export { PrintInputError } from './validate.ts';
export type { RenderedFile } from './rendered-file.ts';
export type { PrintDocument, Block } from './model/blocks.ts';
export { renderHtml } from './render/html.ts';
export { renderPdf } from './render/pdf.ts';
export type { CsvOptions } from './render/csv.ts';
export type { TableSpec, CellValue } from './model/table.ts';
