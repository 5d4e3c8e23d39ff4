/**
 * The whole life of a liên thông dossier over HTTP, as the people involved would do it: an online
 * construction-permit application, accepted at the commune, checked against the land system,
 * forwarded to the province's Department of Construction, a supplement requested there and
 * provided by the applicant (the appointment moves by exactly the paused working time), approved
 * by the commune's leader with the permit attached, and handed over. The applicant's tracking
 * shows each public step; the logbook and Biểu 06 show the dossier.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import {
  doAction,
  doActionWithFiles,
  resultPdf,
  staffOf,
  type ActionResponse,
  type Staff,
} from '../../test/support/cases.ts';
import { pdfBytes, submitOnline } from '../../test/support/intake.ts';
import { assertVisitKeys } from '../../test/support/visit-keys.ts';

const at = (s: string) => Date.parse(s);

const APPLICANT = 'Nguyễn Thị Ngọc Ánh';
const data = {
  investor: {
    fullName: APPLICANT,
    idNumber: '001190012345',
    address: 'Số 9 đường Nguyễn Huệ, Phường Trung Tâm',
    phone: '0912000111',
    email: 'ngocanh@example.vn',
  },
  site: {
    commune: 'trung-tam',
    address: 'Lô 12 khu dân cư mới',
    mapSheet: 3,
    parcel: 120,
    landArea: 100,
    inPlannedArea: true,
  },
  building: { floors: 7, basement: false, footprint: 80, totalFloorArea: 560, height: 25, adjoinsExisting: false },
  commitment: true,
  filedByProxy: false,
};

forEachDatabase('the full flow of a liên thông dossier over HTTP', (db) => {
  let server: TestServer;
  let reception: Staff, specialist: Staff, leader: Staff, deptSpecialist: Staff;
  let code = '';
  let secret = '';

  const track = async () =>
    json<{
      status: number;
      dueAt: string | null;
      timeline: { kind: string; status: number; at: string }[];
      canSupplement: boolean;
      supplement: { items: { reason: string }[] } | null;
      files: { purpose: string; name: string }[];
    }>(await server.request(`/api/v1/public/dossiers/${code}`, { headers: { 'x-tracking-secret': secret } }));

  // Before the tests: the applicant applies online on Monday 6 July 2026 at 08:30.
  before(async () => {
    server = await testServer(db(), { now: at('2026-07-06T08:30:00+07:00') });
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    leader = await staffOf(server, 'leader.trung-tam');
    deptSpecialist = await staffOf(server, 'specialist.construction');
    const res = await submitOnline(server, '1.013225', { version: 1, data }, [
      { document: 'don-de-nghi', bytes: pdfBytes('don') },
      { document: 'giay-to-quyen-su-dung-dat', bytes: pdfBytes('so do') },
      { document: 'ban-ve-thiet-ke', bytes: pdfBytes('ban ve') },
      { document: 'ket-qua-tham-tra-thiet-ke', bytes: pdfBytes('tham tra') },
    ]);
    assert.equal(res.status, 201, await res.clone().text());
    ({ code, secret } = await json<{ code: string; secret: string }>(res));
    assert.match(code, /^000\.20\.01\.H56-260706-\d{4}$/, 'received by the commune the site is in');
    assert.equal((await track()).status, 1);
  });

  test('accepted at 09:00: the clock starts, due after 7 working days; the receipt is issued', async () => {
    server.clock.set(at('2026-07-06T09:00:00+07:00'));
    const r = await doAction(server, reception, code, { kind: 'accept', lockVersion: 1 });
    assert.equal(r.dossier.status, 2);
    assert.equal(r.dossier.dueAt, '2026-07-15T09:00:00+07:00');
    assert.equal(r.dossier.location.step, 'doi-chieu-dat-dai');
    assert.deepEqual(r.slips.map((s) => `${s.kind}/${s.format}`).sort(), ['receipt/html', 'receipt/pdf']);
  });

  test('the land check goes to the external system and comes back (a repeated answer records nothing)', async () => {
    server.clock.set(at('2026-07-06T10:00:00+07:00'));
    await doAction(server, specialist, code, { kind: 'claim' });
    await doAction(server, specialist, code, { kind: 'send_external', params: { ref: 'DD-2026-000123' } });
    server.clock.set(at('2026-07-07T08:00:00+07:00'));
    const back = await doAction(server, specialist, code, {
      kind: 'receive_external',
      params: { ref: 'DD-2026-000123', result: { parcelOk: true } },
    });
    assert.equal(back.dossier.location.step, 'tham-dinh');
    const again = await doAction(server, specialist, code, {
      kind: 'receive_external',
      params: { ref: 'DD-2026-000123', result: { parcelOk: true } },
    });
    assert.equal(again.recorded, false, 'idempotent on the external reference');
    assert.deepEqual(again.events, []);
  });

  test('reviewed at the commune and forwarded to the Department of Construction (liên thông, chosen by the definition: 7 storeys)', async () => {
    server.clock.set(at('2026-07-08T14:00:00+07:00'));
    await doAction(server, specialist, code, { kind: 'claim' });
    const moved = await doAction(server, specialist, code, {
      kind: 'forward',
      comment: 'Nhà 7 tầng: lấy ý kiến Sở Xây dựng',
    });
    assert.equal(moved.dossier.location.agency, '000.00.11.H56');
    assert.equal(moved.dossier.location.step, 'lay-y-kien-so-xay-dung');
    const inbox = await json<{ items: { code: string }[] }>(
      await server.request('/api/v1/agencies/000.00.11.H56/inbox', {
        headers: { authorization: `Bearer ${deptSpecialist.token}` },
      }),
    );
    assert.ok(
      inbox.items.some((i) => i.code === code),
      'in the department specialist\u2019s queue',
    );
    const communeQueue = await json<{ items: { code: string }[] }>(
      await server.request('/api/v1/agencies/000.20.01.H56/inbox', {
        headers: { authorization: `Bearer ${specialist.token}` },
      }),
    );
    assert.ok(!communeQueue.items.some((i) => i.code === code), 'no longer in the commune specialist\u2019s queue');
  });

  test('the department asks for a supplement on Thursday 9 July 10:00; the applicant provides it Friday 16:00; accepted Monday 13 July 14:00 — the appointment moves by exactly the 12 working hours until the applicant submitted', async () => {
    server.clock.set(at('2026-07-09T10:00:00+07:00'));
    const asked = await doAction(server, deptSpecialist, code, {
      kind: 'request_supplement',
      params: {
        items: [{ documentId: 'ban-ve-thiet-ke', reason: 'Thiếu bản vẽ mặt cắt tầng 7' }],
        dueBy: at('2026-07-17T17:00:00+07:00'),
      },
    });
    assert.equal(asked.dossier.status, 5);
    assert.deepEqual(asked.slips.map((s) => `${s.kind}/${s.format}`).sort(), ['supplement/html', 'supplement/pdf']);
    const t = await track();
    assert.equal(t.canSupplement, true);
    assert.equal(t.supplement!.items[0]!.reason, 'Thiếu bản vẽ mặt cắt tầng 7');

    server.clock.set(at('2026-07-10T16:00:00+07:00'));
    const form = new FormData();
    form.append('supplement', JSON.stringify({ comment: 'Gửi bổ sung bản vẽ mặt cắt' }));
    form.append(
      'documents.ban-ve-thiet-ke',
      new Blob([pdfBytes('mat cat')], { type: 'application/pdf' }),
      'mat-cat.pdf',
    );
    const provided = await server.request(`/api/v1/public/dossiers/${code}/supplement`, {
      method: 'POST',
      body: form,
      headers: { 'x-tracking-secret': secret },
    });
    assert.equal(provided.status, 200, await provided.clone().text());
    // The pause ends when the applicant submits (Decision 766/QĐ-TTg index 2.1), not when staff accept:
    // Thu 10:00–17:00 (5 h of working time) + Fri 07:00–16:00 (7 h) = 12 working hours.
    // Wed 15 Jul 09:00 + 12 h = Wed 6 h, Thu 07:00–11:30 4.5 h, 13:30–15:00 1.5 h → Thu 16 Jul 15:00.
    assert.equal((await track()).dueAt, '2026-07-16T15:00:00+07:00');

    server.clock.set(at('2026-07-13T14:00:00+07:00'));
    const resumed = await doAction(server, deptSpecialist, code, { kind: 'accept_supplement' });
    assert.equal(resumed.dossier.status, 4);
    // The day staff took to check it is the agency's time: the appointment does not move again.
    assert.equal(resumed.dossier.dueAt, '2026-07-16T15:00:00+07:00');
  });

  test('the department gives its opinion; the commune leader approves with the permit attached; reception hands it over', async () => {
    server.clock.set(at('2026-07-14T09:00:00+07:00'));
    const back = await doAction(server, deptSpecialist, code, { kind: 'forward', comment: 'Sở Xây dựng thống nhất' });
    assert.equal(back.dossier.location.agency, '000.20.01.H56');
    assert.equal(back.dossier.location.step, 'phe-duyet');
    server.clock.set(at('2026-07-15T15:00:00+07:00'));
    const res = await doActionWithFiles(server, leader, code, { kind: 'approve', comment: 'Cấp giấy phép xây dựng' }, [
      resultPdf('giay phep xay dung'),
    ]);
    assert.equal(res.status, 200, await res.clone().text());
    const approved = await json<ActionResponse>(res);
    assert.equal(approved.dossier.status, 9);
    server.clock.set(at('2026-07-16T08:00:00+07:00'));
    const done = await doAction(server, reception, code, { kind: 'return_result' });
    assert.equal(done.dossier.status, 10);
  });

  test('the applicant\u2019s tracking shows each public step, and the permit to download', async () => {
    const t = await track();
    assert.equal(t.status, 10);
    assert.deepEqual(
      t.timeline.map((e) => `${e.kind}:${e.status}`),
      [
        'submit:1',
        'accept:2',
        'send_external:4',
        'receive_external:4',
        'forward:4',
        'request_supplement:5',
        'supplement_provided:5',
        'accept_supplement:4',
        'forward:4',
        'approve:9',
        'return_result:10',
      ],
    );
    assert.ok(!t.timeline.some((e) => e.kind === 'claim'), 'internal steps stay internal');
    assert.equal(t.dueAt, '2026-07-16T15:00:00+07:00');
    assert.ok(
      t.files.some((f) => f.purpose === 'result'),
      'the result document',
    );
  });

  test('the logbook and Biểu 06 of the commune show it: received 6 July, resolved early', async () => {
    const h = { authorization: `Bearer ${reception.token}` };
    const book = await json<{
      rows: {
        dossierCode: string;
        leadAgency: string;
        receivedAt: string;
        forwardedAt: string;
        appointmentAt: string;
        resultReceivedAt: string;
        returnedBy: string;
        returnedTo: string;
        note: string;
      }[];
    }>(await server.request('/api/v1/agencies/000.20.01.H56/logbook?from=2026-07-01&to=2026-07-31', { headers: h }));
    const row = book.rows.find((r) => r.dossierCode === code)!;
    assert.ok(row, 'in the logbook');
    assert.equal(row.receivedAt, '2026-07-06T09:00:00+07:00');
    assert.equal(row.leadAgency, 'Phường Trung Tâm', 'the commune decides; the department only gives its opinion');
    assert.equal(row.forwardedAt, '2026-07-06T09:00:00+07:00', 'handed from the counter to the first step');
    assert.equal(row.appointmentAt, '2026-07-15T09:00:00+07:00');
    assert.equal(row.resultReceivedAt, '2026-07-15T15:00:00+07:00');
    assert.equal(row.returnedTo, APPLICANT);
    assert.match(row.note, /Liên thông: chuyển Sở Xây dựng/);
    assert.match(row.note, /Yêu cầu bổ sung ngày 09\/07\/2026/);
    const report = await json<{
      rows: { agency: string; values: { received: number; online: number; resolved: number; early: number } }[];
    }>(
      await server.request('/api/v1/agencies/000.20.01.H56/reports/bieu06?from=2026-07-01&to=2026-07-31&rollUp=false', {
        headers: h,
      }),
    );
    const commune = report.rows.find((r) => r.agency === '000.20.01.H56')!;
    assert.ok(commune.values.online >= 1 && commune.values.early >= 1, JSON.stringify(commune.values));
  });

  test('the commune and the department each wrote their visit with its search keys, and each finds the applicant by name', async () => {
    const visited = await assertVisitKeys(server.ctx.db, [code]);
    assert.deepEqual(visited.get(code), ['000.00.11.H56', '000.20.01.H56']);
    for (const [agency, staff] of [
      ['000.20.01.H56', leader],
      ['000.00.11.H56', deptSpecialist],
    ] as const) {
      const page = await json<{ items: { code: string }[] }>(
        await server.request(
          `/api/v1/agencies/${agency}/inbox?view=passed&q=${encodeURIComponent('ngoc anh nguyen')}`,
          {
            headers: { authorization: `Bearer ${staff.token}` },
          },
        ),
      );
      assert.deepEqual(
        page.items.map((i) => i.code),
        [code],
        agency,
      );
    }
  });

  after(() => server.dispose());
});
