import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DefinitionStore, type Definition } from './definition-store.ts';
import { Autosave, type DraftServer, type SavedDraft } from './autosave.ts';
import { readRecovery, recoveryToOffer, writeRecovery } from './recovery.ts';

/** A server holding one draft with a revision, refusing a stale If-Match as the real one does. */
function fakeServer(initial: Definition) {
  const held: SavedDraft = { definition: initial, revision: 1 };
  const server: DraftServer = {
    async save(definition, revision) {
      if (revision !== held.revision) throw Object.assign(new Error('conflict'), { status: 409 });
      held.definition = definition;
      held.revision++;
      return { ...held };
    },
    async load() {
      return { ...held };
    },
  };
  return { held, server };
}

test('changes are saved with the revision they started from', async () => {
  const { held, server } = fakeServer({ n: 0 });
  const store = new DefinitionStore({ n: 0 });
  const auto = new Autosave(store, server, 1, 5);
  store.commit({ definition: { n: 1 }, label: 'x' });
  assert.equal(auto.state, 'pending');
  await auto.flush();
  assert.equal(auto.state, 'saved');
  assert.deepEqual(held.definition, { n: 1 });
  assert.equal(auto.revision, 2);
  auto.dispose();
});

test('two sessions on one draft: the second sees a conflict with both versions, nothing is lost', async () => {
  const { held, server } = fakeServer({ n: 0 });
  const a = new DefinitionStore({ n: 0 });
  const b = new DefinitionStore({ n: 0 });
  const sa = new Autosave(a, server, 1, 5);
  const sb = new Autosave(b, server, 1, 5);
  a.commit({ definition: { n: 'A' }, label: 'x' });
  await sa.flush();
  b.commit({ definition: { n: 'B' }, label: 'x' });
  await sb.flush();
  assert.equal(sb.state, 'conflict');
  assert.deepEqual(sb.conflict?.mine, { n: 'B' });
  assert.deepEqual(sb.conflict?.theirs.definition, { n: 'A' });
  assert.deepEqual(held.definition, { n: 'A' }, 'theirs not overwritten');
  b.commit({ definition: { n: 'B2' }, label: 'y' });
  assert.equal(sb.state, 'conflict', 'no saving while the conflict is open');
  sb.takeTheirs('take theirs');
  assert.deepEqual(b.definition, { n: 'A' });
  b.undo();
  assert.deepEqual(b.definition, { n: 'B2' }, 'mine is one undo away');
  await sb.flush();
  assert.deepEqual(held.definition, { n: 'B2' });
  a.commit({ definition: { n: 'A2' }, label: 'x' });
  await sa.flush();
  assert.equal(sa.state, 'conflict');
  await sa.keepMine();
  assert.equal(sa.state, 'saved');
  assert.deepEqual(held.definition, { n: 'A2' });
  sa.dispose();
  sb.dispose();
});

test('local recovery: a copy that differs from the server is offered back', () => {
  const map = new Map<string, string>();
  const storage = {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
  writeRecovery(storage, 'P1', { definition: { n: 2 }, revision: 3, savedAt: 1 });
  const copy = readRecovery(storage, 'P1');
  assert.deepEqual(recoveryToOffer(copy, { n: 2 }), null);
  assert.deepEqual(recoveryToOffer(copy, { n: 1 })?.definition, { n: 2 });
  map.set('motcua.designer.recovery.P2', '{broken');
  assert.equal(readRecovery(storage, 'P2'), null);
});

test('a failed save is retried', async () => {
  const { held, server } = fakeServer({ n: 0 });
  let fail = true;
  const flaky: DraftServer = {
    save: (d, r) => (fail ? ((fail = false), Promise.reject(new Error('offline'))) : server.save(d, r)),
    load: server.load,
  };
  const store = new DefinitionStore({ n: 0 });
  const auto = new Autosave(store, flaky, 1, 5, 20);
  store.commit({ definition: { n: 1 }, label: 'x' });
  await auto.flush();
  assert.equal(auto.state, 'error');
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(auto.state, 'saved');
  assert.deepEqual(held.definition, { n: 1 });
  auto.dispose();
});
