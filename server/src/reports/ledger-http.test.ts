/**
 * The Biểu 06 running totals kept in the transaction of each action, as staff really act: random
 * actions through the HTTP API (the actor whoever core lets act, files uploaded, the clock moving
 * between actions), then the report equals core's report over the same events read back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkEquations, report, reportFacts, type DossierEvent, type Period, type ReportFacts } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { doActionWithFiles, postAction, resultPdf, staffOf, type Staff } from '../../test/support/cases.ts';
import { birthFiles, bornOn, pdfBytes, submitOnline } from '../../test/support/intake.ts';
import { prng } from '../../test/support/histories.ts';
import { storedHistories } from '../../test/support/stored-histories.ts';

const ROOT = '000.00.00.H56';
const COMMUNES = [
  ['000.20.01.H56', 'trung-tam'],
  ['000.20.02.H56', 'bac-thanh'],
  ['000.20.03.H56', 'dong-son'],
] as const;
const DEPARTMENT = ['000.00.11.H56', 'construction'] as const;
const HOUR = 3600_000;

function constructionData(commune: string, tall: boolean) {
  return {
    investor: {
      fullName: 'Nguyễn Thị Ngọc Ánh',
      idNumber: '001190012345',
      address: 'Số 9 đường Nguyễn Huệ',
      phone: '0912000111',
    },
    site: { commune, address: 'Lô 12 khu dân cư mới', mapSheet: 3, parcel: 120, landArea: 100, inPlannedArea: true },
    building: {
      floors: tall ? 7 : 3,
      basement: false,
      footprint: 80,
      totalFloorArea: 240,
      height: 12,
      adjoinsExisting: false,
    },
    commitment: true,
    filedByProxy: false,
  };
}
// A house of 7 storeys also needs the design check report.
const constructionFiles = (tall: boolean) => [
  { document: 'don-de-nghi', bytes: pdfBytes('don') },
  { document: 'giay-to-quyen-su-dung-dat', bytes: pdfBytes('dat') },
  { document: 'ban-ve-thiet-ke', bytes: pdfBytes('ban ve') },
  ...(tall ? [{ document: 'ket-qua-tham-tra-thiet-ke', bytes: pdfBytes('tham tra') }] : []),
];

const WEIGHT: Record<string, number> = {
  accept: 5,
  claim: 3,
  forward: 5,
  approve: 5,
  deny: 1,
  return_result: 4,
  send_external: 4,
  receive_external: 4,
  request_supplement: 1,
  accept_supplement: 4,
  refuse: 0.3,
  stop: 0.3,
  extend: 0.5,
  assign: 1,
  request_payment: 0.3,
  payment_recorded: 4,
  withdraw: 1,
};

forEachDatabase('Biểu 06 totals kept action by action through the API', (db) => {
  let server: TestServer;
  const tokens = new Map<string, Staff>();
  const dossiers: { code: string; secret: string }[] = [];

  // Before the tests: 24 online dossiers (birth registrations and construction permits, some liên thông).
  before(async () => {
    server = await testServer(db(), { now: Date.parse('2026-07-01T08:00:00+07:00') });
    for (const [agency, slug] of [...COMMUNES, DEPARTMENT]) {
      for (const role of ['reception', 'specialist', 'leader'])
        tokens.set(`${agency}/${role}`, await staffOf(server, `${role}.${slug}`));
    }
    const r = prng(42);
    for (let i = 0; i < 24; i++) {
      const [agency, slug] = COMMUNES[i % COMMUNES.length]!;
      const tall = i % 2 === 1 && r() < 0.6;
      const res =
        i % 2 === 0
          ? await submitOnline(
              server,
              '1.001193',
              { version: 1, agency, data: r() < 0.7 ? bornOn('2026-05-22') : bornOn('2025-12-31') },
              birthFiles(),
            )
          : await submitOnline(
              server,
              '1.013225',
              { version: 1, data: constructionData(slug, tall) },
              constructionFiles(tall),
            );
      assert.equal(res.status, 201, await res.clone().text());
      dossiers.push(await json<{ code: string; secret: string }>(res));
      server.clock.advance(Math.round(r() * 2 * HOUR));
    }
  });

  test('random actions by whoever may act, round after round, with the clock moving', async () => {
    const r = prng(7);
    const day = 24 * HOUR;
    const overseer = await staffOf(server, 'leader.province');
    let recorded = 0;
    const supplementsAsked = new Set<string>();
    for (let round = 0; round < 14; round++) {
      for (const d of dossiers) {
        const view = await json<{
          dossier: {
            status: number;
            closed: boolean;
            location: { agency: string; role: string };
            receivingAgency: string;
            dueAt: string | null;
            payment: { amount: number } | null;
          };
        }>(
          await server.request(`/api/v1/dossiers/${d.code}/actions`, {
            headers: { authorization: `Bearer ${overseer.token}` },
          }),
        );
        const state = view.dossier;
        assert.ok(state, JSON.stringify(view));
        if (state.closed) continue;
        // The applicant answers a supplement request.
        if (state.status === 5) {
          const t = await json<{ canSupplement: boolean }>(
            await server.request(`/api/v1/public/dossiers/${d.code}`, { headers: { 'x-tracking-secret': d.secret } }),
          );
          if (t.canSupplement && r() < 0.8) {
            const form = new FormData();
            form.append('supplement', JSON.stringify({ comment: 'Đã bổ sung' }));
            const res = await server.request(`/api/v1/public/dossiers/${d.code}/supplement`, {
              method: 'POST',
              body: form,
              headers: { 'x-tracking-secret': d.secret },
            });
            assert.equal(res.status, 200, await res.clone().text());
            recorded++;
            continue;
          }
        }
        const options: { who: Staff; kind: string }[] = [];
        for (const who of tokens.values()) {
          const res = await server.request(`/api/v1/dossiers/${d.code}/actions`, {
            headers: { authorization: `Bearer ${who.token}` },
          });
          if (res.status !== 200) continue;
          const body = await json<{ actions: { kind: string }[]; dossier: { dueAt: string | null } }>(res);
          for (const a of body.actions) if (WEIGHT[a.kind] !== undefined) options.push({ who, kind: a.kind });
        }
        if (!options.length) continue;
        let x = r() * options.reduce((s, o) => s + WEIGHT[o.kind]!, 0);
        const choice = options.find((o) => (x -= WEIGHT[o.kind]!) <= 0) ?? options[0]!;
        const now = server.clock.now();
        const due = state.dueAt ? Date.parse(state.dueAt) : now;
        const body: Record<string, unknown> = { kind: choice.kind };
        switch (choice.kind) {
          case 'refuse':
            body.params = { reasons: ['Hồ sơ không thuộc thẩm quyền'] };
            break;
          case 'request_supplement':
            body.params = {
              items: [{ reason: 'Bản vẽ thiếu mặt cắt' }],
              dueBy: now + 3 * day,
              // A second request needs its reason.
              ...(supplementsAsked.has(d.code) ? { repeatReason: 'Bản vẽ bổ sung vẫn thiếu mặt cắt' } : {}),
            };
            break;
          case 'request_payment':
            body.params = { amount: 75000 };
            break;
          case 'payment_recorded':
            body.params = { amount: state.payment!.amount, reference: `pay-${d.code}-${round}` };
            break;
          case 'stop':
            body.params = { reason: 'Dừng theo đề nghị của cơ quan phối hợp' };
            break;
          case 'extend':
            body.params = { newDueAt: Math.max(due, now) + 2 * day, reason: 'Chờ ý kiến cơ quan phối hợp' };
            break;
          case 'send_external':
            body.params = { ref: `dd-${d.code}-${round}` };
            break;
          case 'assign': {
            const loc = state.location;
            const handlers = await json<{ items: { id: string }[] }>(
              await server.request(`/api/v1/agencies/${loc.agency}/handlers?role=${loc.role}`, {
                headers: { authorization: `Bearer ${choice.who.token}` },
              }),
            );
            body.params = { assignee: handlers.items[0]!.id };
            break;
          }
          case 'withdraw':
            continue; // needs the applicant's request first
        }
        let res: Response;
        if (choice.kind === 'approve' || choice.kind === 'deny' || choice.kind === 'receive_external') {
          if (choice.kind === 'receive_external') {
            const events = await json<{
              items: { kind: string; event: { params?: unknown; data: { ref?: string } } }[];
            }>(
              await server.request(`/api/v1/dossiers/${d.code}/events`, {
                headers: { authorization: `Bearer ${choice.who.token}` },
              }),
            );
            body.params = { ref: events.items.findLast((e) => e.kind === 'send_external')!.event.data.ref };
          }
          if (choice.kind === 'deny') body.comment = 'Không đủ điều kiện';
          res = await doActionWithFiles(
            server,
            choice.who,
            d.code,
            body,
            choice.kind === 'receive_external' ? [] : [resultPdf()],
          );
          if (choice.kind === 'receive_external' && res.status === 422) {
            body.params = { ...(body.params as object), outcome: 'approved' };
            res = await doActionWithFiles(server, choice.who, d.code, body, [resultPdf()]);
          }
        } else {
          res = await postAction(server, choice.who, d.code, body);
        }
        assert.equal(res.status, 200, `${choice.who.username} ${choice.kind} ${d.code}: ${await res.clone().text()}`);
        if (choice.kind === 'request_supplement') supplementsAsked.add(d.code);
        recorded++;
        server.clock.advance(Math.round(r() * 10 * HOUR));
      }
      server.clock.advance(Math.round(r() * 2 * day));
    }
    assert.ok(recorded > 80, `${recorded} actions`);
  });

  test('the report equals core\u2019s report over the events read back, for periods around the activity', async () => {
    const histories = await storedHistories(server.ctx.db);
    const events = histories.flatMap((h) => h.events);
    const facts = histories.map((x) => reportFacts(x.state, x.field)).filter((f): f is ReportFacts => f !== null);
    assert.ok(facts.length >= 15, `${facts.length} received`);
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of [
      'accept',
      'claim',
      'forward',
      'send_external',
      'receive_external',
      'request_supplement',
      'supplement_provided',
      'accept_supplement',
      'approve',
      'return_result',
    ]) {
      assert.ok(kinds.has(k as DossierEvent['kind']), `some ${k} happened (${[...kinds].join(', ')})`);
    }
    const liênThông = events.some(
      (e) => e.kind === 'forward' && (e.data as { handover: { interAgency: boolean } }).handover.interAgency,
    );
    assert.ok(liênThông, 'a dossier went to the province department (liên thông)');
    const snap = await server.ctx.agencies.get();
    const leader = await staffOf(server, 'leader.province');
    const periods: Period[] = [
      { from: '2026-07-01', to: '2026-07-31' },
      { from: '2026-07-06', to: '2026-07-12' },
      { from: '2026-07-15', to: '2026-08-31' },
      { from: '2026-06-01', to: '2026-12-31' },
    ];
    for (const period of periods) {
      for (const groupBy of ['agency', 'agency-field'] as const) {
        const res = await server.request(
          `/api/v1/agencies/${ROOT}/reports/bieu06?from=${period.from}&to=${period.to}&groupBy=${groupBy}`,
          { headers: { authorization: `Bearer ${leader.token}` } },
        );
        assert.equal(res.status, 200);
        const body = await json<{
          rows: { agency?: string; field?: string; depth?: number; values: Record<string, number> }[];
        }>(res);
        const core = report(facts, period, { groupBy, directory: snap.all, rollUp: ROOT });
        const pick = (ls: { agency?: string | undefined; field?: string | undefined; row: unknown }[]) =>
          new Map(ls.filter((l) => l.agency !== undefined).map((l) => [`${l.agency}|${l.field ?? ''}`, l.row]));
        const coreMap = pick(core);
        for (const [k, v] of pick(body.rows.map((b) => ({ ...b, row: b.values })))) {
          if (coreMap.has(k)) assert.deepEqual(v, coreMap.get(k), `${groupBy} ${k} ${period.from}…${period.to}`);
          else
            assert.ok(
              Object.values(v as object).every((n) => n === 0),
              `${k} only in the server\u2019s report`,
            );
        }
        for (const [k, v] of coreMap)
          if (!Object.values(v as object).every((n) => n === 0))
            assert.ok(
              body.rows.some((b) => `${b.agency}|${b.field ?? ''}` === k),
              `${k} missing`,
            );
        for (const b of body.rows) assert.deepEqual(checkEquations(b.values as never), []);
      }
    }
    const resolved = report(facts, { from: '2026-06-01', to: '2026-12-31' }, { groupBy: 'total' })[0]!.row;
    assert.ok(resolved.resolved > 3 && resolved.received > 15, JSON.stringify(resolved));
  });

  after(() => server.dispose());
});
