import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import {
  doAction,
  doActionWithFiles,
  onlineBirth,
  postAction,
  resultPdf,
  staffOf,
  type ActionResponse,
  type Staff,
} from '../../test/support/cases.ts';
import { execute } from '../db/client.ts';
import { dossierByCode } from '../dossiers/load.ts';
import { act } from '../dossiers/act.ts';
import { HttpError } from '../http/errors.ts';

forEachDatabase('case actions', (db) => {
  let server: TestServer;
  let reception: Staff, specialist: Staff, leader: Staff, viewer: Staff, otherReception: Staff;
  before(async () => {
    server = await testServer(db());
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    leader = await staffOf(server, 'leader.trung-tam');
    viewer = await staffOf(server, 'viewer.trung-tam');
    otherReception = await staffOf(server, 'reception.bac-thanh');
  });

  test('birth registration: accept (receipt issued) → claim → forward → approve with a result document → return', async () => {
    const { code } = await onlineBirth(server);
    const options = await json<{ actions: { kind: string }[] }>(
      await server.request(`/api/v1/dossiers/${code}/actions`, {
        headers: { authorization: `Bearer ${reception.token}` },
      }),
    );
    assert.deepEqual(options.actions.map((a) => a.kind).sort(), ['accept', 'refuse', 'request_supplement'].sort());

    const accepted = await doAction(server, reception, code, { kind: 'accept', lockVersion: 1 });
    assert.equal(accepted.dossier.status, 2);
    assert.equal(accepted.dossier.dueAt, '2026-03-02T17:00:00+07:00', 'same-day procedure accepted before 15:00');
    assert.deepEqual(accepted.slips.map((s) => `${s.kind}/${s.format}`).sort(), ['receipt/html', 'receipt/pdf']);
    assert.equal(accepted.dossier.location.step, 'tham-dinh');

    const claimed = await doAction(server, specialist, code, {
      kind: 'claim',
      lockVersion: accepted.dossier.lockVersion,
    });
    assert.equal(claimed.dossier.status, 4);
    assert.ok(claimed.dossier.location.assignee, 'claimed');
    const forwarded = await doAction(server, specialist, code, { kind: 'forward', comment: 'Hồ sơ hợp lệ, trình ký' });
    assert.equal(forwarded.dossier.location.step, 'ky-duyet');
    assert.equal(forwarded.dossier.location.role, 'leader');

    const noDoc = await postAction(server, leader, code, { kind: 'approve' });
    assert.equal(noDoc.status, 422);
    const err = await json<{ error: { issues: { pointer: string }[] } }>(noDoc);
    assert.equal(err.error.issues[0]!.pointer, '/attachments');

    const approved = await doActionWithFiles(server, leader, code, { kind: 'approve', comment: 'Đồng ý' }, [
      resultPdf(),
    ]);
    assert.equal(approved.status, 200, await approved.clone().text());
    const a = await json<ActionResponse>(approved);
    assert.equal(a.dossier.status, 9);
    assert.equal(a.dossier.location.role, 'reception');

    const returned = await doAction(server, reception, code, { kind: 'return_result' });
    assert.equal(returned.dossier.status, 10);

    const slips = await json<{ items: { kind: string; format: string; sha256: string }[] }>(
      await server.request(`/api/v1/dossiers/${code}/slips`, {
        headers: { authorization: `Bearer ${reception.token}` },
      }),
    );
    assert.deepEqual(
      slips.items.map((s) => `${s.kind}/${s.format}`),
      ['receipt/html', 'receipt/pdf', 'result/file'],
    );
    const row = (await dossierByCode(server.ctx.db, code))!;
    const events = await execute<{ kind: string; actor_id: string | null }>(
      server.ctx.db,
      sql`select kind, actor_id from dossier_events where dossier_id = ${row.id} order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.kind),
      ['submit', 'accept', 'claim', 'forward', 'approve', 'return_result'],
    );
    assert.ok(
      events.slice(1).every((e) => e.actor_id),
      'every staff event names its actor',
    );
  });

  test('who may act: viewers never; another commune never; core names who may', async () => {
    const { code } = await onlineBirth(server);
    const v = await postAction(server, viewer, code, { kind: 'accept' });
    assert.equal(v.status, 403);
    const o = await postAction(server, otherReception, code, { kind: 'accept' });
    assert.equal(o.status, 403);
    const s = await postAction(server, specialist, code, { kind: 'accept' });
    assert.equal(
      s.status,
      403,
      'the policy lets a specialist of the agency in; core refuses: acceptance is reception\u2019s',
    );
    const body = await json<{ error: { message: { vi: string; en: string } } }>(s);
    assert.match(body.error.message.en, /reception staff of agency 000\.20\.01\.H56/);
  });

  test('malformed actions: 400 with pointers into the action; wrong state: 409 with the current dossier', async () => {
    const { code } = await onlineBirth(server);
    const bad = await postAction(server, reception, code, { kind: 'refuse', params: { reasons: [] } });
    assert.equal(bad.status, 400);
    const b = await json<{ error: { issues: { pointer: string }[] } }>(bad);
    assert.ok(
      b.error.issues.some((i) => i.pointer === '/body/params/reasons'),
      JSON.stringify(b),
    );
    const unknown = await postAction(server, reception, code, { kind: 'fly' });
    assert.equal(unknown.status, 400);
    const wrong = await postAction(server, reception, code, { kind: 'return_result' });
    assert.equal(wrong.status, 409);
    const w = await json<{ error: { current: { status: number; lockVersion: number } } }>(wrong);
    assert.equal(w.error.current.status, 1);
    const stale = await postAction(server, reception, code, { kind: 'accept', lockVersion: 7 });
    assert.equal(stale.status, 409);
    assert.equal(
      (await json<{ error: { code: string; current: { lockVersion: number } } }>(stale)).error.current.lockVersion,
      1,
    );
  });

  test('two staff act at once: one succeeds, the other gets 409 with the current state; no lost or duplicated events', async () => {
    for (let round = 0; round < 5; round++) {
      const { code } = await onlineBirth(server);
      const second = await staffOf(server, 'reception.trung-tam');
      const [r1, r2] = await Promise.all([
        postAction(server, reception, code, { kind: 'accept' }),
        postAction(server, second, code, { kind: 'refuse', params: { reasons: ['Hồ sơ không thuộc thẩm quyền'] } }),
      ]);
      const statuses = [r1.status, r2.status].sort();
      assert.deepEqual(
        statuses,
        [200, 409],
        `round ${round}: ${r1.status} ${await r1.clone().text()} / ${r2.status} ${await r2.clone().text()}`,
      );
      const loser = r1.status === 409 ? r1 : r2;
      const body = await json<{ error: { current: { status: number; eventCount: number } } }>(loser);
      assert.ok([2, 3].includes(body.error.current.status), 'the 409 shows the winner\u2019s result');
      const row = (await dossierByCode(server.ctx.db, code))!;
      const n = await execute<{ n: number; max: number }>(
        server.ctx.db,
        sql`select count(*)::int as n, max(seq)::int as max from dossier_events where dossier_id = ${row.id}`,
      );
      assert.deepEqual(n[0], { n: 2, max: 2 });
      assert.equal(row.eventCount, 2);
      assert.equal(row.lockVersion, 2);
    }
  });

  test('assign (only to someone holding the step\u2019s role there), payment requested and recorded once per reference, extension with an apology', async () => {
    const { code } = await onlineBirth(server);
    await doAction(server, reception, code, { kind: 'accept' });
    const handlers = await json<{ items: { id: string; fullName: string; role: string }[] }>(
      await server.request('/api/v1/agencies/000.20.01.H56/handlers?role=specialist', {
        headers: { authorization: `Bearer ${leader.token}` },
      }),
    );
    const spec = handlers.items[0]!;
    const wrong = await json<{ items: { id: string }[] }>(
      await server.request('/api/v1/agencies/000.20.01.H56/handlers?role=reception', {
        headers: { authorization: `Bearer ${leader.token}` },
      }),
    );
    const bad = await postAction(server, leader, code, { kind: 'assign', params: { assignee: wrong.items[0]!.id } });
    assert.equal(bad.status, 422);
    assert.equal(
      (await json<{ error: { issues: { pointer: string }[] } }>(bad)).error.issues[0]!.pointer,
      '/params/assignee',
    );
    const assigned = await doAction(server, leader, code, { kind: 'assign', params: { assignee: spec.id } });
    assert.equal(assigned.dossier.location.assignee, spec.id);
    const claimedAgain = await postAction(server, specialist, code, { kind: 'claim' });
    assert.equal(claimedAgain.status, 409, 'already holds it');
    const forwarded = await doAction(server, specialist, code, { kind: 'forward', asAgency: '000.20.01.H56' });
    assert.equal(forwarded.dossier.location.step, 'ky-duyet');
    const notHeld = await postAction(server, specialist, code, { kind: 'approve', asAgency: '000.20.02.H56' });
    assert.equal(notHeld.status, 403, 'no role at the agency named');

    const { code: c2 } = await onlineBirth(server);
    await doAction(server, reception, c2, { kind: 'accept' });
    const asked = await doAction(server, reception, c2, {
      kind: 'request_payment',
      params: { amount: 8000, description: 'Lệ phí đăng ký khai sinh quá hạn' },
    });
    assert.equal(asked.dossier.status, 6);
    const wrongAmount = await postAction(server, reception, c2, {
      kind: 'payment_recorded',
      params: { amount: 5000, reference: 'BL-0001' },
    });
    assert.equal(wrongAmount.status, 422);
    const paid = await doAction(server, reception, c2, {
      kind: 'payment_recorded',
      params: { amount: 8000, reference: 'BL-0001', method: 'tiền mặt' },
    });
    assert.equal(paid.dossier.status, 2);
    const again = await doAction(server, reception, c2, {
      kind: 'payment_recorded',
      params: { amount: 8000, reference: 'BL-0001' },
    });
    assert.equal(again.recorded, false, 'the same payment reference records once');

    const due = Date.parse(paid.dossier.dueAt!);
    const early = await postAction(server, leader, c2, {
      kind: 'extend',
      params: { newDueAt: due - 3600_000, reason: 'Chờ xác minh' },
    });
    assert.equal(early.status, 422);
    assert.equal(
      (await json<{ error: { issues: { pointer: string }[] } }>(early)).error.issues[0]!.pointer,
      '/params/newDueAt',
    );
    const notLeader = await postAction(server, specialist, c2, {
      kind: 'extend',
      params: { newDueAt: due + 86_400_000, reason: 'Chờ xác minh' },
    });
    assert.equal(notLeader.status, 403);
    const ext = await doAction(server, leader, c2, {
      kind: 'extend',
      params: { newDueAt: due + 86_400_000, reason: 'Chờ xác minh hộ tịch' },
    });
    assert.equal(Date.parse(ext.dossier.dueAt!), due + 86_400_000, 'the appointment moves only by the extension event');
    assert.deepEqual(ext.slips.map((x) => `${x.kind}/${x.format}`).sort(), ['apology/html', 'apology/pdf']);
  });

  test('withdrawal on the applicant\u2019s request: asked through tracking, carried out by reception', async () => {
    const { code, secret } = await onlineBirth(server);
    await doAction(server, reception, code, { kind: 'accept' });
    const notAsked = await postAction(server, reception, code, { kind: 'withdraw' });
    assert.equal(notAsked.status, 409);
    const asked = await server.request(`/api/v1/public/dossiers/${code}/withdrawal`, {
      method: 'POST',
      headers: { 'x-tracking-secret': secret, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Gia đình chuyển nơi cư trú' }),
    });
    assert.equal(asked.status, 200, await asked.clone().text());
    const view = await json<{ dossier: { withdrawalRequested: boolean } }>(
      await server.request(`/api/v1/dossiers/${code}/actions`, {
        headers: { authorization: `Bearer ${reception.token}` },
      }),
    );
    assert.equal(view.dossier.withdrawalRequested, true);
    const done = await doAction(server, reception, code, { kind: 'withdraw' });
    assert.equal(done.dossier.status, 7);
    assert.equal(done.dossier.closed, true);
  });

  test('a writer that read an older version loses at the conditional update (optimistic lock), with no event written', async () => {
    const { code } = await onlineBirth(server);
    const stale = (await dossierByCode(server.ctx.db, code))!;
    const staffId = (
      await json<{ staff: { id: string } }>(
        await server.request('/api/v1/auth/session', { headers: { authorization: `Bearer ${reception.token}` } }),
      )
    ).staff.id;
    const actor = { kind: 'staff' as const, id: staffId, agency: '000.20.01.H56', roles: ['reception' as const] };
    await act(server.ctx, stale, { kind: 'accept', actor, at: server.clock.now() });
    await assert.rejects(
      () =>
        act(server.ctx, stale, { kind: 'refuse', actor, at: server.clock.now(), params: { reasons: ['Trùng hồ sơ'] } }),
      (e: unknown) => e instanceof HttpError && e.status === 409 && e.code === 'concurrent_change',
    );
    const row = (await dossierByCode(server.ctx.db, code))!;
    assert.equal(row.eventCount, 2);
    assert.equal(row.status, 2);
  });

  after(() => server.dispose());
});
