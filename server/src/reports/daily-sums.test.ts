import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { DASHBOARD_COUNTS, evolve, type DossierState } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { generator, prng, randomDossiers, writeDossiers, type GeneratedDossier } from '../../test/support/histories.ts';
import { execute } from '../db/client.ts';
import { dashboardDaily } from '../db/schema/index.ts';
import { DAILY_COLUMNS } from './daily-sums.ts';
import { assertDailySumsRecount } from './testing/daily-recount.ts';
import { applyFacts } from './facts-store.ts';
import { rebuildDashboardDaily } from './daily-rebuild.ts';

const START = Date.parse('2025-12-01T00:00:00+07:00');
const NOW = Date.parse('2026-03-31T17:00:00+07:00');
const COUNT = Number(process.env.MOTCUA_DAILY_SUMS_TEST_DOSSIERS ?? 400);

test('every dashboard count has its own column of dashboard_daily', () => {
  const names = DASHBOARD_COUNTS.map((k) => DAILY_COLUMNS[k].name);
  assert.equal(new Set(names).size, DASHBOARD_COUNTS.length);
  for (const n of names)
    assert.ok(
      Object.values(dashboardDaily).some((c) => (c as { name?: string }).name === n),
      n,
    );
});

forEachDatabase('the dashboard’s daily sums', (db) => {
  let server: TestServer;
  let list: GeneratedDossier[] = [];

  before(async () => {
    server = await testServer(db(), { now: NOW });
    const g = await generator(server.ctx);
    list = randomDossiers(g, server.ctx, COUNT, 20260331, { start: START, until: NOW, meanGapMs: 30 * 3600_000 });
    await writeDossiers(server.ctx, list);
  });
  after(() => server.dispose());

  const compare = (message: string) => assertDailySumsRecount(server.ctx.db, message);

  test('after a bulk write of whole histories, the sums equal a recount from dossier_facts', async () => {
    await compare('bulk');
  });

  test('after random event histories applied event by event (stopped anywhere), they still do', async () => {
    const r = prng(7);
    const picked = list.filter(() => r() < 0.4);
    assert.ok(picked.length > 50);
    // Each dossier's facts are rewritten from the state after each of its events in turn: first
    // back to a random earlier point of its history, then forwards to the end.
    const walk = async (d: GeneratedDossier, until: number) => {
      await server.ctx.db.transaction(async (tx) => {
        let state: DossierState | null = null;
        for (let i = 0; i < until; i++) {
          state = evolve(state, d.events[i]!);
          await applyFacts(
            tx,
            { id: d.id, fieldCode: d.version.definition.field.code, procedureCode: d.version.code },
            [d.events[i]!],
            state,
          );
        }
      });
    };
    for (const d of picked) await walk(d, 1 + Math.floor(r() * d.events.length));
    await compare('stopped mid-history');
    for (const d of picked) await walk(d, d.events.length);
    await compare('at the end of every history');
  });

  test('a rebuild asked for recomputes them from the facts; unasked it does nothing', async () => {
    await execute(server.ctx.db, sql`delete from dashboard_daily_rebuild`);
    await execute(server.ctx.db, sql`update dashboard_daily set accepted = accepted + 5`);
    assert.equal(await rebuildDashboardDaily(server.ctx.db), false, 'not asked');
    await assert.rejects(compare('spoilt'), 'the comparison sees a difference');
    await execute(server.ctx.db, sql`insert into dashboard_daily_rebuild default values`);
    assert.equal(await rebuildDashboardDaily(server.ctx.db, { batch: 37 }), true);
    await compare('rebuilt');
    assert.equal(await rebuildDashboardDaily(server.ctx.db), false, 'once');
  });
});
