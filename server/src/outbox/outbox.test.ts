import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { onlineBirth, staffOf } from '../../test/support/cases.ts';
import { startReceiver, type Receiver } from '../../test/support/receiver.ts';
import { execute } from '../db/client.ts';
import { claimDue, listDead, markDelivered, replayDead, syncDestinations } from './queue.ts';
import { startOutboxWorker } from './worker.ts';
import { verifyWebhookSignature, webhookDestination, WEBHOOK_HEADERS } from './webhook.ts';

const SECRET = 'a-webhook-secret-of-the-test';
const AGENCY = '000.20.01.H56';
const OTHER = '000.20.02.H56';

forEachDatabase('integration outbox', (db) => {
  let server: TestServer;
  let receiver: Receiver;

  before(async () => {
    server = await testServer(db());
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver.close();
    server.dispose();
  });

  /** A fresh destination per test (the others inactive), so each test sees only its own rows. */
  async function hook(name: string) {
    const dest = webhookDestination({ name, url: receiver.url, secret: SECRET });
    await syncDestinations(server.ctx.db, [dest.name]);
    receiver.requests.length = 0;
    receiver.answer = () => 204;
    return dest;
  }

  async function queued(destination: string) {
    return execute<{ id: number; attempts: number; delivered: boolean; dead: boolean }>(
      server.ctx.db,
      sql`select id::int as id, attempts, delivered_at is not null as delivered, dead_at is not null as dead
            from outbox where destination = ${destination} order by id`,
    );
  }

  test('each event is queued in its own transaction, for the active destinations only', async () => {
    const dest = await hook('tx');
    const { code } = await onlineBirth(server);
    const [d] = await execute<{ id: string; n: number }>(
      server.ctx.db,
      sql`select d.id, (select count(*)::int from dossier_events e where e.dossier_id = d.id) as n
            from dossiers d where d.code = ${code}`,
    );
    const rows = await execute<{ seq: number }>(
      server.ctx.db,
      sql`select seq from outbox where destination = ${dest.name} and dossier_id = ${d!.id} order by seq`,
    );
    assert.equal(rows.length, d!.n);
    assert.ok(d!.n >= 1);
    // An event whose transaction rolls back leaves no queue row.
    await assert.rejects(
      server.ctx.db.transaction(async (tx) => {
        await execute(
          tx,
          sql`insert into dossier_events select dossier_id, 999, kind, at, actor_kind, actor_id, from_status,
                to_status, public, event, prev_hash, hash, recorded_at
                from dossier_events where dossier_id = ${d!.id} and seq = 1`,
        );
        const inside = await execute(tx, sql`select 1 from outbox where dossier_id = ${d!.id} and seq = 999`);
        assert.equal(inside.length, 1);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await execute(server.ctx.db, sql`select 1 from outbox where seq = 999`)).length, 0);
    // Inactive destinations get nothing new.
    await syncDestinations(server.ctx.db, []);
    await onlineBirth(server);
    assert.equal((await queued(dest.name)).length, d!.n);
  });

  test('a signed webhook: a receiver failing three times gets the event on the fourth try', async () => {
    const dest = await hook('retry');
    await onlineBirth(server);
    const [row] = await queued(dest.name);
    assert.ok(row);
    receiver.answer = (n) => (n < 3 ? 503 : 200);
    const worker = startOutboxWorker({ db: server.ctx.db, destinations: [dest], backoffMs: () => 0 }, false);
    await worker.drain();
    const mine = receiver.requests.filter((r) => r.headers[WEBHOOK_HEADERS.delivery] === String(row.id));
    assert.deepEqual(
      mine.map((r) => r.status),
      [503, 503, 503, 200],
    );
    for (const r of mine) {
      const ts = String(r.headers[WEBHOOK_HEADERS.timestamp]);
      assert.ok(verifyWebhookSignature(SECRET, ts, r.body, String(r.headers[WEBHOOK_HEADERS.signature])));
      assert.equal(
        verifyWebhookSignature('another secret', ts, r.body, String(r.headers[WEBHOOK_HEADERS.signature])),
        false,
      );
    }
    const body = JSON.parse(mine[3]!.body) as { id: number; attempt: number; event: { seq: number; kind: string } };
    assert.equal(body.id, row.id);
    assert.equal(body.attempt, 4);
    assert.equal(body.event.seq, 1);
    const after = (await queued(dest.name)).find((r) => r.id === row.id)!;
    assert.deepEqual({ attempts: after.attempts, delivered: after.delivered }, { attempts: 4, delivered: true });
    await worker.stop();
  });

  test('after the last attempt a message is dead-lettered; a replay delivers it', async () => {
    const dest = await hook('dead');
    await onlineBirth(server);
    receiver.answer = () => 500;
    const worker = startOutboxWorker(
      { db: server.ctx.db, destinations: [dest], backoffMs: () => 0, maxAttempts: 2 },
      false,
    );
    await worker.drain();
    const rows = await queued(dest.name);
    assert.ok(rows.length >= 1 && rows.every((r) => r.dead && !r.delivered && r.attempts === 2));
    const dead = (await listDead(server.ctx.db, 100)).filter((d) => d.destination === dest.name);
    assert.equal(dead.length, rows.length);
    assert.match(dead[0]!.lastError ?? '', /HTTP 500/);
    // Staff see and replay them through the API: the ward's admin, not its reception, nor another ward.
    const admin = await staffOf(server, 'admin.trung-tam');
    const reception = await staffOf(server, 'reception.trung-tam');
    const path = `/api/v1/agencies/${AGENCY}/outbox/dead-letters`;
    const auth = (s: { token: string }) => ({ authorization: `Bearer ${s.token}` });
    assert.equal((await server.request(path, { headers: auth(reception) })).status, 403);
    const listed = (await (await server.request(path, { headers: auth(admin) })).json()) as { items: { id: number }[] };
    assert.ok(rows.every((r) => listed.items.some((i) => i.id === r.id)));
    const other = await server.request(`/api/v1/agencies/${OTHER}/outbox/dead-letters`, { headers: auth(admin) });
    assert.equal(other.status, 403);
    receiver.answer = () => 204;
    const replay = (ids: number[]) =>
      server.request(`${path}/replay`, {
        method: 'POST',
        headers: { ...auth(admin), 'content-type': 'application/json' },
        body: JSON.stringify({ ids }),
      });
    assert.deepEqual(await (await replay([rows[0]!.id])).json(), { replayed: [rows[0]!.id] });
    assert.deepEqual(await (await replay([rows[0]!.id])).json(), { replayed: [] }, 'not dead any more');
    assert.equal((await replay([])).status, 400);
    assert.deepEqual(await replayDead(server.ctx.db, [rows[0]!.id], [OTHER]), [], 'another agency’s dossier');
    await worker.drain();
    const replayed = (await queued(dest.name)).find((r) => r.id === rows[0]!.id)!;
    assert.deepEqual({ delivered: replayed.delivered, dead: replayed.dead }, { delivered: true, dead: false });
    await worker.stop();
  });

  test('a worker killed after its claim loses nothing; nothing is sent twice', async () => {
    const dest = await hook('killed');
    for (let i = 0; i < 3; i++) await onlineBirth(server);
    const all = await queued(dest.name);
    // A worker claims a batch and dies before delivering it (its lease runs out).
    const claimed = await claimDue(server.ctx.db, [dest.name], 2, 300);
    assert.equal(claimed.length, 2);
    const survivor = startOutboxWorker({ db: server.ctx.db, destinations: [dest] }, false);
    await survivor.drain();
    const first = receiver.requests.map((r) => Number(r.headers[WEBHOOK_HEADERS.delivery]));
    assert.deepEqual(
      first.sort((a, b) => a - b),
      all.map((r) => r.id).filter((id) => !claimed.some((c) => c.id === id)),
      'the dead worker’s rows wait for its lease',
    );
    await new Promise((r) => setTimeout(r, 350));
    await survivor.drain();
    const ids = receiver.requests.map((r) => Number(r.headers[WEBHOOK_HEADERS.delivery])).sort((a, b) => a - b);
    assert.deepEqual(
      ids,
      all.map((r) => r.id),
    );
    assert.ok((await queued(dest.name)).every((r) => r.delivered));
    await survivor.stop();
  });

  test('a mark does not wait for the WAL flush, in its own transaction only', async () => {
    const dest = await hook('no-flush-wait');
    await onlineBirth(server);
    const [m] = await claimDue(server.ctx.db, [dest.name], 1, 60_000);
    assert.ok(m);
    const setting = async (on: Parameters<typeof execute>[0]) =>
      (await execute<{ s: string }>(on, sql`select current_setting('synchronous_commit') as s`))[0]!.s;
    const inside = await server.ctx.db.transaction(async (tx) => {
      const before = await setting(tx);
      await markDelivered(tx, m);
      return [before, await setting(tx)];
    });
    assert.deepEqual(inside, ['on', 'off']);
    assert.equal(await setting(server.ctx.db), 'on', 'not left on the connection');
    assert.deepEqual(
      (await queued(dest.name)).map((r) => r.delivered),
      [true],
    );
  });

  test('workers running side by side share the queue without double delivery', async () => {
    const dest = await hook('shared');
    for (let i = 0; i < 4; i++) await onlineBirth(server);
    const all = await queued(dest.name);
    const workers = [1, 2, 3].map(() =>
      startOutboxWorker({ db: server.ctx.db, destinations: [dest], batch: 1 }, false),
    );
    await Promise.all(workers.map((w) => w.drain()));
    const ids = receiver.requests.map((r) => Number(r.headers[WEBHOOK_HEADERS.delivery])).sort((a, b) => a - b);
    assert.deepEqual(
      ids,
      all.map((r) => r.id),
    );
    await Promise.all(workers.map((w) => w.stop()));
  });
});
