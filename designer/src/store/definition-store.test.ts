import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DefinitionStore } from './definition-store.ts';

test('one undo history: commit, undo, redo; a new edit drops the redo steps', () => {
  let t = 0;
  const store = new DefinitionStore({ n: 0 }, { now: () => (t += 1000) });
  store.commit({ definition: { n: 1 }, label: 'a' });
  store.commit({ definition: { n: 2 }, label: 'b', source: 'json' });
  assert.deepEqual(store.definition, { n: 2 });
  assert.equal(store.lastSource, 'json');
  assert.ok(store.undo());
  assert.deepEqual(store.definition, { n: 1 });
  assert.equal(store.redoLabel, 'b');
  assert.ok(store.redo());
  assert.deepEqual(store.definition, { n: 2 });
  store.undo();
  store.commit({ definition: { n: 3 }, label: 'c' });
  assert.equal(store.canRedo, false);
  store.undo();
  store.undo();
  assert.deepEqual(store.definition, { n: 0 });
  assert.equal(store.undo(), false);
});

test('typing in one box is one step; the same label later is another', () => {
  let t = 0;
  const store = new DefinitionStore({ s: '' }, { now: () => t });
  for (const s of ['a', 'ab', 'abc']) {
    t += 100;
    store.commit({ definition: { s }, label: 'label' });
  }
  t += 5000;
  store.commit({ definition: { s: 'abcd' }, label: 'label' });
  store.undo();
  assert.deepEqual(store.definition, { s: 'abc' });
  store.undo();
  assert.deepEqual(store.definition, { s: '' });
});

test('listeners hear every change with its source; replace keeps or clears history', () => {
  const store = new DefinitionStore({ n: 0 });
  const seen: unknown[] = [];
  store.addEventListener('change', (e) => seen.push((e as CustomEvent).detail.source));
  store.commit({ definition: { n: 1 }, label: 'x', source: 'form' });
  store.replace({ n: 9 });
  assert.ok(store.canUndo);
  store.replace({ n: 10 }, true);
  assert.equal(store.canUndo, false);
  assert.deepEqual(seen, ['form', 'load', 'load']);
});
