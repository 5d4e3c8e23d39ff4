import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderLogbook, type LogbookData } from './logbook-export.ts';
import { PrintInputError } from '../print/validate.ts';
import { APPLICANT_NAME, logbookFixture } from '../print/testing/fixtures.ts';
import { pdfFonts, pdfInfo, pdfText, pdfWords } from '../print/testing/pdf-tools.ts';
import { readCsv, readXlsx, rowValues } from '../print/testing/spreadsheet.ts';

// The official form's columns (Mẫu số 06, Circular 01/2018/TT-VPCP; Mẫu số 07 since 03/2025).
const HEADINGS = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho cá nhân, tổ chức',
  null,
  'Ghi chú',
];
const fixture = (n?: number) => logbookFixture(n) as LogbookData;

test('CSV: UTF-8 with BOM, the two header rows, one row per dossier, read back by a spreadsheet', async () => {
  const file = await renderLogbook(fixture(), 'csv');
  assert.equal(file.mediaType, 'text/csv; charset=utf-8');
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const raw = new TextDecoder().decode(file.bytes);
  assert.ok(raw.includes('\r\n'));
  assert.ok(raw.includes('\n0910000000"'), 'phone numbers keep their leading zero in the file');

  const ws = await readCsv(file.bytes);
  assert.equal(ws.rowCount, 2 + 40);
  assert.deepEqual(
    rowValues(ws, 1).slice(0, 14),
    HEADINGS.map((h) => h ?? null),
  );
  assert.deepEqual(rowValues(ws, 2).slice(11, 13), ['Ngày, tháng, năm', 'Ký nhận']);
  const first = rowValues(ws, 3);
  assert.equal(first[0], 1);
  assert.equal(first[1], '000.17.22.H56-251001-0001');
  assert.equal(first[2], 'Đăng ký khai sinh');
  assert.equal(first[4], APPLICANT_NAME);
  assert.equal(first[5], 'Thôn 1, xã Tiên Du, tỉnh Bắc Ninh\n0910000000', 'commas and line breaks survive');
  assert.equal(first[6], 'Ủy ban nhân dân xã Tiên Du');
  assert.equal(first[7], '2025-10-01 08:15', 'Vietnam time, unambiguous for any locale');
  assert.equal(first[9], '2025-10-01 08:45', 'handed on to the handling unit');
  const sixth = rowValues(ws, 8);
  assert.equal(sixth[11], '2025-11-06 15:00');
  assert.equal(sixth[12], 'Người được ủy quyền');
  assert.equal(rowValues(ws, 4)[6], 'Sở Xây dựng');
  assert.match(String(sixth[13]), /^Hồ sơ liên thông/);

  const semicolon = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    (await renderLogbook(fixture(2), 'csv', { delimiter: ';' })).bytes,
  );
  assert.ok(semicolon.startsWith('\uFEFFSTT;Mã hồ sơ;'));
});

test('CSV neutralises text a spreadsheet would run as a formula', async () => {
  const data = fixture(1);
  data.rows[0]!.applicantName = '=HYPERLINK("http://evil","x")';
  data.rows[0]!.note = '+84 912 345 678';
  const raw = new TextDecoder().decode((await renderLogbook(data, 'csv')).bytes);
  assert.ok(raw.includes(`"'=HYPERLINK(""http://evil"",""x"")"`));
  assert.ok(raw.includes("'+84 912 345 678"));
});

test('XLSX: title, merged two-row header, real numbers and dates, text phones', async () => {
  const file = await renderLogbook(fixture(), 'xlsx');
  assert.equal(file.mediaType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = await readXlsx(file.bytes);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.name, 'Sổ theo dõi hồ sơ');
  assert.equal(ws.getCell('A1').value, 'SỔ THEO DÕI HỒ SƠ');
  assert.equal(ws.getCell('A2').value, 'Ủy ban nhân dân xã Tiên Du');
  assert.equal(ws.getCell('A3').value, 'Từ ngày 01/10/2025 đến ngày 31/10/2025');
  assert.equal(ws.getCell('A4').value, 'Quyển số: 01/2025');
  const h = 6;
  assert.deepEqual(rowValues(ws, h).slice(0, 11), HEADINGS.slice(0, 11));
  assert.equal(ws.getCell(`L${h}`).value, 'Trả kết quả cho cá nhân, tổ chức');
  assert.equal(ws.getCell(`M${h}`).master.address, `L${h}`, 'the return spans its date and the signature');
  assert.equal(ws.getCell(`A${h + 1}`).master.address, `A${h}`, 'single headings span both header rows');
  assert.deepEqual([ws.getCell(`L${h + 1}`).value, ws.getCell(`M${h + 1}`).value], ['Ngày, tháng, năm', 'Ký nhận']);
  const r = h + 2;
  assert.equal(ws.getCell(`A${r}`).value, 1);
  assert.equal(ws.getCell(`B${r}`).value, '000.17.22.H56-251001-0001');
  assert.equal(ws.getCell(`D${r}`).value, 1);
  assert.equal(ws.getCell(`E${r}`).value, APPLICANT_NAME);
  assert.equal(ws.getCell(`F${r}`).value, 'Thôn 1, xã Tiên Du, tỉnh Bắc Ninh\n0910000000');
  assert.equal(ws.getCell(`G${r}`).value, 'Ủy ban nhân dân xã Tiên Du');
  const received = ws.getCell(`H${r}`);
  assert.ok(received.value instanceof Date);
  assert.equal((received.value as Date).toISOString(), '2025-10-01T08:15:00.000Z', 'the wall clock in Vietnam');
  assert.equal(received.numFmt, 'dd/mm/yyyy hh:mm');
  assert.ok(ws.getCell(`J${r}`).value instanceof Date, 'handed on');
  assert.equal(ws.getCell(`K${r}`).value, null, 'no result yet');
  assert.equal(ws.getCell(`A${r + 39}`).value, 40);
  assert.equal(ws.rowCount, r + 39);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.printTitlesRow, `${h}:${h + 1}`);
  assert.equal(wb.created.toISOString(), '2025-11-01T01:00:00.000Z');
});

test('PDF: A4 landscape, the header repeated on every page, page numbers, long notes wrapped', async () => {
  const file = await renderLogbook(fixture(), 'pdf');
  const info = pdfInfo(file.bytes);
  assert.equal(info['Page size'], '841.89 x 595.28 pts (A4)');
  const pages = Number(info['Pages']);
  assert.ok(pages >= 3, `${pages} pages`);
  assert.ok(pdfFonts(file.bytes).every((f) => f.embedded && f.name.includes('NotoSerif')));
  for (let p = 1; p <= pages; p++) {
    const text = pdfText(file.bytes, { page: p });
    assert.ok(text.includes('Mã hồ sơ') && text.includes('Ký nhận') && text.includes('Ghi chú'), `header on page ${p}`);
    assert.ok(text.includes(`Trang ${p}/${pages}`), `page number on page ${p}`);
  }
  const all = pdfText(file.bytes).replace(/\s+/g, ' ');
  assert.ok(all.includes(APPLICANT_NAME), 'the name, wrapped in its narrow column, reads back');
  assert.ok(all.includes('SỔ THEO DÕI HỒ SƠ') && all.includes('Từ ngày 01/10/2025 đến ngày 31/10/2025'));
  for (let k = 1; k <= 40; k++) assert.ok(all.includes(`-${String(k).padStart(4, '0')}`), `dossier ${k}`);
  assert.equal(all.split('bưu chính công ích').length - 1, 4, 'the long note is complete');
  const margin = 15 * (72 / 25.4);
  for (const w of pdfWords(file.bytes)) {
    assert.ok(
      w.xMin >= margin - 1 && w.xMax <= w.pageWidth - margin + 1,
      `"${w.word}" outside the page on page ${w.page}`,
    );
  }
});

test('HTML: one table with a repeating header, every dossier, print CSS for landscape', async () => {
  const html = new TextDecoder().decode((await renderLogbook(fixture(), 'html')).bytes);
  assert.match(html, /@page \{ size: A4 landscape/);
  assert.match(html, /<thead><tr><th rowspan="2" scope="col">STT<\/th>/);
  assert.match(html, /<th colspan="2" scope="col">Trả kết quả cho cá nhân, tổ chức<\/th>/);
  assert.match(html, /<th rowspan="2" scope="col">Cơ quan chủ trì giải quyết<\/th>/);
  assert.match(html, /counter\(page\)/);
  assert.equal(html.split('<tr>').length - 1, 2 + 40);
  assert.ok(html.includes(APPLICANT_NAME));
  assert.doesNotMatch(html, /https?:|src=|url\(|<script/);
});

test('an empty period prints an empty book, and bad input is refused', async () => {
  const empty = { ...fixture(0) };
  assert.ok(pdfText((await renderLogbook(empty, 'pdf')).bytes).includes('Không có hồ sơ trong kỳ'));
  const ws = await readCsv((await renderLogbook(empty, 'csv')).bytes);
  assert.equal(ws.rowCount, 2);
  await assert.rejects(
    renderLogbook({ ...fixture(1), period: { from: '2025-10-31', to: '2025-10-01' } }, 'csv'),
    (e: unknown) => {
      assert.ok(e instanceof PrintInputError);
      assert.equal(e.issues[0]!.pointer, '/period/to');
      return true;
    },
  );
  const bad = fixture(2);
  (bad.rows[1] as { sets: number }).sets = 0;
  await assert.rejects(
    renderLogbook(bad, 'xlsx'),
    (e: unknown) => e instanceof PrintInputError && e.issues.some((x) => x.pointer === '/rows/1/sets'),
  );
  await assert.rejects(renderLogbook(fixture(1), 'docx' as 'csv'), PrintInputError);
});
