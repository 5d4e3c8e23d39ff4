import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_FILTERS,
  forgetLocalFilters,
  loadScope,
  localFilters,
  mergeFilters,
  saveScope,
  withFilter,
  withoutFilter,
  type KeyValueStore,
  type SavedFilter,
} from './saved-filters.ts';

const memory = (): KeyValueStore & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};

test('saved filters: replaced by name, most recent first, removed by name, capped', () => {
  let list: SavedFilter[] = [];
  list = withFilter(list, { name: 'Quá hạn của tôi', queue: 'overdue', scope: 'personal' });
  list = withFilter(list, { name: 'Khai sinh', queue: 'unit', scope: 'unit', procedure: '1.001193', q: 'nguyen' });
  assert.deepEqual(
    list.map((f) => f.name),
    ['Khai sinh', 'Quá hạn của tôi'],
  );
  list = withFilter(list, { name: ' Quá hạn của tôi ', queue: 'overdue', scope: 'unit' });
  assert.equal(list.length, 2);
  assert.deepEqual(list[0], { name: 'Quá hạn của tôi', queue: 'overdue', scope: 'unit' });
  assert.deepEqual(
    withoutFilter(list, 'Khai sinh').map((f) => f.name),
    ['Quá hạn của tôi'],
  );
  assert.equal(withFilter(list, { name: '  ', queue: 'unit', scope: 'unit' }).length, 2, 'no blank name');
  for (let i = 0; i < 40; i++) list = withFilter(list, { name: `f${i}`, queue: 'unit', scope: 'unit' });
  assert.equal(list.length, MAX_FILTERS);
  assert.equal(list[0]!.name, 'f39');
});

test('what this browser kept earlier is checked, merged after the server\u2019s by name, then forgotten', () => {
  const s = memory();
  s.setItem(
    'motcua-staff-filters:an',
    JSON.stringify([
      { name: 'ok', queue: 'mine', scope: 'personal' },
      { name: 'Khai sinh', queue: 'unit', scope: 'unit' },
      { name: 'bad scope', queue: 'mine', scope: 'everyone' },
      { name: 'bad channel', queue: 'mine', scope: 'unit', channel: 'fax' },
      { name: 'bad queue', queue: '../x', scope: 'unit' },
      'text',
      null,
    ]),
  );
  const local = localFilters(s, 'an');
  assert.deepEqual(
    local.map((f) => f.name),
    ['ok', 'Khai sinh'],
  );
  assert.deepEqual(localFilters(s, 'binh'), [], 'another user sees none of them');
  const server: SavedFilter[] = [{ name: 'Khai sinh', queue: 'overdue', scope: 'personal' }];
  assert.deepEqual(mergeFilters(server, local), [server[0], local[0]]);
  forgetLocalFilters(s, 'an');
  assert.deepEqual(localFilters(s, 'an'), []);
  s.setItem('motcua-staff-filters:an', '{not json');
  assert.deepEqual(localFilters(s, 'an'), []);
  assert.deepEqual(localFilters(undefined, 'an'), [], 'no storage at all');
});

test('the scope is remembered per user, unit by default', () => {
  const s = memory();
  assert.equal(loadScope(s, 'an'), 'unit');
  saveScope(s, 'an', 'personal');
  assert.equal(loadScope(s, 'an'), 'personal');
  assert.equal(loadScope(s, 'binh'), 'unit');
});
