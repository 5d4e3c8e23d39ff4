import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BIEU06_COLUMNS, checkEquations, emptyRow, type ReportLine } from '@motcua/core';
import { bieu06ExportRows, renderBieu06, type Bieu06Export } from './bieu06-export.ts';
import { PrintInputError } from '../print/validate.ts';
import { bieu06Fixture } from '../print/testing/fixtures.ts';
import { pdfInfo, pdfText } from '../print/testing/pdf-tools.ts';
import { readCsv, readXlsx, rowValues } from '../print/testing/spreadsheet.ts';

const fixture = () => structuredClone(bieu06Fixture()) as Bieu06Export;
const GROUPS = [
  'STT',
  'Cơ quan, đơn vị',
  'Số hồ sơ nhận giải quyết',
  null,
  null,
  null,
  'Số hồ sơ đã giải quyết',
  null,
  null,
  null,
  'Số hồ sơ đang giải quyết',
  null,
  null,
  'Tỷ lệ giải quyết đúng hạn (%)',
];
const SUBS = [
  null,
  null,
  'Tổng số',
  'Trực tuyến',
  'Trực tiếp, bưu chính',
  'Từ kỳ trước',
  'Tổng số',
  'Trước hạn',
  'Đúng hạn',
  'Quá hạn',
  'Tổng số',
  'Trong hạn',
  'Quá hạn',
  null,
];

test('the fixture is a consistent report (the exporter refuses any other)', () => {
  for (const row of fixture().rows) assert.deepEqual(checkEquations(row.values), []);
});

test('CSV: the two header rows of the official form, then one row per line with plain numbers', async () => {
  const data = fixture();
  const file = await renderBieu06(data, 'csv');
  const ws = await readCsv(file.bytes);
  // The form (2 header rows, 3 lines), a blank line, the annex's title, its header, 3 lines.
  assert.equal(ws.rowCount, 2 + 3 + 1 + 1 + 1 + 3);
  assert.deepEqual(rowValues(ws, 1), GROUPS);
  assert.equal(rowValues(ws, 7)[0], 'PHỤ LỤC: HỒ SƠ RÚT, DỪNG GIẢI QUYẾT TRONG KỲ');
  assert.deepEqual(rowValues(ws, 8).slice(2), ['Số hồ sơ rút (công dân yêu cầu)', 'Số hồ sơ dừng giải quyết']);
  assert.deepEqual(rowValues(ws, 9).slice(2), [3, 2], 'the total line: withdrawn, stopped');
  assert.deepEqual(rowValues(ws, 2).slice(0, 13), SUBS.slice(0, 13));
  const total = rowValues(ws, 3);
  assert.equal(total[0], null, 'a total line has no STT');
  assert.equal(total[1], 'Sở Xây dựng tỉnh Bắc Ninh (toàn ngành)');
  assert.deepEqual(
    total.slice(2, 13),
    BIEU06_COLUMNS.map((c) => data.rows[0]!.values[c]),
  );
  assert.equal(total.length, 14, 'exactly the form\u2019s columns, then the rate');
  assert.equal(total[13], 97.12, '(trước hạn + đúng hạn) / đã giải quyết, in percent');
  const commune = rowValues(ws, 4);
  assert.equal(commune[0], 1);
  assert.deepEqual(
    commune.slice(2, 13),
    BIEU06_COLUMNS.map((c) => data.rows[1]!.values[c]),
  );
});

test('XLSX: merged group headings, numbered columns, numbers as numbers, totals bold, roll-up indented', async () => {
  const data = fixture();
  const wb = await readXlsx((await renderBieu06(data, 'xlsx')).bytes);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getCell('A1').value, 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
  assert.equal(ws.getCell('A2').value, 'Đơn vị báo cáo: Sở Xây dựng tỉnh Bắc Ninh');
  assert.equal(ws.getCell('A3').value, 'Kỳ báo cáo: từ ngày 01/10/2025 đến ngày 31/12/2025');
  const h = 6;
  assert.equal(ws.getCell(`C${h}`).value, 'Số hồ sơ nhận giải quyết');
  assert.equal(ws.getCell(`F${h}`).master.address, `C${h}`);
  assert.equal(ws.getCell(`G${h}`).value, 'Số hồ sơ đã giải quyết');
  assert.equal(ws.getCell(`J${h}`).master.address, `G${h}`);
  assert.equal(ws.getCell(`K${h}`).value, 'Số hồ sơ đang giải quyết');
  assert.equal(ws.getCell(`M${h}`).master.address, `K${h}`);
  assert.equal(ws.getCell(`N${h}`).value, 'Tỷ lệ giải quyết đúng hạn (%)', 'no annex column in the form');
  assert.deepEqual(rowValues(ws, h + 1).slice(2, 13), SUBS.slice(2, 13));
  assert.deepEqual(
    rowValues(ws, h + 2),
    Array.from({ length: 14 }, (_, k) => `(${k + 1})`),
  );
  const first = h + 3;
  for (const [k, c] of BIEU06_COLUMNS.entries()) {
    assert.equal(ws.getCell(first, 3 + k).value, data.rows[0]!.values[c], c);
    assert.equal(ws.getCell(first + 2, 3 + k).value, data.rows[2]!.values[c], c);
  }
  assert.equal(ws.getCell(first, 2).font.bold, true);
  assert.ok(!ws.getCell(first + 1, 2).font.bold);
  assert.equal(ws.getCell(first + 1, 2).alignment.indent, 1);
  assert.equal(ws.getCell(first + 1, 1).value, '1');
  const annex = wb.worksheets[1]!;
  assert.equal(annex.name, 'Phụ lục');
  assert.equal(annex.getCell('A1').value, 'PHỤ LỤC: HỒ SƠ RÚT, DỪNG GIẢI QUYẾT TRONG KỲ');
});

test('HTML and PDF: the same table, printable', async () => {
  const html = new TextDecoder().decode((await renderBieu06(fixture(), 'html')).bytes);
  assert.match(html, /<th colspan="4" scope="col">Số hồ sơ nhận giải quyết<\/th>/);
  assert.match(html, /<th colspan="3" scope="col">Số hồ sơ đang giải quyết<\/th>/);
  assert.match(html, /<tr class="num"><th>\(1\)<\/th>/);
  assert.match(
    html,
    /<tr class="bold"><td class="center"><\/td><td>Sở Xây dựng tỉnh Bắc Ninh \(toàn ngành\)<\/td><td class="center">310<\/td>/,
  );
  const pdf = (await renderBieu06(fixture(), 'pdf')).bytes;
  assert.equal(pdfInfo(pdf)['Page size'], '841.89 x 595.28 pts (A4)');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  assert.ok(text.includes('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'));
  assert.ok(text.includes('Ủy ban nhân dân phường Kinh Bắc'));
  assert.ok(text.includes('97,12'));
  assert.ok(text.includes('PHỤ LỤC: HỒ SƠ RÚT, DỪNG GIẢI QUYẾT TRONG KỲ'));
});

test('rows whose totals do not reconcile are refused, with the cell named', async () => {
  const data = fixture();
  data.rows[1]!.values.online += 1;
  await assert.rejects(renderBieu06(data, 'csv'), (e: unknown) => {
    assert.ok(e instanceof PrintInputError);
    assert.ok(
      e.issues.some((x) => x.pointer === '/rows/1/values/received' && x.code === 'equation'),
      JSON.stringify(e.issues),
    );
    return true;
  });
  const negative = fixture();
  negative.rows[2]!.values.withdrawn = -1;
  await assert.rejects(
    renderBieu06(negative, 'xlsx'),
    (e: unknown) => e instanceof PrintInputError && e.issues.some((x) => x.pointer === '/rows/2/values/withdrawn'),
  );
});

test('export rows from core report lines: the roll-up root is the bold total, depth indents', () => {
  const row = { ...emptyRow(), received: 3, online: 3, resolved: 3, onTime: 3 };
  const lines: ReportLine[] = [
    { agency: 'H56', depth: 0, row },
    { agency: 'H56.01', depth: 1, row },
  ];
  const names: Record<string, string> = { H56: 'Tỉnh', 'H56.01': 'Xã' };
  assert.deepEqual(
    bieu06ExportRows(lines, (l) => names[l.agency!]!),
    [
      { label: 'Tỉnh', values: row, depth: 0, total: true },
      { label: 'Xã', values: row, depth: 1 },
    ],
  );
});

test('an empty report says so', async () => {
  const data = { ...fixture(), rows: [] };
  assert.ok(pdfText((await renderBieu06(data, 'pdf')).bytes).includes('Không có số liệu trong kỳ'));
});
