import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderSlip, slipDocument } from './render-slip.ts';
import { trackingLink } from './tracking-link.ts';
import { SLIP_KINDS, type SlipDataMap, type SlipKind } from './slip-data.ts';
import { TEMPLATE_SETS, type TemplateVersion } from './templates/index.ts';
import { PrintInputError } from '../print/validate.ts';
import { APPLICANT_NAME, DOSSIER_CODE, slipFixtures } from '../print/testing/fixtures.ts';
import { decodeQr, pdfFonts, pdfInfo, pdfMetadata, pdfText, pdfWords } from '../print/testing/pdf-tools.ts';

const fx = slipFixtures();
const data = <K extends SlipKind>(kind: K): SlipDataMap[K] => structuredClone(fx[kind]);
/** The same data as issued before the 2025 circular took effect. */
function in2024<K extends SlipKind>(kind: K): SlipDataMap[K] {
  const shift = (s: string) => s.replace(/^2025-/, '2024-');
  return JSON.parse(JSON.stringify(data(kind)), (_, v) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? shift(v) : v,
  );
}
const normalizeSpaces = (s: string) => s.replace(/\s+/g, ' ');

for (const kind of SLIP_KINDS) {
  for (const version of ['tt03-2025', 'tt01-2018'] as TemplateVersion[]) {
    const set = TEMPLATE_SETS.find((s) => s.version === version)!;
    const input = version === 'tt03-2025' ? data(kind) : in2024(kind);

    test(`${kind} (${version}) as PDF: font embedded, Vietnamese text exact, QR decodes to the dossier code`, async () => {
      const slip = await renderSlip(kind, input, 'pdf');
      assert.equal(slip.templateVersion, version, 'the template set follows the issue date');
      assert.equal(slip.formNo, set.forms[kind].formNo);
      assert.equal(slip.mediaType, 'application/pdf');
      assert.equal(Buffer.from(slip.bytes.subarray(0, 5)).toString(), '%PDF-');
      assert.equal(slip.sha256, createHash('sha256').update(slip.bytes).digest('hex'));

      const fonts = pdfFonts(slip.bytes);
      assert.ok(fonts.length > 0);
      for (const f of fonts) {
        assert.match(f.name, /^[A-Z]{6}\+NotoSerif-(Regular|Bold|Italic)$/, `only the repository's font: ${f.name}`);
        assert.equal(f.embedded, true, `${f.name} is embedded`);
      }

      const text = pdfText(slip.bytes);
      assert.ok(text.includes(APPLICANT_NAME), 'the applicant name comes back exactly (NFC)');
      assert.ok(normalizeSpaces(text).includes(set.forms[kind].title), `the title of ${version}`);
      assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      assert.ok(text.includes('Độc lập - Tự do - Hạnh phúc'));
      assert.ok(text.includes('ỦY BAN NHÂN DÂN XÃ TIÊN DU'));
      assert.ok(text.includes(`Mã hồ sơ: ${DOSSIER_CODE}`));
      if (kind === 'apology' || kind === 'stop-notice') {
        assert.equal(text.split(DOSSIER_CODE).length - 1, 2, 'the code in the letter body is never split across lines');
      }
      assert.deepEqual(decodeQr(slip.bytes), [DOSSIER_CODE]);
      assert.equal(pdfInfo(slip.bytes)['Page size'], '595.28 x 841.89 pts (A4)');
    });

    test(`${kind} (${version}) as HTML: self-contained, the same content, the QR inline`, async () => {
      const slip = await renderSlip(kind, input, 'html');
      assert.equal(slip.mediaType, 'text/html; charset=utf-8');
      const html = new TextDecoder().decode(slip.bytes);
      assert.ok(html.includes(APPLICANT_NAME));
      assert.ok(html.includes(set.forms[kind].title));
      assert.ok(html.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      assert.match(html, /<svg viewBox="0 0 \d+ \d+"[^>]*aria-label="Mã QR: 000\.17\.22\.H56-251001-0001"/);
      assert.match(html, /@page \{ size: A4 portrait/);
      assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
      // Nothing to fetch: no URL, no external resource, no script.
      assert.doesNotMatch(html, /https?:|\/\/|src=|href=|url\(|<script|<link|@import/i);
    });
  }
}

test('decomposed (NFD) input prints exactly like composed input, and extracts as NFC', async () => {
  const nfd = JSON.parse(JSON.stringify(data('receipt')).normalize('NFD')) as SlipDataMap['receipt'];
  assert.notEqual(nfd.applicant.name, APPLICANT_NAME, 'the fixture really is decomposed');
  const a = await renderSlip('receipt', data('receipt'), 'pdf');
  const b = await renderSlip('receipt', nfd, 'pdf');
  assert.equal(b.sha256, a.sha256);
  assert.ok(pdfText(b.bytes).includes(APPLICANT_NAME));
  const html = new TextDecoder().decode((await renderSlip('receipt', nfd, 'html')).bytes);
  assert.ok(html.includes(APPLICANT_NAME));
});

test('the same input gives the same bytes (an issued slip can be hashed and kept)', async () => {
  for (const kind of SLIP_KINDS) {
    for (const format of ['pdf', 'html'] as const) {
      const a = await renderSlip(kind, data(kind), format);
      const b = await renderSlip(kind, data(kind), format);
      assert.equal(a.sha256, b.sha256, `${kind} ${format}`);
      assert.deepEqual(a.bytes, b.bytes);
    }
  }
  // The creation date comes from the data, not the clock; the file declares itself PDF/A-2b.
  const pdf = (await renderSlip('receipt', data('receipt'), 'pdf')).bytes;
  assert.match(pdfInfo(pdf)['CreationDate']!, /Oct\s+1 \d\d:30:00 2025/);
  const xmp = pdfMetadata(pdf);
  assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  assert.ok(xmp.includes('<xmp:CreateDate>2025-10-01T01:30:00Z</xmp:CreateDate>'));
  // A different issue time is a different document.
  const later = { ...data('receipt'), issuedAt: '2025-10-01T01:31:00Z' };
  assert.notEqual(
    (await renderSlip('receipt', later, 'pdf')).sha256,
    (await renderSlip('receipt', data('receipt'), 'pdf')).sha256,
  );
});

test('the template set changes with the issue date, or as asked', async () => {
  const before = { ...data('apology'), issuedAt: '2025-09-14T16:59:00Z' }; // 14/9 23:59 in Vietnam
  const after = { ...data('apology'), issuedAt: '2025-09-14T17:00:00Z' }; // 15/9 00:00 in Vietnam
  assert.equal(slipDocument('apology', before).set.version, 'tt01-2018');
  assert.equal(slipDocument('apology', after).set.version, 'tt03-2025');
  const old = await renderSlip('apology', after, 'pdf', 'tt01-2018');
  assert.equal(old.templateVersion, 'tt01-2018');
  assert.equal(old.formNo, 'Mẫu số 04');
  const text = normalizeSpaces(pdfText(old.bytes));
  assert.ok(text.includes('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'));
  assert.ok(text.includes('Mẫu số 04 – Thông tư 01/2018/TT-VPCP'));
  const now = normalizeSpaces(pdfText((await renderSlip('apology', after, 'pdf')).bytes));
  assert.ok(now.includes('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'));
  assert.ok(now.includes('Mẫu số 04 – Thông tư 03/2025/TT-VPCP'));
  // The control slip is Mẫu số 05 in 2018 and 06 in 2025.
  assert.equal((await renderSlip('control', in2024('control'), 'html')).formNo, 'Mẫu số 05');
  assert.equal((await renderSlip('control', data('control'), 'html')).formNo, 'Mẫu số 06');
  // Before 2025 no form existed for stopping: the notice prints without a form reference.
  const stop2024 = await renderSlip('stop-notice', in2024('stop-notice'), 'pdf');
  assert.equal(stop2024.formNo, null);
  assert.ok(!pdfText(stop2024.bytes).includes('Mẫu số'));
  await assert.rejects(renderSlip('receipt', data('receipt'), 'pdf', 'tt99-2030' as TemplateVersion), (e: unknown) => {
    assert.ok(e instanceof PrintInputError);
    assert.equal(e.issues[0]!.code, 'unknown-template-version');
    return true;
  });
});

test('dates print in Vietnam time: a slip issued at 23:30 UTC is dated the next day', async () => {
  const slip = await renderSlip('refusal', { ...data('refusal'), issuedAt: '2025-10-01T18:30:00Z' }, 'pdf');
  assert.ok(pdfText(slip.bytes).includes('Tiên Du, ngày 02 tháng 10 năm 2025'));
});

test("dates print in the issuing agency's time zone; an unknown zone is refused at its pointer", async () => {
  const elsewhere = { ...data('refusal'), issuedAt: '2025-10-01T18:30:00Z' };
  elsewhere.agency = { ...elsewhere.agency, timeZone: 'Europe/Berlin' };
  const text = normalizeSpaces(pdfText((await renderSlip('refusal', elsewhere, 'pdf')).bytes));
  assert.ok(text.includes('Tiên Du, ngày 01 tháng 10 năm 2025'), text);
  const receipt = { ...data('receipt'), agency: { ...data('receipt').agency, timeZone: 'Europe/Berlin' } };
  // Received 01:30 UTC: 03:30 in Berlin (summer time), 08:30 in Việt Nam.
  assert.ok(normalizeSpaces(pdfText((await renderSlip('receipt', receipt, 'pdf')).bytes)).includes('03 giờ 30 phút'));
  const unknown = { ...data('receipt'), agency: { ...data('receipt').agency, timeZone: 'Asia/Nowhere' } };
  await assert.rejects(renderSlip('receipt', unknown, 'pdf'), (e: unknown) => {
    assert.ok(e instanceof PrintInputError);
    assert.deepEqual(
      e.issues.map((i) => [i.pointer, i.code]),
      [['/agency/timeZone', 'time-zone']],
    );
    return true;
  });
});

test('the receipt prints every field of the issue', async () => {
  const text = normalizeSpaces(pdfText((await renderSlip('receipt', data('receipt'), 'pdf')).bytes));
  for (const expected of [
    'Bộ phận Một cửa Ủy ban nhân dân xã Tiên Du',
    'Địa chỉ: Số 12, đường Lý Thái Tổ',
    'Số điện thoại: 0912 345 678',
    'Đăng ký thành lập hộ kinh doanh (mã thủ tục 1.001612)',
    'Giấy đề nghị đăng ký hộ kinh doanh',
    'Bản chính',
    'Bản sao',
    'Số lượng hồ sơ: 01 (bộ)',
    '03 ngày làm việc',
    'Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 01 tháng 10 năm 2025',
    'Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 06 tháng 10 năm 2025',
    'Hình thức nộp hồ sơ: Trực tiếp',
    '50.000 đồng',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Trần Văn Bình',
  ]) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
  const online = normalizeSpaces(
    pdfText((await renderSlip('receipt', { ...data('receipt'), channel: 'online' }, 'pdf')).bytes),
  );
  assert.ok(online.includes('Hình thức nộp hồ sơ: Trực tuyến'));
  assert.ok(!online.includes('NGƯỜI NỘP HỒ SƠ'), 'nobody countersigns an online dossier at the counter');
});

test('the control slip lists every hand-over with its time, due time and result', async () => {
  const text = normalizeSpaces(pdfText((await renderSlip('control', data('control'), 'pdf')).bytes));
  for (const expected of [
    'Phòng Kinh tế',
    'Vũ Thị Hoa',
    '01/10/2025 09:00',
    '03/10/2025 16:00',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Trình ký',
  ]) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
});

test('long Vietnamese text wraps inside the page and nothing is lost', async () => {
  const long =
    'Bổ sung bản vẽ thiết kế mặt bằng, mặt cắt, mặt đứng điển hình của công trình; bản vẽ mặt bằng móng và sơ đồ đấu nối hệ thống thoát nước mưa, nước thải, cấp nước, cấp điện với hệ thống hạ tầng kỹ thuật bên ngoài công trình, có chữ ký và đóng dấu của đơn vị tư vấn thiết kế. ';
  const input = data('supplement');
  input.items = Array.from({ length: 12 }, (_, k) => ({ requirement: `${k + 1}) ${long}`, reason: long }));
  input.applicant.address = long;
  const slip = await renderSlip('supplement', input, 'pdf');
  const pages = Number(pdfInfo(slip.bytes)['Pages']);
  assert.ok(pages >= 3, `${pages} pages`);
  const words = pdfWords(slip.bytes);
  const leftMargin = 30 * (72 / 25.4);
  const rightMargin = 15 * (72 / 25.4);
  for (const w of words) {
    assert.ok(
      w.xMin >= leftMargin - 1 && w.xMax <= w.pageWidth - rightMargin + 1,
      `"${w.word}" at ${w.xMin}–${w.xMax} on page ${w.page}`,
    );
    assert.ok(w.yMax <= w.pageHeight - 5, `"${w.word}" below the page`);
  }
  const text = normalizeSpaces(pdfText(slip.bytes));
  assert.equal(text.split('đơn vị tư vấn thiết kế').length - 1, 12 * 2 + 1, 'every copy of the long text is there');
  assert.ok(text.includes(`Trang 1/${pages}`) && text.includes(`Trang ${pages}/${pages}`));
});

test('bad input is refused with pointers and Vietnamese and English messages', async () => {
  const noName = data('receipt') as unknown as { applicant: Record<string, unknown> };
  delete noName.applicant.name;
  await assert.rejects(renderSlip('receipt', noName as unknown as SlipDataMap['receipt'], 'pdf'), (e: unknown) => {
    assert.ok(e instanceof PrintInputError);
    const i = e.issues.find((x) => x.pointer === '/applicant/name');
    assert.ok(i, JSON.stringify(e.issues));
    assert.ok(i.message.vi.length > 0 && i.message.en.length > 0);
    return true;
  });
  const badDate = { ...data('receipt'), receivedAt: '01/10/2025' };
  await assert.rejects(
    renderSlip('receipt', badDate, 'pdf'),
    (e: unknown) => e instanceof PrintInputError && e.issues.some((x) => x.pointer === '/receivedAt'),
  );
  const noZone = { ...data('receipt'), appointmentAt: '2025-10-06T16:00:00' };
  await assert.rejects(
    renderSlip('receipt', noZone, 'pdf'),
    (e: unknown) => e instanceof PrintInputError && e.issues.some((x) => x.pointer === '/appointmentAt'),
  );
  const backwards = { ...data('receipt'), appointmentAt: '2025-09-30T01:00:00Z' };
  await assert.rejects(
    renderSlip('receipt', backwards, 'pdf'),
    (e: unknown) => e instanceof PrintInputError && e.issues[0]!.code === 'order',
  );
  const blank = { ...data('refusal'), reasons: ['   '] };
  await assert.rejects(
    renderSlip('refusal', blank, 'pdf'),
    (e: unknown) => e instanceof PrintInputError && e.issues.some((x) => x.pointer === '/reasons/0'),
  );
  const noItems = { ...data('supplement'), items: [] };
  await assert.rejects(
    renderSlip('supplement', noItems, 'html'),
    (e: unknown) => e instanceof PrintInputError && e.issues.some((x) => x.pointer === '/items'),
  );
  const extra = { ...data('apology'), colour: 'red' } as SlipDataMap['apology'];
  await assert.rejects(renderSlip('apology', extra, 'html'), PrintInputError);
  await assert.rejects(renderSlip('nonsense' as SlipKind, data('receipt') as never, 'pdf'), PrintInputError);
  await assert.rejects(renderSlip('receipt', data('receipt'), 'docx' as 'pdf'), PrintInputError);
});

test('HTML escapes whatever the data contains', async () => {
  const input = data('refusal');
  input.reasons = ['<script>alert(1)</script> & "quotes"'];
  const html = new TextDecoder().decode((await renderSlip('refusal', input, 'html')).bytes);
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'));
});

test('a receipt with the tracking secret keeps to one page: the secret under the code, the QR code opens tracking', async () => {
  const input = data('receipt');
  input.tracking = trackingLink('https://dichvucong.example.gov.vn/tra-cuu', input.dossierCode, 'k7m2qx9abcdefgh3jknm');
  const slip = await renderSlip('receipt', input, 'pdf');
  assert.equal(pdfInfo(slip.bytes).Pages, '1');
  const text = normalizeSpaces(pdfText(slip.bytes));
  assert.ok(text.includes('Mã bí mật tra cứu: K7M2Q-X9ABC-DEFGH-3JKNM'), text);
  assert.deepEqual(decodeQr(slip.bytes), [
    `https://dichvucong.example.gov.vn/tra-cuu#motcua-code=${DOSSIER_CODE}&motcua-secret=K7M2QX9ABCDEFGH3JKNM`,
  ]);
});
