/**
 * Every slip issued through real actions, as HTML and PDF: the font is embedded, the applicant's
 * name comes back exactly from the PDF, the QR code decodes to the dossier code, the HTML needs
 * nothing from the network; an issued slip is stored once with its hash and a reprint serves that
 * very file, even after the dossier moved on. And the logbook in its four formats.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doAction, staffOf, type Staff } from '../../test/support/cases.ts';
import { pdfBytes, submitOnline } from '../../test/support/intake.ts';
import { decodeQr, pdfFonts, pdfText } from '../print/testing/pdf-tools.ts';
import { readCsv, readXlsx, rowValues } from '../print/testing/spreadsheet.ts';
import { execute } from '../db/client.ts';

const APPLICANT = 'Nguyễn Thị Ngọc Ánh';
const at = (s: string) => Date.parse(s);

function permitData(commune: string) {
  return {
    // Decomposed on purpose: what a form sends is normalised before anything is printed.
    investor: {
      fullName: APPLICANT.normalize('NFD'),
      idNumber: '001190012345',
      address: 'Số 9 đường Nguyễn Huệ',
      phone: '0912000111',
    },
    site: { commune, address: 'Lô 12 khu dân cư mới', mapSheet: 3, parcel: 120, landArea: 100, inPlannedArea: true },
    building: { floors: 3, basement: false, footprint: 80, totalFloorArea: 240, height: 12, adjoinsExisting: false },
    commitment: true,
    filedByProxy: false,
  };
}

interface Slip {
  id: string;
  kind: string;
  format: string;
  sha256: string;
  url: string;
  eventSeq: number;
  templateVersion: string;
}

forEachDatabase('slips and the logbook', (db) => {
  let server: TestServer;
  let reception: Staff, specialist: Staff, leader: Staff;
  const issued = new Map<string, { code: string; slips: Slip[] }>();

  async function apply(): Promise<string> {
    const res = await submitOnline(server, '1.013225', { version: 1, data: permitData('trung-tam') }, [
      { document: 'don-de-nghi', bytes: pdfBytes('don') },
      { document: 'giay-to-quyen-su-dung-dat', bytes: pdfBytes('so do') },
      { document: 'ban-ve-thiet-ke', bytes: pdfBytes('ban ve') },
    ]);
    assert.equal(res.status, 201, await res.clone().text());
    return (await json<{ code: string }>(res)).code;
  }

  // Before the tests: slips of every kind come out of real actions.
  before(async () => {
    server = await testServer(db(), { now: at('2026-07-06T09:00:00+07:00') });
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    leader = await staffOf(server, 'leader.trung-tam');

    const a = await apply();
    const accepted = await doAction(server, reception, a, { kind: 'accept' });
    server.clock.advance(3600_000);
    await doAction(server, specialist, a, { kind: 'claim' });
    await doAction(server, specialist, a, { kind: 'send_external', params: { ref: 'DD-1' } });
    await doAction(server, specialist, a, { kind: 'receive_external', params: { ref: 'DD-1' } });
    server.clock.advance(3600_000);
    const asked = await doAction(server, specialist, a, {
      kind: 'request_supplement',
      params: {
        items: [{ documentId: 'ban-ve-thiet-ke', reason: 'Thiếu bản vẽ mặt đứng' }, { reason: 'Sai diện tích sàn' }],
        dueBy: at('2026-07-13T17:00:00+07:00'),
      },
    });
    server.clock.advance(86_400_000);
    await doAction(server, reception, a, { kind: 'supplement_provided', comment: 'Nộp bổ sung tại quầy' });
    await doAction(server, specialist, a, { kind: 'accept_supplement' });
    server.clock.set(at('2026-07-14T10:00:00+07:00'));
    const extended = await doAction(server, leader, a, {
      kind: 'extend',
      params: { newDueAt: at('2026-07-21T17:00:00+07:00'), reason: 'Cần kiểm tra thực địa lần hai' },
    });
    const control = await json<{ items: Slip[] }>(
      await server.request(`/api/v1/dossiers/${a}/slips`, {
        method: 'POST',
        headers: { authorization: `Bearer ${specialist.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'control' }),
      }),
    );
    issued.set('receipt', { code: a, slips: accepted.slips as Slip[] });
    issued.set('supplement', { code: a, slips: asked.slips as Slip[] });
    issued.set('apology', { code: a, slips: extended.slips as Slip[] });
    issued.set('control', { code: a, slips: control.items });

    const b = await apply();
    const refused = await doAction(server, reception, b, {
      kind: 'refuse',
      params: {
        reasons: ['Công trình thuộc khu vực đã có quy hoạch được phê duyệt', 'Thiếu giấy tờ về quyền sử dụng đất'],
      },
    });
    issued.set('refusal', { code: b, slips: refused.slips as Slip[] });

    const c = await apply();
    await doAction(server, reception, c, { kind: 'accept' });
    const stopped = await doAction(server, leader, c, {
      kind: 'stop',
      params: { reason: 'Người nộp đề nghị dừng để điều chỉnh thiết kế' },
    });
    issued.set('stop-notice', { code: c, slips: stopped.slips as Slip[] });

    for (const [kind, x] of issued)
      assert.deepEqual(x.slips.map((s) => `${s.kind}/${s.format}`).sort(), [`${kind}/html`, `${kind}/pdf`], kind);
  });

  const get = (url: string) => server.request(url, { headers: { authorization: `Bearer ${reception.token}` } });

  for (const kind of ['receipt', 'supplement', 'refusal', 'apology', 'stop-notice', 'control']) {
    test(`${kind} as PDF: font embedded, "${APPLICANT}" exactly, the QR decodes to the dossier code`, async () => {
      const { code, slips } = issued.get(kind)!;
      const pdf = slips.find((s) => s.format === 'pdf')!;
      const res = await get(pdf.url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('etag'), `"${pdf.sha256}"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(createHash('sha256').update(bytes).digest('hex'), pdf.sha256);
      const fonts = pdfFonts(bytes);
      assert.ok(fonts.length > 0, 'fonts');
      for (const f of fonts) {
        assert.match(f.name, /NotoSerif/, f.name);
        assert.equal(f.embedded, true, `${f.name} embedded`);
      }
      const text = pdfText(bytes);
      assert.ok(text.includes(APPLICANT), `${kind}: the applicant's name exactly (NFC)`);
      assert.ok(text.includes(code), 'the dossier code');
      assert.deepEqual(decodeQr(bytes), [code]);
      const flat = text.replace(/\s+/g, ' ');
      if (kind === 'control')
        assert.match(
          flat,
          /Đối chiếu thông tin thửa đất.*Thẩm định hồ sơ, kiểm tra thực địa/,
          'the hand-overs between steps',
        );
      if (kind === 'supplement') assert.match(flat, /Thiếu bản vẽ mặt đứng/);
      if (kind === 'refusal') assert.match(flat, /Thiếu giấy tờ về quyền sử dụng đất/);
      if (kind === 'apology') assert.match(flat, /Cần kiểm tra thực địa lần hai/);
    });

    test(`${kind} as HTML: the same content, the QR inline, nothing fetched from anywhere`, async () => {
      const { code, slips } = issued.get(kind)!;
      const res = await get(slips.find((s) => s.format === 'html')!.url);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-security-policy')!, /default-src 'none'/);
      const html = await res.text();
      assert.ok(html.includes(APPLICANT), 'NFC name');
      assert.ok(html.includes(`aria-label="Mã QR: ${code}"`), 'inline QR');
      assert.doesNotMatch(html, /https?:|\/\/|src=|href=|url\(|<script|<link|@import/i, 'works offline');
    });
  }

  test('a reprint serves the stored file: same ids, same bytes, even after the dossier moved on', async () => {
    const { code, slips } = issued.get('receipt')!;
    const before = new Uint8Array(await (await get(slips.find((s) => s.format === 'pdf')!.url)).arrayBuffer());
    // The applicant's address changes later; the issued receipt does not.
    await execute(server.ctx.db, sql`update dossiers set applicant_address = 'Địa chỉ mới' where code = ${code}`);
    const again = await json<{ items: Slip[] }>(
      await server.request(`/api/v1/dossiers/${code}/slips`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reception.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'receipt' }),
      }),
    );
    assert.deepEqual(again.items.map((s) => [s.id, s.sha256]).sort(), slips.map((s) => [s.id, s.sha256]).sort());
    const after = new Uint8Array(await (await get(slips.find((s) => s.format === 'pdf')!.url)).arrayBuffer());
    assert.deepEqual(after, before);
    const list = await json<{ items: Slip[] }>(await get(`/api/v1/dossiers/${code}/slips`));
    assert.equal(list.items.filter((s) => s.kind === 'receipt').length, 2, 'issued once per format');
    // A control slip printed later is a new artefact for the later state; the earlier one stays.
    server.clock.advance(3600_000);
    await doAction(server, specialist, code, { kind: 'claim' }).catch(() => null);
    await doAction(server, specialist, code, { kind: 'forward' });
    const later = await json<{ items: Slip[] }>(
      await server.request(`/api/v1/dossiers/${code}/slips`, {
        method: 'POST',
        headers: { authorization: `Bearer ${specialist.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'control' }),
      }),
    );
    const first = issued.get('control')!.slips;
    assert.ok(later.items[0]!.eventSeq > first[0]!.eventSeq);
    assert.notEqual(later.items.find((s) => s.format === 'pdf')!.sha256, first.find((s) => s.format === 'pdf')!.sha256);
  });

  test('a stored slip whose bytes were altered is refused, not served', async () => {
    const { slips } = issued.get('refusal')!;
    const pdf = slips.find((s) => s.format === 'pdf')!;
    const key = await execute<{ storage_key: string }>(
      server.ctx.db,
      sql`select storage_key from files where id = ${pdf.id}`,
    );
    writeFileSync(join(server.filesDir, 'objects', key[0]!.storage_key.slice(0, 2), key[0]!.storage_key), 'forged');
    const res = await get(pdf.url);
    assert.equal(res.status, 500);
    assert.equal((await json<{ error: { code: string } }>(res)).error.code, 'artefact_corrupt');
    await assert.rejects(
      () => execute(server.ctx.db, sql`update artefacts set sha256 = 'x' where file_id = ${pdf.id}`),
      (e: unknown) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e)),
    );
  });

  test('result documents are artefacts too; slips that do not apply are a 409', async () => {
    const code = await apply();
    await doAction(server, reception, code, { kind: 'accept' });
    const none = await server.request(`/api/v1/dossiers/${code}/slips`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reception.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'apology' }),
    });
    assert.equal(none.status, 409);
    const viewer = await staffOf(server, 'viewer.trung-tam');
    const denied = await server.request(`/api/v1/dossiers/${code}/slips`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'control' }),
    });
    assert.equal(denied.status, 403, 'viewers read slips, they do not issue them');
  });

  test('the logbook as HTML, PDF, CSV and XLSX, built from the events', async () => {
    const q = '/api/v1/agencies/000.20.01.H56/logbook?from=2026-07-01&to=2026-07-31';
    const codes = [...new Set([...issued.values()].map((x) => x.code))];
    const pdf = new Uint8Array(await (await get(`${q}&format=pdf&book=01/2026`)).arrayBuffer());
    const text = pdfText(pdf);
    assert.ok(text.replace(/\s+/g, ' ').includes(APPLICANT), `the applicant in the PDF logbook: ${text}`);
    for (const f of pdfFonts(pdf)) assert.equal(f.embedded, true);
    const html = await (await get(`${q}&format=html`)).text();
    assert.ok(html.includes(APPLICANT), 'the applicant in the HTML logbook');
    const csv = await readCsv(new Uint8Array(await (await get(`${q}&format=csv`)).arrayBuffer()));
    const csvCodes = Array.from({ length: csv.rowCount }, (_, i) => rowValues(csv, i + 1)[1]).filter(
      (v) => typeof v === 'string' && v.startsWith('000.'),
    );
    for (const code of codes) assert.ok(csvCodes.includes(code), code);
    const xlsx = await readXlsx(new Uint8Array(await (await get(`${q}&format=xlsx`)).arrayBuffer()));
    const ws = xlsx.worksheets[0]!;
    const cells = Array.from({ length: ws.rowCount }, (_, i) =>
      rowValues(ws, i + 1)
        .map(String)
        .join(' | '),
    ).join('\n');
    for (const code of codes) assert.ok(cells.includes(code), code);
    const json_ = await json<{ rows: { dossierCode: string; note?: string }[] }>(await get(q));
    const refusedRow = json_.rows.find((r) => r.dossierCode === issued.get('refusal')!.code)!;
    assert.match(refusedRow.note!, /Từ chối tiếp nhận/);
    const stoppedRow = json_.rows.find((r) => r.dossierCode === issued.get('stop-notice')!.code)!;
    assert.match(stoppedRow.note!, /Dừng xử lý/);
  });

  after(() => server.dispose());
});
