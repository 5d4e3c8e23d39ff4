import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareApp } from '../../../../test/support/fake-context.ts';
import { errors } from '../../errors.ts';
import { notFoundHandler } from './error-handler.ts';

test('errors become the standard envelope with vi and en messages; unexpected ones reveal nothing', async () => {
  const a = bareApp();
  a.notFound(notFoundHandler);
  a.get('/invalid', () => {
    throw errors.invalid([{ pointer: '/data/x', code: 'required', message: { vi: 'Thiếu', en: 'Missing' } }]);
  });
  a.get('/boom', () => {
    throw new Error('secret internal detail');
  });
  const inv = await a.request('/invalid');
  assert.equal(inv.status, 400);
  assert.deepEqual(await inv.json(), {
    error: {
      status: 400,
      code: 'invalid_data',
      message: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
      issues: [{ pointer: '/data/x', code: 'required', message: { vi: 'Thiếu', en: 'Missing' } }],
    },
  });
  const boom = await a.request('/boom');
  assert.equal(boom.status, 500);
  const text = await boom.text();
  assert.ok(!text.includes('secret internal detail'));
  assert.equal(JSON.parse(text).error.code, 'internal');
  const nf = await a.request('/nowhere');
  assert.equal(nf.status, 404);
  assert.equal(((await nf.json()) as { error: { code: string } }).error.code, 'not_found');
});
