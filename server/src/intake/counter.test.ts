import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, login } from '../../test/support/http.ts';
import { birthData, birthFiles, counterBirthFiles, pdfBytes, submissionForm } from '../../test/support/intake.ts';
import { execute } from '../db/client.ts';
import { assertDailySumsRecount } from '../reports/testing/daily-recount.ts';
import { dossierByCode } from '../dossiers/load.ts';
import { act } from '../dossiers/act.ts';

forEachDatabase('counter intake, staff reads, supplements', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('reception receives at its own counter through the same path: accepted at once, the clock starts', async () => {
    const s = await login(server, 'reception.trung-tam');
    const form = submissionForm({ version: 1, channel: 'postal', data: birthData() }, counterBirthFiles());
    const noCsrf = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: form,
      headers: { cookie: s.cookie },
    });
    assert.equal(noCsrf.status, 403, 'a session mutation needs the CSRF token');
    const res = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm({ version: 1, channel: 'postal', data: birthData() }, counterBirthFiles()),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const r = await json<{ code: string; status: number; dueAt: string; expectedDueAt: null }>(res);
    assert.equal(r.status, 2);
    assert.equal(r.dueAt, '2026-03-02T17:00:00+07:00');
    assert.equal(r.expectedDueAt, null);
    const row = (await dossierByCode(server.ctx.db, r.code))!;
    assert.equal(row.channel, 'postal');
    assert.equal(row.locationAgency, '000.20.01.H56');
    assert.equal(row.applicantName, 'Nguyễn Văn An');
    assert.equal(row.applicantSearch, 'nguyen van an 001090012345 0912345678 an@example.vn');
    const provenance = await execute<{ provenance: string; uploaded_by: string }>(
      server.ctx.db,
      sql`select f.provenance, f.uploaded_by from files f join dossier_files l on l.file_id = f.id where l.dossier_id = ${row.id}`,
    );
    assert.deepEqual(new Set(provenance.map((p) => p.provenance)), new Set(['counter-scan']));
    assert.equal(provenance[0]!.uploaded_by, s.staffId);
    const ledger = await execute<{ column: string; value: number; day: string }>(
      server.ctx.db,
      sql`select "column", value::int as value, day::text as day from report_ledger where agency_code = '000.20.01.H56' and field_code = 'ho-tich' and "column" = 'accepted-direct'`,
    );
    assert.deepEqual(
      ledger,
      [{ column: 'accepted-direct', value: 1, day: '2026-03-02' }],
      'the Biểu 06 running totals moved in the same transaction',
    );
    const daily = await execute<{ accepted: number; channel: string; day: string }>(
      server.ctx.db,
      sql`select accepted, channel, day::text as day from dashboard_daily where agency_code = '000.20.01.H56'`,
    );
    assert.deepEqual(daily, [{ accepted: 1, channel: 'postal', day: '2026-03-02' }], 'and the dashboard’s daily sums');
    await assertDailySumsRecount(server.ctx.db, 'counter intake');
  });

  test('reception of another agency, or a specialist, cannot receive at this counter', async () => {
    const other = await bearer(server, 'reception.bac-thanh');
    const res = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm({ version: 1, data: birthData() }, counterBirthFiles()),
      headers: { authorization: `Bearer ${other}` },
    });
    assert.equal(res.status, 403);
    const specialist = await bearer(server, 'specialist.trung-tam');
    const res2 = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm({ version: 1, data: birthData() }, counterBirthFiles()),
      headers: { authorization: `Bearer ${specialist}` },
    });
    assert.equal(res2.status, 403);
  });

  test('staff read dossiers at their agency; leaders and viewers above read; others do not; reads are logged', async () => {
    const token = await bearer(server, 'reception.trung-tam');
    const created = await json<{ code: string }>(
      await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
        method: 'POST',
        body: submissionForm({ version: 1, data: birthData() }, counterBirthFiles()),
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const read = async (username: string) =>
      (
        await server.request(`/api/v1/dossiers/${created.code}`, {
          headers: { authorization: `Bearer ${await bearer(server, username)}` },
        })
      ).status;
    assert.equal(await read('specialist.trung-tam'), 200);
    assert.equal(await read('viewer.trung-tam'), 200);
    assert.equal(await read('leader.province'), 200, 'a leader of an ancestor');
    assert.equal(await read('viewer.province'), 200, 'a viewer of an ancestor');
    assert.equal(await read('admin.province'), 403, 'admins manage accounts, they do not read dossiers');
    assert.equal(await read('specialist.bac-thanh'), 403, 'a sibling commune');
    assert.equal(await read('designer.justice'), 403);
    const row = (await dossierByCode(server.ctx.db, created.code))!;
    const log = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from access_log where dossier_id = ${row.id} and operation = 'getDossier'`,
    );
    assert.equal(log[0]!.n, 4);
  });

  test('the applicant provides a requested supplement; files are checked by their bytes', async () => {
    const res = await server.request('/api/v1/public/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm({ version: 1, agency: '000.20.01.H56', data: birthData() }, birthFiles()),
    });
    const r = await json<{ code: string; secret: string }>(res);
    const row = (await dossierByCode(server.ctx.db, r.code))!;
    const staffId = (await login(server, 'reception.trung-tam')).staffId;
    await act(server.ctx, row, {
      kind: 'request_supplement',
      actor: { kind: 'staff', id: staffId, agency: '000.20.01.H56', roles: ['reception'] },
      at: server.clock.now(),
      params: {
        items: [{ documentId: 'giay-chung-sinh', reason: 'Giấy chứng sinh bị mờ' }],
        dueBy: server.clock.now() + 5 * 86400_000,
      },
    });
    const h = { 'x-tracking-secret': r.secret };
    const t = await json<{ status: number; canSupplement: boolean; supplement: { items: { reason: string }[] } }>(
      await server.request(`/api/v1/public/dossiers/${r.code}`, { headers: h }),
    );
    assert.equal(t.status, 5);
    assert.equal(t.canSupplement, true);
    assert.equal(t.supplement.items[0]!.reason, 'Giấy chứng sinh bị mờ');
    const bad = new FormData();
    bad.append('documents.giay-chung-sinh', new Blob(['just text, not a PDF']), 'giay-chung-sinh.pdf');
    const refused = await server.request(`/api/v1/public/dossiers/${r.code}/supplement`, {
      method: 'POST',
      body: bad,
      headers: h,
    });
    assert.equal(refused.status, 415);
    const good = new FormData();
    good.append('supplement', JSON.stringify({ comment: 'Đã ký lại tờ khai' }));
    good.append('documents.giay-chung-sinh', new Blob([pdfBytes('signed')]), 'giay-chung-sinh-ro.pdf');
    const ok = await server.request(`/api/v1/public/dossiers/${r.code}/supplement`, {
      method: 'POST',
      body: good,
      headers: h,
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const after = await json<{
      supplement: { provided: boolean };
      canSupplement: boolean;
      timeline: { kind: string }[];
      files: { name: string; purpose: string }[];
    }>(ok);
    assert.equal(after.supplement.provided, true);
    assert.equal(after.canSupplement, false);
    assert.deepEqual(
      after.timeline.map((e) => e.kind),
      ['submit', 'request_supplement', 'supplement_provided'],
    );
    assert.ok(after.files.some((f) => f.name === 'giay-chung-sinh-ro.pdf' && f.purpose === 'supplement'));
  });

  after(() => server.dispose());
});
