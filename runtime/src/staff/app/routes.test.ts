import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeOf } from './routes.ts';
import { paths } from '../ui/navigate.ts';

test('paths and routes agree', () => {
  assert.deepEqual(routeOf('/staff'), { screen: 'inbox' });
  assert.deepEqual(routeOf('/staff/'), { screen: 'inbox' });
  assert.deepEqual(routeOf(paths.inbox('mine')), { screen: 'inbox', queue: 'mine' });
  const code = '000.20.01.H56-260302-0001';
  assert.deepEqual(routeOf(paths.dossier(code)), { screen: 'dossier', code });
  assert.deepEqual(routeOf(paths.intake()), { screen: 'intake' });
  assert.deepEqual(routeOf(paths.admin()), { screen: 'admin' });
  assert.deepEqual(routeOf(paths.oversight('?from=2026-01-01&to=2026-01-31')), { screen: 'oversight' });
  assert.deepEqual(routeOf('/staff/dossiers'), { screen: 'not-found' });
  assert.deepEqual(routeOf('/staff/nothing/here'), { screen: 'not-found' });
});
