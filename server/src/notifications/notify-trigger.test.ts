import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { NOTIFYING_EVENTS, notificationKind, type DossierEvent } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { doAction, staffOf } from '../../test/support/cases.ts';
import { birthData, birthFiles, counterBirthFiles, submissionForm, submitOnline } from '../../test/support/intake.ts';
import { json } from '../../test/support/http.ts';
import { execute } from '../db/client.ts';
import { syncDestinations } from '../outbox/queue.ts';
import { NOTIFY_EMAIL, NOTIFY_SMS } from './destinations.ts';

const MIGRATION = join(import.meta.dirname, '../../drizzle/0016_notify_kinds.sql');

test('the trigger’s kinds are core’s NOTIFYING_EVENTS (a submission: only with its acceptance)', () => {
  const text = readFileSync(MIGRATION, 'utf8');
  const listed = /e\.kind IN \(([^)]*)\)/
    .exec(text)![1]!
    .split(',')
    .map((k) => k.trim().replace(/'/g, ''));
  assert.deepEqual(
    [...listed, 'submit'].sort(),
    Object.keys(NOTIFYING_EVENTS).sort(),
    'update migration 0016’s list (in a new migration) when core’s table changes',
  );
  assert.match(text, /e\.kind = 'submit' AND jsonb_typeof\(e\.event #> '\{data,acceptance\}'\) = 'object'/);
});

forEachDatabase('notification rows', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
    await syncDestinations(server.ctx.db, [NOTIFY_EMAIL, NOTIFY_SMS, 'webhook:all']);
  });
  after(() => server.dispose());

  /** Every event of the dossier with the destinations it was queued for. */
  const queued = async (code: string) =>
    execute<{ event: DossierEvent; destinations: string[] }>(
      server.ctx.db,
      sql`select e.event, coalesce(array_agg(o.destination order by o.destination)
                   filter (where o.destination is not null), '{}') as destinations
            from dossiers d join dossier_events e on e.dossier_id = d.id
                 left join outbox o on o.dossier_id = e.dossier_id and o.seq = e.seq
           where d.code = ${code} group by e.seq, e.event order by e.seq`,
    );

  test('queued for the events core may notify of, on the channels chosen; webhooks get every event', async () => {
    const reception = await staffOf(server, 'reception.trung-tam');
    const specialist = await staffOf(server, 'specialist.trung-tam');
    const online = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData(), notify: { channels: ['email'] } },
      birthFiles(),
    );
    assert.equal(online.status, 201);
    const { code } = await json<{ code: string }>(online);
    await doAction(server, reception, code, { kind: 'accept' });
    await doAction(server, specialist, code, { kind: 'claim' });
    const counter = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm({ version: 1, data: birthData(), notify: { channels: ['sms'] } }, counterBirthFiles()),
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(counter.status, 201, await counter.clone().text());
    const counterCode = (await json<{ code: string }>(counter)).code;

    const onlineRows = await queued(code);
    assert.deepEqual(
      onlineRows.map((r) => `${r.event.kind}: ${r.destinations.join(' ')}`),
      ['submit: webhook:all', `accept: ${NOTIFY_EMAIL} webhook:all`, 'claim: webhook:all'],
    );
    const counterRows = await queued(counterCode);
    assert.deepEqual(
      counterRows.map((r) => `${r.event.kind}: ${r.destinations.join(' ')}`),
      [`submit: ${NOTIFY_SMS} webhook:all`],
      'a counter submission is accepted at once: its receipt',
    );
    for (const r of [...onlineRows, ...counterRows])
      assert.equal(
        r.destinations.some((d) => d.startsWith('notify:')),
        notificationKind(r.event) !== null,
        `${r.event.kind}: a row exactly when core may send a message`,
      );
  });
});
