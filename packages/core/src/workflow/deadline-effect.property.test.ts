import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clockOn, deadlineEffect, deadlineFacts, type DeadlineEffect } from './deadline-effect.ts';
import { openPause } from './deadline-status.ts';
import type { DossierState } from './types.ts';
import { dossierPlan, play } from './testing/simulate.ts';

/** What evolve did to the clock, read from the states before and after an action. */
function observed(before: DossierState, after: DossierState): DeadlineEffect['kind'] {
  const on = clockOn(deadlineFacts(before));
  const onAfter = clockOn(deadlineFacts(after));
  if (before.dueAt === null && after.dueAt !== null) return 'starts';
  if (on && !onAfter) return 'ends';
  if (!on) return 'none';
  const wasPaused = openPause(before) !== null;
  const isPaused = openPause(after) !== null;
  if (!wasPaused && isPaused) return 'pauses';
  if (wasPaused && !isPaused) return 'resumes';
  if (after.dueAt !== before.dueAt) return 'moves';
  return 'none';
}

test('the effect shown before confirming equals what evolve then does (random histories)', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(dossierPlan(30), (plan) => {
      for (const { before, action, decision } of play(plan).trace) {
        if (!before || !decision.ok || decision.events.length === 0) continue;
        const said = deadlineEffect(action.kind, deadlineFacts(before), (action as { params?: {} }).params ?? {});
        const done = observed(before, decision.state);
        assert.equal(said.kind, done, `${action.kind} from status ${before.status}`);
        if (said.kind === 'moves') {
          assert.equal(said.from, before.dueAt);
          assert.equal(said.to, decision.state.dueAt, 'an extension moves the appointment to the date given');
        }
        seen.add(done);
      }
    }),
    { numRuns: 1000 },
  );
  for (const k of ['starts', 'pauses', 'resumes', 'moves', 'ends', 'none']) assert.ok(seen.has(k), `${k} happened`);
});

test('an extension typed half-way says where the appointment moves once the date is given', () => {
  const facts = { status: 4, dueAt: 1_000, paused: false };
  assert.deepEqual(deadlineEffect('extend', facts, {}), { kind: 'moves', from: 1_000, to: null });
  assert.deepEqual(deadlineEffect('extend', facts, { newDueAt: 5_000 }), { kind: 'moves', from: 1_000, to: 5_000 });
  assert.deepEqual(deadlineEffect('request_supplement', { status: 1, dueAt: null, paused: false }), { kind: 'none' });
});
