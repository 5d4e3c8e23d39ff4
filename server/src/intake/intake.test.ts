import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, json, withBearer } from '../../test/support/http.ts';
import { EXAMPLES_DIR } from '../seed/demo-province.ts';
import {
  birthData,
  birthFiles,
  bornOn,
  pdfBytes,
  pngBytes,
  rowCounts,
  submitOnline,
} from '../../test/support/intake.ts';

forEachDatabase('citizen intake and tracking', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('publish → submit with uploads → track, over HTTP', async () => {
    // A designer publishes a procedure through the API …
    const designer = withBearer(server, await bearer(server, 'designer.justice'));
    const definition = {
      ...JSON.parse(readFileSync(join(EXAMPLES_DIR, 'procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8')),
      code: '9.000100',
    };
    assert.equal((await designer('POST', '/api/v1/agencies/000.00.10.H56/procedures', definition)).status, 201);
    assert.equal((await designer('POST', '/api/v1/procedures/9.000100/versions', {})).status, 201);
    // … a citizen's browser reads it and submits …
    const pub = await json<{ version: number; validators: string }>(
      await server.request('/api/v1/public/procedures/9.000100'),
    );
    assert.equal((await server.request(new URL(pub.validators).pathname)).status, 200);
    const res = await submitOnline(
      server,
      '9.000100',
      { version: pub.version, agency: '000.20.01.H56', data: birthData() },
      birthFiles(),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const r = await json<{
      code: string;
      secret: string;
      status: number;
      fees: { total: number; collect: string };
      dueAt: null;
      expectedDueAt: string;
      agency: { code: string };
    }>(res);
    assert.match(r.code, /^000\.20\.01\.H56-260302-\d{4}$/);
    assert.equal(r.status, 1);
    assert.equal(r.fees.total, 0, 'registered on time: exempted');
    assert.equal(r.dueAt, null);
    assert.equal(
      r.expectedDueAt,
      '2026-03-02T17:00:00+07:00',
      'same-day: accepted before 15:00 → end of this working day',
    );
    assert.equal(r.agency.code, '000.20.01.H56');
    const track = await server.request(`/api/v1/public/dossiers/${r.code}`, {
      headers: { 'x-tracking-secret': r.secret },
    });
    assert.equal(track.status, 200);
    assert.match(r.secret, /^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){3}$/, 'no look-alikes, grouped in fives');
    const typed = ` ${r.secret.toLowerCase().replace(/-/g, '  ')} `;
    const typedTrack = await server.request(`/api/v1/public/dossiers/${r.code}`, {
      headers: { 'x-tracking-secret': typed },
    });
    assert.equal(typedTrack.status, 200, 'any case and spacing');
    const t = await json<{
      status: number;
      timeline: { kind: string }[];
      canWithdraw: boolean;
      files: { id: string; documentId: string; mediaType: string; name: string }[];
    }>(track);
    assert.equal(t.status, 1);
    assert.deepEqual(
      t.timeline.map((e) => e.kind),
      ['submit'],
    );
    assert.equal(t.canWithdraw, true);
    assert.deepEqual(t.files.map((f) => [f.documentId, f.mediaType, f.name]).sort(), [
      ['giay-chung-sinh', 'application/pdf', 'giấy chứng sinh.pdf'],
      ['giay-chung-sinh', 'image/png', 'giay-chung-sinh.png'],
    ]);
    const pdfFile = t.files.find((f) => f.mediaType === 'application/pdf')!;
    const file = await server.request(`/api/v1/public/dossiers/${r.code}/files/${pdfFile.id}`, {
      headers: { 'x-tracking-secret': r.secret },
    });
    assert.equal(file.status, 200);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), pdfBytes('giay chung sinh'));
    assert.match(
      file.headers.get('content-disposition')!,
      /filename\*=UTF-8''gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh\.pdf/,
    );
    // a wrong secret is indistinguishable from an unknown code
    assert.equal(
      (await server.request(`/api/v1/public/dossiers/${r.code}`, { headers: { 'x-tracking-secret': 'x' } })).status,
      404,
    );
    assert.equal((await server.request(`/api/v1/public/dossiers/${r.code}`)).status, 404);
    assert.equal(
      (
        await server.request(`/api/v1/public/dossiers/000.20.01.H56-260302-9999`, {
          headers: { 'x-tracking-secret': r.secret },
        })
      ).status,
      404,
    );
  });

  test('fees collected before acceptance: status 6 first', async () => {
    // The clock says 2 March 2026: born 90 days earlier, the registration is late and charged.
    const res = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.02.H56', data: bornOn('2025-12-02') },
      birthFiles(),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const r = await json<{ status: number; fees: { total: number } }>(res);
    assert.equal(r.fees.total, 8000);
    assert.equal(r.status, 6);
  });

  test('late registration follows from the dates: the 61st day after the birth is charged, the 60th is not', async () => {
    type Quote = { status: number; fees: { total: number; items: { id: string; exemption: { id: string } | null }[] } };
    const at = server.clock.now(); // 2 March 2026, 09:00 in Vietnam
    const filed = async (birthDate: string, over: Record<string, unknown> = {}) => {
      const res = await submitOnline(
        server,
        '1.001193',
        { version: 1, agency: '000.20.02.H56', data: bornOn(birthDate, over) },
        birthFiles(),
      );
      assert.equal(res.status, 201, await res.clone().text());
      return json<Quote>(res);
    };
    const late = await filed('2026-01-01'); // 60 days before 2 March is 1 January
    const charge = (q: Quote) => q.fees.items.find((l) => l.id === 'le-phi-khai-sinh')!;
    assert.equal(late.fees.total, 0, 'the 60th day is on time');
    assert.equal(charge(late).exemption?.id, 'dung-han');
    const later = await filed('2025-12-31');
    assert.equal(later.fees.total, 8000, 'the 61st day is late');
    assert.equal(charge(later).exemption, null);
    assert.equal(later.status, 6);
    assert.equal(server.clock.now(), at);
    // A derived value sent with the data is refused, never trusted.
    const forged = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.02.H56', data: bornOn('2025-12-31', { $derived: { daysSinceBirth: 1 } }) },
      birthFiles(),
    );
    assert.equal(forged.status, 400);
    const body = await json<{ error: { issues: { pointer: string; code: string }[] } }>(forged);
    assert.deepEqual(
      body.error.issues.map((i) => [i.pointer, i.code]),
      [['/data/$derived', 'reserved-field']],
    );
  });

  test('invalid data, a missing document, an oversized file, bytes that do not match → right status and message, nothing stored', async () => {
    const before = await rowCounts(server);
    const filesBefore = await server.ctx.files.keys();
    const bad = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData({ requester: { fullName: 'A' } }) },
      birthFiles(),
    );
    assert.equal(bad.status, 400);
    const badBody = await json<{ error: { issues: { pointer: string; message: { vi: string; en: string } }[] } }>(bad);
    assert.ok(
      badBody.error.issues.some((i) => i.pointer === '/data/requester/idNumber' && i.message.vi && i.message.en),
      JSON.stringify(badBody.error.issues),
    );

    const missing = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData() },
      [],
    );
    assert.equal(missing.status, 400);
    const m = await json<{ error: { issues: { pointer: string; code: string }[] } }>(missing);
    assert.deepEqual(
      m.error.issues.map((i) => [i.pointer, i.code]),
      [['/documents/giay-chung-sinh', 'missing-document']],
    );

    // Online the e-form is the declaration: an uploaded paper one is refused, naming its part.
    const declaration = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData() },
      [...birthFiles(), { document: 'to-khai', bytes: pdfBytes('to khai'), name: 'tờ khai.pdf' }],
    );
    assert.equal(declaration.status, 400);
    const d = await json<{
      error: { issues: { pointer: string; code: string; message: { vi: string; en: string } }[] };
    }>(declaration);
    assert.deepEqual(
      d.error.issues.map((i) => [i.pointer, i.code]),
      [['/documents/to-khai', 'document-not-asked-on-channel']],
    );
    assert.match(d.error.issues[0]!.message.vi, /documents\.to-khai.*trực tuyến/);
    assert.match(d.error.issues[0]!.message.en, /documents\.to-khai.*online/);

    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    const large = await submitOnline(server, '1.001193', { version: 1, agency: '000.20.01.H56', data: birthData() }, [
      { document: 'giay-chung-sinh', bytes: big },
      birthFiles()[1]!,
    ]);
    assert.equal(large.status, 413);
    assert.deepEqual(
      (await json<{ error: { issues: { pointer: string; code: string }[] } }>(large)).error.issues.map((i) => [
        i.pointer,
        i.code,
      ]),
      [['/documents/giay-chung-sinh/0', 'too-large']],
    );

    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      0x04,
      0x00,
      0x00,
      0x00,
      0xff,
      0xff,
      0x00,
      0x00,
      ...new Uint8Array(200),
    ]);
    const wrong = await submitOnline(server, '1.001193', { version: 1, agency: '000.20.01.H56', data: birthData() }, [
      { document: 'giay-chung-sinh', bytes: exe, name: 'giay-chung-sinh.pdf', type: 'application/pdf' },
      birthFiles()[1]!,
    ]);
    assert.equal(wrong.status, 415);
    assert.deepEqual(
      (await json<{ error: { issues: { pointer: string; code: string }[] } }>(wrong)).error.issues.map((i) => [
        i.pointer,
        i.code,
      ]),
      [['/documents/giay-chung-sinh/0', 'media-type']],
    );

    const badAgency = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.00.11.H56', data: birthData() },
      birthFiles(),
    );
    assert.equal(badAgency.status, 400);
    assert.equal(
      (await json<{ error: { issues: { pointer: string }[] } }>(badAgency)).error.issues[0]!.pointer,
      '/agency',
    );

    const stale = await submitOnline(
      server,
      '1.001193',
      { version: 7, agency: '000.20.01.H56', data: birthData() },
      birthFiles(),
    );
    assert.equal(stale.status, 409);

    const notMultipart = await server.request('/api/v1/public/procedures/1.001193/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(notMultipart.status, 415);

    assert.deepEqual(await rowCounts(server), before, 'no rows');
    assert.deepEqual(await server.ctx.files.keys(), filesBefore, 'no files');
  });

  test('supplement and withdrawal through tracking', async () => {
    const res = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.03.H56', data: birthData() },
      birthFiles(),
    );
    const r = await json<{ code: string; secret: string }>(res);
    const h = { 'x-tracking-secret': r.secret };
    const form = new FormData();
    form.append('supplement', JSON.stringify({ comment: 'bổ sung' }));
    form.append('documents.giay-chung-sinh', new Blob([pdfBytes()]), 'a.pdf');
    const early = await server.request(`/api/v1/public/dossiers/${r.code}/supplement`, {
      method: 'POST',
      body: form,
      headers: h,
    });
    assert.equal(early.status, 409, 'no supplement was requested');
    const w = await server.request(`/api/v1/public/dossiers/${r.code}/withdrawal`, {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Nộp nhầm cơ quan' }),
    });
    assert.equal(w.status, 200, await w.clone().text());
    const t = await json<{ status: number; timeline: { kind: string; comment?: string }[]; canWithdraw: boolean }>(w);
    assert.equal(t.status, 7, 'before acceptance the applicant withdraws at once');
    assert.deepEqual(
      t.timeline.map((e) => e.kind),
      ['submit', 'withdraw'],
    );
    assert.equal(t.canWithdraw, false);
    assert.equal(
      (
        await server.request(`/api/v1/public/dossiers/${r.code}/withdrawal`, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
      409,
    );
    void pngBytes;
  });

  after(() => server.dispose());
});
