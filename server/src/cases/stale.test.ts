import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkResponse } from '@motcua/api/check';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doAction, onlineBirth, postAction, staffOf, type Staff } from '../../test/support/cases.ts';
import { createStaff } from '../staff/service.ts';
import { createApiToken } from '../auth/api-tokens.ts';

const AGENCY = '000.20.01.H56';

interface Conflict {
  error: {
    code: string;
    message: { vi: string; en: string };
    heldBy: { id: string; name: string | null } | null;
    lastChange: { kind: string; by: { name: string | null } } | null;
    current: { status: number; location: { assignee: string | null } };
  };
}

async function conflictOf(res: Response): Promise<Conflict> {
  assert.equal(res.status, 409, await res.clone().text());
  const body = await json<Conflict>(res.clone());
  assert.deepEqual(
    checkResponse('performDossierAction', {
      status: 409,
      contentType: res.headers.get('content-type'),
      body,
    }),
    [],
  );
  return body;
}

forEachDatabase('acting on a stale view', (db) => {
  let server: TestServer;
  let reception: Staff, first: Staff, second: Staff;
  let firstName: string;

  before(async () => {
    server = await testServer(db());
    reception = await staffOf(server, 'reception.trung-tam');
    first = await staffOf(server, 'specialist.trung-tam');
    firstName = (await server.ctx.db.query.staff.findFirst({ where: (s, { eq }) => eq(s.username, first.username) }))!
      .fullName;
    const id = await server.ctx.db.transaction((tx) =>
      createStaff(
        tx,
        {
          username: 'specialist2.trung-tam',
          fullName: 'Trần Thị Bình',
          agencyCode: AGENCY,
          roles: [{ agency: AGENCY, role: 'specialist' }],
        },
        server.clock.now(),
      ),
    );
    second = {
      username: 'specialist2.trung-tam',
      token: (await createApiToken(server.ctx.db, id, 'test', server.clock.now(), null)).token,
    };
  });

  test('two clerks claim the same dossier: one wins, the other is told "already claimed by" the winner', async () => {
    const { code } = await onlineBirth(server);
    const accepted = await doAction(server, reception, code, { kind: 'accept' });
    const lockVersion = accepted.dossier.lockVersion;
    await doAction(server, first, code, { kind: 'claim', lockVersion });
    // The second clerk's view is stale (the version before the claim) …
    const stale = await conflictOf(await postAction(server, second, code, { kind: 'claim', lockVersion }));
    assert.equal(stale.error.message.en, `Already claimed by ${firstName}`);
    assert.equal(stale.error.message.vi, `Hồ sơ đã được ${firstName} nhận xử lý`);
    assert.equal(stale.error.heldBy?.name, firstName);
    assert.equal(stale.error.lastChange?.kind, 'claim');
    assert.equal(stale.error.current.location.assignee, stale.error.heldBy?.id);
    // … and without a version, core's own refusal says the same.
    const plain = await conflictOf(await postAction(server, second, code, { kind: 'claim' }));
    assert.equal(plain.error.message.en, `Already claimed by ${firstName}`);
  });

  test('both claim at once: exactly one wins; the loser hears who', async () => {
    for (let round = 0; round < 3; round++) {
      const { code } = await onlineBirth(server);
      await doAction(server, reception, code, { kind: 'accept' });
      const [a, b] = await Promise.all([
        postAction(server, first, code, { kind: 'claim' }),
        postAction(server, second, code, { kind: 'claim' }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409], `round ${round}`);
      const [winner, loser] = a.status === 200 ? [firstName, b] : ['Trần Thị Bình', a];
      const body = await conflictOf(loser);
      assert.equal(body.error.message.en, `Already claimed by ${winner}`);
    }
  });

  test('a stale version without a holder names who changed it last and how', async () => {
    const { code } = await onlineBirth(server);
    const seen = await json<{ lockVersion: number }>(
      await server.request(`/api/v1/dossiers/${code}`, { headers: { authorization: `Bearer ${reception.token}` } }),
    );
    const other = await staffOf(server, 'reception.trung-tam');
    await doAction(server, other, code, { kind: 'accept' });
    const res = await postAction(server, reception, code, {
      kind: 'refuse',
      params: { reasons: ['Thiếu giấy tờ'] },
      lockVersion: seen.lockVersion ?? 1,
    });
    const body = await conflictOf(res);
    assert.equal(body.error.lastChange?.kind, 'accept');
    assert.ok(body.error.lastChange?.by.name, 'names who accepted');
  });

  after(() => server.dispose());
});
