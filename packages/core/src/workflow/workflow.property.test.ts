import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ACTION_KINDS } from '../vocabulary/actions.ts';
import { isTerminal, TERMINAL_STATUSES } from '../vocabulary/statuses.ts';
import { decide } from './decide.ts';
import { replay } from './evolve.ts';
import type { Action, DossierState } from './types.ts';
import { dossierPlan, EVERYONE, paramsFor, play, planStep } from './testing/simulate.ts';

const RUNS = 1000;
const DUE_CHANGERS = new Set([
  'submit',
  'accept',
  'supplement_provided',
  'accept_supplement',
  'payment_recorded',
  'extend',
]);

test('no action moves a dossier out of a terminal status (random histories, random actors)', () => {
  let closedSeen = 0;
  fc.assert(
    fc.property(dossierPlan(40), fc.array(planStep, { minLength: 1, maxLength: 20 }), (plan, extra) => {
      const played = play(plan);
      const check = (before: DossierState | null, d: ReturnType<typeof decide>) => {
        if (!d.ok) {
          assert.ok([400, 403, 409, 422].includes(d.refusal.httpStatus));
          assert.ok(d.refusal.message.vi.trim() && d.refusal.message.en.trim(), 'bilingual refusal');
          return;
        }
        if (before?.closed) {
          assert.deepEqual(d.events, [], `${d.events[0]?.kind} left terminal status ${before.status}`);
          assert.equal(d.state, before);
        }
        if (before && isTerminal(before.status, before.closed)) assert.equal(d.state.status, before.status);
        if (TERMINAL_STATUSES.includes(d.state.status)) assert.equal(d.state.closed, true);
      };
      for (const { before, decision } of played.trace) check(before, decision);
      if (played.state?.closed) {
        closedSeen++;
        let t = played.state.lastEventAt;
        // Anyone tries anything on the closed dossier.
        for (const s of extra) {
          t += s.dt;
          const kind = ACTION_KINDS[s.kind % ACTION_KINDS.length]!;
          const actor = EVERYONE[s.actor % EVERYONE.length]!;
          const action = { kind, actor, at: t, ...paramsFor(kind, played.state, t, s.seed, plan) } as Action;
          check(played.state, decide(played.ctx, played.state, action));
        }
      }
    }),
    { numRuns: RUNS },
  );
  assert.ok(closedSeen > RUNS / 10, `enough histories reach a terminal status (${closedSeen})`);
});

test('replay(events) equals the state decide returned, after every step; events are a consistent log', () => {
  fc.assert(
    fc.property(dossierPlan(30), (plan) => {
      const played = play(plan);
      const log: typeof played.events = [];
      for (const { before, action, decision } of played.trace) {
        if (!decision.ok) continue;
        log.push(...decision.events);
        assert.deepEqual(replay(JSON.parse(JSON.stringify(log))), decision.state);
        for (const e of decision.events) {
          assert.equal(e.seq, log.indexOf(e) + 1);
          assert.equal(e.fromStatus, before?.status ?? null);
          assert.equal(e.at, action.at);
          assert.deepEqual(e.actor, action.actor);
        }
        // The due instant is set at acceptance and moved only by pause ends and extensions.
        if (decision.events.length && decision.state.dueAt !== (before?.dueAt ?? null)) {
          assert.ok(DUE_CHANGERS.has(action.kind), `${action.kind} changed dueAt`);
        }
        if (before?.dueAt != null) assert.notEqual(decision.state.dueAt, null);
      }
      if (played.state) assert.deepEqual(replay(played.events), played.state);
    }),
    { numRuns: RUNS },
  );
});
