import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { SATISFACTION_CRITERIA } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doAction, doActionWithFiles, onlineBirth, resultPdf, staffOf, type Staff } from '../../test/support/cases.ts';
import { execute } from '../db/client.ts';

const scores = (s: 0 | 1 | 2) => Object.fromEntries(SATISFACTION_CRITERIA.map((c) => [c, s]));
const rating = { scores: scores(2), convenience: 'satisfied', overall: 'very-satisfied', comment: ' Nhanh, gọn ' };

interface ErrorBody {
  error: { code: string; issues?: { pointer: string; message: { vi: string; en: string } }[] };
}

forEachDatabase('applicant satisfaction ratings', (db) => {
  let server: TestServer;
  let reception: Staff, specialist: Staff, leader: Staff;
  before(async () => {
    server = await testServer(db());
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    leader = await staffOf(server, 'leader.trung-tam');
  });
  after(() => server.dispose());

  const rate = (code: string, secret: string, body: unknown) =>
    server.request(`/api/v1/public/dossiers/${code}/rating`, {
      method: 'POST',
      headers: { 'x-tracking-secret': secret, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const track = async (code: string, secret: string) =>
    json<{ satisfaction: { canRate: boolean; ratedAt: string | null } }>(
      await server.request(`/api/v1/public/dossiers/${code}`, { headers: { 'x-tracking-secret': secret } }),
    );

  async function returned(): Promise<{ code: string; secret: string }> {
    const d = await onlineBirth(server);
    await doAction(server, reception, d.code, { kind: 'accept' });
    await doAction(server, specialist, d.code, { kind: 'claim' });
    await doAction(server, specialist, d.code, { kind: 'forward' });
    const approved = await doActionWithFiles(server, leader, d.code, { kind: 'approve' }, [resultPdf()]);
    assert.equal(approved.status, 200, await approved.clone().text());
    const r = await doAction(server, reception, d.code, { kind: 'return_result' });
    assert.equal(r.dossier.status, 10);
    return d;
  }

  test('before the result is returned the service cannot be rated (409), and tracking says so', async () => {
    const { code, secret } = await onlineBirth(server);
    assert.deepEqual((await track(code, secret)).satisfaction, { canRate: false, ratedAt: null });
    const res = await rate(code, secret, rating);
    assert.equal(res.status, 409);
    assert.equal((await json<ErrorBody>(res)).error.code, 'not_returned');
  });

  test('once returned: rated once (201), stored by agency and field, a second rating is refused (409)', async () => {
    const { code, secret } = await returned();
    assert.deepEqual((await track(code, secret)).satisfaction, { canRate: true, ratedAt: null });
    const res = await rate(code, secret, rating);
    assert.equal(res.status, 201, await res.clone().text());
    const { ratedAt } = await json<{ ratedAt: string }>(res);
    assert.deepEqual((await track(code, secret)).satisfaction, { canRate: false, ratedAt });
    const rows = await execute<{ agency_code: string; field_code: string; overall: string; comment: string | null }>(
      server.ctx.db,
      sql`select r.agency_code, r.field_code, r.overall, r.comment from satisfaction_ratings r
          join dossiers d on d.id = r.dossier_id where d.code = ${code}`,
    );
    assert.deepEqual(rows, [
      {
        agency_code: '000.20.01.H56',
        field_code: rows[0]!.field_code,
        overall: 'very-satisfied',
        comment: 'Nhanh, gọn',
      },
    ]);
    const again = await rate(code, secret, { ...rating, overall: 'dissatisfied' });
    assert.equal(again.status, 409);
    assert.equal((await json<ErrorBody>(again)).error.code, 'already_rated');
    const count = await execute<{ n: number }>(server.ctx.db, sql`select count(*)::int as n from satisfaction_ratings`);
    assert.equal(count[0]!.n, 1, 'one rating per dossier');
  });

  test('a wrong secret looks like an unknown dossier (404); nothing is stored', async () => {
    const { code } = await returned();
    const res = await rate(code, 'wrong-secret', rating);
    assert.equal(res.status, 404);
    const stored = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from satisfaction_ratings r join dossiers d on d.id = r.dossier_id where d.code = ${code}`,
    );
    assert.equal(stored[0]!.n, 0);
  });

  test('bad ratings: 400 with the field path in Vietnamese and English; the comment is optional', async () => {
    const { code, secret } = await returned();
    const bad = await rate(code, secret, { ...rating, scores: { ...scores(1), attitude: 3 }, overall: 'meh' });
    assert.equal(bad.status, 400);
    const issues = (await json<ErrorBody>(bad)).error.issues ?? [];
    const pointers = issues.map((i) => i.pointer);
    assert.ok(pointers.includes('/body/scores/attitude'), JSON.stringify(pointers));
    assert.ok(pointers.includes('/body/overall'), JSON.stringify(pointers));
    for (const i of issues) assert.ok(i.message.vi && i.message.en);
    const { comment, ...noComment } = rating;
    void comment;
    assert.equal((await rate(code, secret, noComment)).status, 201);
  });
});
