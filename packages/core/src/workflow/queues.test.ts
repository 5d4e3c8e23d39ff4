import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUEUES, QUEUE_IDS, QUEUE_STAGES, inQueue, queueById, type QueueViewer } from './queues.ts';
import type { DossierState } from './types.ts';

const A = '000.20.01.H56';
const B = '000.00.10.H56';
const NOW = Date.parse('2026-03-02T09:00:00+07:00');
const HOUR = 3600_000;

function state(over: Partial<DossierState>): DossierState {
  return {
    status: 4,
    closed: false,
    channel: 'online',
    submittedAt: NOW - 48 * HOUR,
    receivingAgency: A,
    responsibleAgency: A,
    timeZone: 'Asia/Ho_Chi_Minh',
    fees: { owed: 0, collect: 'after', paidAtCounter: false },
    location: { agency: A, step: 's1', role: 'specialist' },
    stepEnteredAt: null,
    stepDueAt: null,
    acceptedAt: NOW - 47 * HOUR,
    deadline: null,
    dueAt: NOW + 48 * HOUR,
    dueHistory: [],
    pauses: [],
    supplement: null,
    payment: null,
    paidReferences: [],
    outcome: null,
    resultDocuments: [],
    resolvedAt: null,
    returnedAt: null,
    stoppedAt: null,
    stopReason: null,
    refusedAt: null,
    refusalReasons: [],
    withdrawnAt: null,
    withdrawalRequest: null,
    external: null,
    externalReceived: [],
    extensions: [],
    handovers: [],
    eventCount: 3,
    lastEventAt: NOW - HOUR,
    ...over,
  };
}

const unit: QueueViewer = {
  agency: A,
  staffId: 'me',
  roles: ['specialist'],
  scope: 'unit',
  now: NOW,
  soonUntil: NOW + 8 * HOUR,
};
const ids = (s: DossierState, v: QueueViewer = unit) => QUEUES.filter((q) => inQueue(q, s, v)).map((q) => q.id);

test('every queue has a known stage, a unique id and a bilingual title; every stage has queues', () => {
  assert.equal(new Set(QUEUE_IDS).size, QUEUES.length);
  for (const q of QUEUES) {
    assert.ok((QUEUE_STAGES as readonly string[]).includes(q.stage), q.id);
    assert.ok(q.title.vi && q.title.en, q.id);
  }
  for (const s of QUEUE_STAGES)
    assert.ok(
      QUEUES.some((q) => q.stage === s),
      s,
    );
  assert.equal(queueById('overdue')?.clock, 'overdue');
  assert.equal(queueById('nope'), undefined);
});

test('reception: a new online dossier, awaiting payment, refused (closed), forwarded to us', () => {
  const fresh = state({
    status: 1,
    acceptedAt: null,
    dueAt: null,
    location: { agency: A, step: null, role: 'reception' },
  });
  assert.deepEqual(ids(fresh), ['new-online']);
  assert.deepEqual(ids({ ...fresh, channel: 'direct' }), []);
  assert.deepEqual(ids(state({ status: 3, closed: true, acceptedAt: null, dueAt: null })), ['refused']);
  const pay = state({ status: 6, pauses: [{ reason: 'payment', from: NOW - HOUR, to: null }] });
  assert.deepEqual(ids(pay), ['awaiting-payment', 'paused']);
  assert.deepEqual(ids(state({ receivingAgency: B })), ['forwarded-in', 'unit']);
});

test('supplements: requested until provided, then received; the clock pause shows as paused', () => {
  const supplement = {
    requestedAt: NOW - HOUR,
    dueBy: NOW + 24 * HOUR,
    items: [],
    pausesClock: true,
    returnTo: 4 as const,
    provided: false,
    providedAt: null,
    files: [],
  };
  const asked = state({ status: 5, supplement, pauses: [{ reason: 'supplement', from: NOW - HOUR, to: null }] });
  assert.deepEqual(ids(asked), ['supplement-requested', 'paused']);
  const got = state({
    status: 5,
    supplement: { ...supplement, provided: true, providedAt: NOW },
    pauses: [{ reason: 'supplement', from: NOW - HOUR, to: NOW }],
  });
  assert.deepEqual(ids(got), ['supplement-received']);
});

test('processing: mine, the unit, forwarded out; results by channel; monitoring due soon and overdue', () => {
  const mine = state({ location: { agency: A, step: 's1', role: 'specialist', assignee: 'me' } });
  assert.deepEqual(ids(mine), ['mine', 'unit']);
  assert.deepEqual(ids(state({ location: { agency: B, step: 'd1', role: 'specialist' } })), ['forwarded-out']);
  for (const [channel, id] of [
    ['online', 'result-online'],
    ['direct', 'result-counter'],
    ['postal', 'result-postal'],
  ] as const)
    assert.deepEqual(ids(state({ status: 9, channel, location: { agency: A, step: null, role: 'reception' } })), [id]);
  assert.deepEqual(ids(state({ dueAt: NOW + 2 * HOUR })), ['unit', 'due-soon']);
  assert.deepEqual(ids(state({ dueAt: NOW - 2 * HOUR })), ['unit', 'overdue']);
  const pausedLate = state({
    status: 5,
    dueAt: NOW - 2 * HOUR,
    pauses: [{ reason: 'supplement', from: NOW - 3 * HOUR, to: null }],
  });
  assert.ok(!ids(pausedLate).includes('overdue'), 'paused before its due instant: not overdue');
});

test('personal scope: my assigned work, or unassigned work of a role I hold', () => {
  const personal: QueueViewer = { ...unit, scope: 'personal' };
  assert.deepEqual(ids(state({}), personal), ['unit']);
  assert.deepEqual(ids(state({ location: { agency: A, step: 's2', role: 'leader' } }), personal), []);
  assert.deepEqual(
    ids(state({ location: { agency: A, step: 's1', role: 'specialist', assignee: 'other' } }), personal),
    [],
  );
  assert.deepEqual(ids(state({ location: { agency: B, step: 'd1', role: 'leader' } }), personal), ['forwarded-out']);
});
