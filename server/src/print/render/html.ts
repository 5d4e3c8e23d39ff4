import type {
  Block,
  HeaderBlock,
  ParagraphBlock,
  PrintDocument,
  Run,
  SignaturesBlock,
  TitleBlock,
} from '../model/blocks.ts';
import { cellText } from '../model/cell-text.ts';
import { placeHeader, type TableSpec } from '../model/table.ts';
import { escapeHtml } from '../text/html-escape.ts';
import { qrSvg } from '../qr.ts';

/**
 * Printable HTML of a print document: one self-contained file (inline CSS, the QR as inline SVG),
 * a Content-Security-Policy that forbids every request, A4 print CSS with Decree 30 margins.
 * Fonts come from the reader's system (Times New Roman, which offices have, or a metric-compatible
 * or Vietnamese-complete serif); the PDF is the archival form and embeds its font.
 */
export function renderHtml(doc: PrintDocument): string {
  const body = doc.blocks.map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${css(doc)}</style>
</head>
<body class="${doc.orientation}">
<main class="sheet">
${body}
</main>
</body>
</html>
`;
}

function css(doc: PrintDocument): string {
  const portrait = doc.orientation === 'portrait';
  const margin = portrait ? '20mm 15mm 20mm 30mm' : '15mm';
  const sheetWidth = portrait ? '210mm' : '297mm';
  const pageNumbers =
    doc.pageNumbers === 'always'
      ? `@bottom-center { content: "Trang " counter(page) "/" counter(pages); font-size: 9pt; font-family: ${FONTS}; }`
      : '';
  return `
@page { size: A4 ${doc.orientation}; margin: ${margin}; ${pageNumbers} }
html { font-family: ${FONTS}; font-size: ${portrait ? '13pt' : '10pt'}; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
@media screen {
  body { background: #e5e5e5; }
  .sheet { background: #fff; box-sizing: border-box; width: ${sheetWidth}; margin: 8mm auto; padding: ${margin}; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
}
p { margin: 3pt 0 0; text-align: justify; }
.form-ref { text-align: right; font-style: italic; font-size: 9pt; }
.doc-header { display: grid; grid-template-columns: 43% 57%; text-align: center; line-height: 1.25; }
.doc-header .agency-parent { text-transform: none; font-size: 12.5pt; }
.doc-header .agency { font-weight: bold; font-size: 12.5pt; }
.doc-header .rule { width: 30%; margin: 2pt auto 0; border-top: 0.6pt solid #000; }
.doc-header .nation { font-weight: bold; font-size: 12.5pt; white-space: nowrap; }
.doc-header .motto { font-weight: bold; font-size: 13.5pt; white-space: nowrap; }
.doc-header .motto span { border-bottom: 0.6pt solid #000; padding-bottom: 1pt; }
.doc-header .number, .doc-header .place-date { margin-top: 8pt; font-size: 13pt; }
.doc-header .place-date { font-style: italic; }
.title { display: grid; grid-template-columns: 26mm 1fr 26mm; align-items: start; margin: 12pt 0 6pt; text-align: center; }
.title h1 { grid-column: 2; font-size: 14pt; margin: 0; }
.title .sub { margin: 2pt 0 0; text-align: center; }
.title .qr { grid-column: 3; grid-row: 1 / span 3; width: 24mm; height: 24mm; justify-self: end; margin-top: -4pt; }
.title .qr svg { width: 100%; height: 100%; display: block; }
table.grid { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: ${portrait ? '11pt' : '9pt'}; line-height: 1.3; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: top; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid .num th { font-weight: normal; font-style: italic; }
table.grid td.center { text-align: center; } table.grid td.right { text-align: right; }
table.grid tr.bold td { font-weight: bold; }
table.grid td.empty { text-align: center; font-style: italic; }
.signatures { display: flex; margin-top: 12pt; break-inside: avoid; }
.signatures .recipients { flex: 0 0 42%; font-size: 11pt; }
.signatures .recipients b { font-style: italic; font-size: 11.5pt; }
.signatures .recipients ul { list-style: none; margin: 0; padding: 0; }
.signatures .recipients li::before { content: "- "; }
.signatures .cell { flex: 1 1 0; text-align: center; }
.signatures .cell .role { font-weight: bold; }
.signatures .cell .hint { font-style: italic; }
.signatures .cell .space { height: 25mm; }
.signatures .cell .name { font-weight: bold; }
`;
}

const FONTS = `"Times New Roman", Tinos, "Liberation Serif", "Noto Serif", serif`;

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'header':
      return headerHtml(block);
    case 'title':
      return titleHtml(block);
    case 'paragraph':
      return paragraphHtml(block);
    case 'table':
      return tableHtml(block.table);
    case 'signatures':
      return signaturesHtml(block);
    case 'spacer':
      return `<div style="height:${block.height}pt"></div>`;
  }
}

function text(s: string): string {
  // Runs of spaces are meant (gaps between fields on one line): keep them.
  return escapeHtml(s)
    .replace(/ {2,}/g, (m) => ' ' + '&nbsp;'.repeat(m.length - 1))
    .replace(/\n/g, '<br>');
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      const inner = text(r.text);
      if (r.bold && r.italic) return `<b><i>${inner}</i></b>`;
      if (r.bold) return `<b>${inner}</b>`;
      if (r.italic) return `<i>${inner}</i>`;
      return inner;
    })
    .join('');
}

function headerHtml(h: HeaderBlock): string {
  const ref = h.formRef ? `<div class="form-ref">${text(h.formRef)}</div>\n` : '';
  return `${ref}<header class="doc-header">
<div>${h.parent ? `<div class="agency-parent">${text(h.parent.toLocaleUpperCase('vi'))}</div>` : ''}<div class="agency">${text(h.agency.toLocaleUpperCase('vi'))}</div><div class="rule"></div></div>
<div>${h.motto === false ? '' : '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></div>'}</div>
<div class="number">${h.number ? text(h.number) : ''}</div>
<div class="place-date">${h.placeDate ? text(h.placeDate) : ''}</div>
</header>`;
}

function titleHtml(t: TitleBlock): string {
  const lines = (t.lines ?? []).map((l) => `<p class="sub">${runsHtml(l)}</p>`).join('');
  const qr = t.qr ? `<div class="qr">${qrSvg(t.qr, t.qrLabel ?? `Mã QR: ${t.qr}`)}</div>` : '';
  return `<section class="title"><h1>${text(t.text)}</h1>${qr}<div style="grid-column:2">${lines}</div></section>`;
}

function paragraphHtml(p: ParagraphBlock): string {
  const style: string[] = [];
  if (p.align && p.align !== 'justify') style.push(`text-align:${p.align}`);
  const indent = (p.indent ?? 0) + (p.hanging ?? 0);
  if (indent) style.push(`padding-left:${indent}pt`);
  if (p.hanging) style.push(`text-indent:-${p.hanging}pt`);
  if (p.fontSize) style.push(`font-size:${p.fontSize}pt`);
  if (p.spaceBefore !== undefined) style.push(`margin-top:${p.spaceBefore}pt`);
  return `<p${style.length ? ` style="${style.join(';')}"` : ''}>${runsHtml(p.runs)}</p>`;
}

export function tableHtml(spec: TableSpec): string {
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const cols = spec.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('');
  const headRows = spec.header.map(() => [] as string[]);
  for (const cell of placeHeader(spec)) {
    const span = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
    headRows[cell.row]!.push(`<th${span} scope="col">${text(cell.text)}</th>`);
  }
  let head = headRows.map((r) => `<tr>${r.join('')}</tr>`).join('');
  if (spec.columnNumbers) head += `<tr class="num">${spec.columns.map((_, k) => `<th>(${k + 1})</th>`).join('')}</tr>`;
  const indentColumn = spec.indentColumn ?? 0;
  const body =
    spec.rows.length === 0 && spec.emptyText
      ? `<tr><td class="empty" colspan="${spec.columns.length}">${text(spec.emptyText)}</td></tr>`
      : spec.rows
          .map((row) => {
            const cells = row.cells
              .map((v, k) => {
                const align = spec.columns[k]?.align;
                const cls = align && align !== 'left' ? ` class="${align}"` : '';
                const pad = k === indentColumn && row.indent ? ` style="padding-left:${3 + row.indent * 10}pt"` : '';
                return `<td${cls}${pad}>${text(cellText(v))}</td>`;
              })
              .join('');
            return `<tr${row.bold ? ' class="bold"' : ''}>${cells}</tr>`;
          })
          .join('\n');
  return `<table class="grid"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function signaturesHtml(s: SignaturesBlock): string {
  const recipients = s.recipients?.length
    ? `<div class="recipients"><b>Nơi nhận:</b><ul>${s.recipients.map((r) => `<li>${text(r)}</li>`).join('')}</ul></div>`
    : s.cells.length === 1
      ? '<div class="recipients"></div>'
      : '';
  const cells = s.cells
    .map(
      (c) =>
        `<div class="cell"><div class="role">${text(c.title)}</div>${c.hint ? `<div class="hint">${text(c.hint)}</div>` : ''}<div class="space"></div>${c.name ? `<div class="name">${text(c.name)}</div>` : ''}</div>`,
    )
    .join('');
  return `<section class="signatures">${recipients}${cells}</section>`;
}
