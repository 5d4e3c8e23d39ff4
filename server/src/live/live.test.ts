import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkResponse } from '@motcua/api/check';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { doAction, onlineBirth, staffOf, type Staff } from '../../test/support/cases.ts';
import { sseReader, type SseReader } from '../../test/support/sse.ts';
import { dossierFeed } from './feed.ts';

const AGENCY = '000.20.01.H56';
const OTHER = '000.20.02.H56';

interface Change {
  code: string;
  kind: string;
  status: number;
  agencies: string[];
  location: { agency: string; assignee: string | null; assigneeName: string | null };
  actor: { name: string | null; kind: string };
}

forEachDatabase('live inbox events', (db) => {
  let server: TestServer;
  let reception: Staff, specialist: Staff, elsewhere: Staff;

  const open = async (who: Staff, agency = AGENCY): Promise<SseReader> => {
    const res = await server.request(`/api/v1/agencies/${agency}/inbox/events`, {
      headers: { authorization: `Bearer ${who.token}` },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.deepEqual(
      checkResponse('getInboxEvents', { status: 200, contentType: res.headers.get('content-type') }),
      [],
    );
    const reader = sseReader(res);
    assert.equal((await reader.next()).event, 'ready');
    return reader;
  };

  before(async () => {
    server = await testServer(db());
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    elsewhere = await staffOf(server, 'reception.bac-thanh');
  });

  test('a new dossier, its acceptance and a claim reach the agency\u2019s clients, with who did it; nothing of it elsewhere', async () => {
    const here = await open(reception);
    const there = await open(elsewhere, OTHER);
    try {
      const { code } = await onlineBirth(server);
      const submitted = JSON.parse((await here.next()).data) as Change;
      assert.equal(submitted.code, code);
      assert.equal(submitted.kind, 'submit');
      await doAction(server, reception, code, { kind: 'accept' });
      await doAction(server, specialist, code, { kind: 'claim' });
      const seen: Change[] = [];
      while (!seen.some((c) => c.kind === 'claim')) {
        const m = await here.next();
        assert.equal(m.event, 'dossier');
        const change = JSON.parse(m.data) as Change;
        assert.deepEqual(checkResponse('getInboxEvents', { status: 200, contentType: 'text/event-stream' }), []);
        seen.push(change);
      }
      assert.deepEqual(
        seen.map((c) => c.kind),
        ['accept', 'claim'],
      );
      const claim = seen.at(-1)!;
      assert.equal(claim.code, code);
      assert.equal(claim.status, 4);
      assert.equal(claim.actor.kind, 'staff');
      assert.ok(claim.actor.name, 'names who claimed');
      assert.equal(claim.location.assigneeName, claim.actor.name);
      assert.ok(claim.agencies.includes(AGENCY));
      assert.equal(await there.nextWithin(300), null, 'another commune hears nothing of it');
    } finally {
      await here.close();
      await there.close();
    }
  });

  test('a client that goes away is unsubscribed', async () => {
    const feed = await dossierFeed(server.ctx.database);
    const before = feed.size();
    const r = await open(reception);
    assert.equal(feed.size(), before + 1);
    await r.close();
    for (let i = 0; i < 50 && feed.size() > before; i++) await new Promise((res) => setTimeout(res, 10));
    assert.equal(feed.size(), before);
  });

  test('another commune\u2019s staff may not listen to this agency', async () => {
    const res = await server.request(`/api/v1/agencies/${AGENCY}/inbox/events`, {
      headers: { authorization: `Bearer ${elsewhere.token}` },
    });
    assert.equal(res.status, 403);
    await res.body?.cancel();
  });

  after(() => server.dispose());
});
