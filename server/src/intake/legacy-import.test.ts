import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, withBearer } from '../../test/support/http.ts';
import { birthData, birthFiles, submitOnline } from '../../test/support/intake.ts';
import { assertVisitKeys } from '../../test/support/visit-keys.ts';

forEachDatabase('legacy import keeps original codes', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('imported dossiers keep their codes; new codes of that day continue after them; errors have pointers', async () => {
    const admin = withBearer(server, await bearer(server, 'admin.dong-son'));
    const res = await admin('POST', '/api/v1/agencies/000.20.03.H56/imports/dossiers', {
      dossiers: [
        {
          code: '000.20.03.H56-260302-0041',
          procedure: '1.001193',
          version: 1,
          channel: 'direct',
          submittedAt: '2026-03-02T08:00:00+07:00',
          data: birthData(),
          legacy: { id: 991 },
        },
        {
          code: '000.20.03.H56-260302-0007',
          procedure: '1.001193',
          version: 1,
          channel: 'online',
          submittedAt: '2026-03-02T07:10:00+07:00',
          data: birthData(),
        },
        {
          code: '000.20.03.H56-260302-0041',
          procedure: '1.001193',
          version: 1,
          channel: 'direct',
          submittedAt: '2026-03-02T08:00:00+07:00',
          data: birthData(),
        },
        {
          code: '000.20.01.H56-260302-0001',
          procedure: '1.001193',
          version: 1,
          channel: 'direct',
          submittedAt: '2026-03-02T08:00:00+07:00',
          data: birthData(),
        },
        {
          code: '000.20.03.H56-260302-0050',
          procedure: '1.001193',
          version: 1,
          channel: 'direct',
          submittedAt: '2026-03-02T08:00:00+07:00',
          data: birthData({ child: {} }),
        },
        {
          code: 'not-a-code',
          procedure: '1.001193',
          version: 1,
          channel: 'direct',
          submittedAt: '2026-03-02T08:00:00+07:00',
          data: birthData(),
        },
      ],
    });
    assert.equal(res.status, 200, await res.clone().text());
    const out = await json<{
      imported: { code: string; status: number; secret: string }[];
      failed: { index: number; issues: { pointer: string; code: string }[] }[];
    }>(res);
    assert.deepEqual(
      out.imported.map((d) => [d.code, d.status]),
      [
        ['000.20.03.H56-260302-0041', 2],
        ['000.20.03.H56-260302-0007', 1],
      ],
    );
    assert.deepEqual(
      out.failed.map((f) => [f.index, f.issues[0]!.code]),
      [
        [2, 'duplicate'],
        [3, 'forbidden'],
        [4, 'required'],
        [5, 'dossier-code'],
      ],
    );
    assert.ok(
      out.failed[2]!.issues.every((i) => i.pointer.startsWith('/dossiers/4/data/child')),
      JSON.stringify(out.failed[2]),
    );
    const track = await json<{ status: number; dueAt: string }>(
      await server.request(`/api/v1/public/dossiers/000.20.03.H56-260302-0041`, {
        headers: { 'x-tracking-secret': out.imported[0]!.secret },
      }),
    );
    assert.equal(track.status, 2);
    assert.equal(track.dueAt, '2026-03-02T17:00:00+07:00');
    const fresh = await json<{ code: string }>(
      await submitOnline(server, '1.001193', { version: 1, agency: '000.20.03.H56', data: birthData() }, birthFiles()),
    );
    assert.equal(fresh.code, '000.20.03.H56-260302-0042', 'the sequence continues after the highest imported number');
    // Imported and submitted alike, each visit is written with its search keys.
    await assertVisitKeys(server.ctx.db, [...out.imported.map((d) => d.code), fresh.code]);
  });

  after(() => server.dispose());
});
