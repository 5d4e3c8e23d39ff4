import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFilters, loadScope, removeFilter, saveFilter, saveScope, type KeyValueStore } from './saved-filters.ts';

const memory = (): KeyValueStore & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

test('saved filters are kept per user, replaced by name, removed by name', () => {
  const s = memory();
  saveFilter(s, 'an', { name: 'Quá hạn của tôi', queue: 'overdue', scope: 'personal' });
  saveFilter(s, 'an', { name: 'Khai sinh', queue: 'unit', scope: 'unit', procedure: '1.001193', q: 'nguyen' });
  assert.deepEqual(
    loadFilters(s, 'an').map((f) => f.name),
    ['Khai sinh', 'Quá hạn của tôi'],
  );
  assert.deepEqual(loadFilters(s, 'binh'), [], 'another user sees none of them');
  saveFilter(s, 'an', { name: ' Quá hạn của tôi ', queue: 'overdue', scope: 'unit' });
  const list = loadFilters(s, 'an');
  assert.equal(list.length, 2);
  assert.deepEqual(list[0], { name: 'Quá hạn của tôi', queue: 'overdue', scope: 'unit' });
  assert.deepEqual(
    removeFilter(s, 'an', 'Khai sinh').map((f) => f.name),
    ['Quá hạn của tôi'],
  );
  assert.deepEqual(saveFilter(s, 'an', { name: '  ', queue: 'unit', scope: 'unit' }).length, 1, 'no blank name');
});

test('what is stored is checked, not trusted', () => {
  const s = memory();
  s.setItem(
    'motcua-staff-filters:an',
    JSON.stringify([
      { name: 'ok', queue: 'mine', scope: 'personal' },
      { name: 'bad scope', queue: 'mine', scope: 'everyone' },
      { name: 'bad channel', queue: 'mine', scope: 'unit', channel: 'fax' },
      'text',
      null,
    ]),
  );
  assert.deepEqual(
    loadFilters(s, 'an').map((f) => f.name),
    ['ok'],
  );
  s.setItem('motcua-staff-filters:an', '{not json');
  assert.deepEqual(loadFilters(s, 'an'), []);
  assert.deepEqual(loadFilters(undefined, 'an'), [], 'no storage at all');
});

test('the scope is remembered per user, unit by default', () => {
  const s = memory();
  assert.equal(loadScope(s, 'an'), 'unit');
  saveScope(s, 'an', 'personal');
  assert.equal(loadScope(s, 'an'), 'personal');
  assert.equal(loadScope(s, 'binh'), 'unit');
});
