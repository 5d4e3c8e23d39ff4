import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUEUES,
  inQueue,
  queueById,
  type DossierState,
  type QueueScope,
  type QueueViewer,
  type StepRole,
} from '@motcua/core';
import { checkResponse } from '@motcua/api/check';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doAction, onlineBirth, staffOf, type Staff } from '../../test/support/cases.ts';
import { generator, randomDossiers, writeDossiers, type GeneratedDossier } from '../../test/support/histories.ts';
import { findStaffByUsername } from '../auth/find-account.ts';
import { csvCell } from './export.ts';
import { queueViewer } from './queue-viewer.ts';

const AGENCY = '000.20.01.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');

interface Page {
  items: { code: string }[];
  nextCursor: string | null;
}
interface Queues {
  stages: { stage: string; queues: { id: string; count: number }[] }[];
}

const queueAt = (s: DossierState) => s.dueAt ?? s.submittedAt;
const byQueue = (a: GeneratedDossier, b: GeneratedDossier) =>
  queueAt(a.state) - queueAt(b.state) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A response kept to the contract, then parsed. */
async function checked<T>(operationId: string, res: Response): Promise<T> {
  const body = await res.clone().json();
  assert.deepEqual(
    checkResponse(operationId, { status: res.status, contentType: res.headers.get('content-type'), body }),
    [],
    `${operationId} keeps the contract`,
  );
  return body as T;
}

forEachDatabase('inbox queues', (db) => {
  let server: TestServer;
  let list: GeneratedDossier[] = [];
  let reception: Staff, specialist: Staff;
  let specialistId: string;

  async function listQueue(who: Staff, queue: string, scope: QueueScope, limit = 9): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 300; guard++) {
      const res = await server.request(
        `/api/v1/agencies/${AGENCY}/inbox?queue=${queue}&scope=${scope}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: { authorization: `Bearer ${who.token}` } },
      );
      assert.equal(res.status, 200, await res.clone().text());
      const page = await checked<Page>('getInbox', res);
      out.push(...page.items.map((i) => i.code));
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error('too many pages');
  }

  async function counts(who: Staff, scope: QueueScope): Promise<Record<string, number>> {
    const res = await server.request(`/api/v1/agencies/${AGENCY}/inbox/queues?scope=${scope}`, {
      headers: { authorization: `Bearer ${who.token}` },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const body = await checked<Queues>('getInboxQueues', res);
    return Object.fromEntries(body.stages.flatMap((s) => s.queues.map((q) => [q.id, q.count])));
  }

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    list = randomDossiers(g, server.ctx, 300, 20261203, {
      start: NOW - 30 * 86_400_000,
      until: NOW,
      meanGapMs: 48 * 3600_000,
    });
    await writeDossiers(server.ctx, list);
    reception = await staffOf(server, 'reception.trung-tam');
    specialist = await staffOf(server, 'specialist.trung-tam');
    specialistId = (await findStaffByUsername(server.ctx.db, 'specialist.trung-tam'))!.id;
  });

  test('every queue, unit and personal scope: the list and its count are exactly core\u2019s inQueue, in due order', async () => {
    // One dossier the specialist holds, so that "mine" and personal scope have something of theirs.
    const { code } = await onlineBirth(server);
    await doAction(server, reception, code, { kind: 'accept' });
    await doAction(server, specialist, code, { kind: 'claim' });
    const fresh = await server.ctx.db.query.dossiers.findFirst({ where: (d, { eq }) => eq(d.code, code) });
    const all = [...list, { id: fresh!.id, code, state: fresh!.state as DossierState } as GeneratedDossier];
    const principal = { staffId: specialistId, grants: [{ agency: AGENCY, role: 'specialist' as StepRole }] };
    let nonEmpty = 0;
    for (const scope of ['unit', 'personal'] as const) {
      const viewer: QueueViewer = await queueViewer(
        server.ctx,
        principal as Parameters<typeof queueViewer>[1],
        AGENCY,
        scope,
        1,
      );
      assert.deepEqual(viewer.roles, ['specialist']);
      const got = await counts(specialist, scope);
      for (const q of QUEUES) {
        const expected = all
          .filter((d) => inQueue(q, d.state, viewer))
          .sort(byQueue)
          .map((d) => d.code);
        assert.deepEqual(await listQueue(specialist, q.id, scope), expected, `${scope} ${q.id}`);
        assert.equal(got[q.id], expected.length, `${scope} count of ${q.id}`);
        if (expected.length) nonEmpty++;
      }
      assert.ok(got.mine! >= 1, 'the claimed dossier is mine');
    }
    assert.ok(nonEmpty >= 12, `most queues have dossiers in the random histories (${nonEmpty})`);
  });

  test('a queue combines with the other filters and search; unknown queues and foreign cursors are 400', async () => {
    const target = list.find((d) =>
      inQueue(queueById('unit')!, d.state, {
        agency: AGENCY,
        staffId: null,
        roles: [],
        scope: 'unit',
        now: NOW,
        soonUntil: NOW,
      }),
    );
    if (target) {
      const page = await json<Page>(
        await server.request(`/api/v1/agencies/${AGENCY}/inbox?queue=unit&q=${encodeURIComponent(target.code)}`, {
          headers: { authorization: `Bearer ${reception.token}` },
        }),
      );
      assert.deepEqual(
        page.items.map((i) => i.code),
        [target.code],
      );
    }
    const bad = await server.request(`/api/v1/agencies/${AGENCY}/inbox?queue=nope`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(bad.status, 400);
    const first = await json<Page>(
      await server.request(`/api/v1/agencies/${AGENCY}/inbox?view=open&limit=2`, {
        headers: { authorization: `Bearer ${reception.token}` },
      }),
    );
    assert.ok(first.nextCursor);
    const foreign = await server.request(`/api/v1/agencies/${AGENCY}/inbox?queue=unit&cursor=${first.nextCursor}`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(foreign.status, 400, 'a cursor of another listing');
  });

  test('export: CSV with a byte order mark, the queue\u2019s dossiers in order, accents kept, formulas neutralised', async () => {
    const { code } = await onlineBirth(server, {
      requester: {
        fullName: 'Đặng Thị Ánh',
        idNumber: '001090012345',
        relationship: 'me',
        address: 'Số 2 đường Lê Lợi',
        phone: '0987000111',
      },
    });
    const res = await server.request(`/api/v1/agencies/${AGENCY}/inbox/export?queue=new-online`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.deepEqual(checkResponse('exportInbox', { status: 200, contentType: res.headers.get('content-type') }), []);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const lines = new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);
    assert.match(lines[0]!, /^Mã hồ sơ \(Code\),/);
    const codes = lines.slice(1).map((l) => l.split(',')[0]);
    assert.deepEqual(codes, await listQueue(reception, 'new-online', 'unit', 50));
    const row = lines.find((l) => l.startsWith(code))!;
    assert.ok(row.includes('Đặng Thị Ánh'), row);
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+84 987'), "'+84 987");
  });

  after(() => server.dispose());
});
