import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../config/config.ts';
import { workerCount } from './serve.ts';

test('worker processes: one per CPU on PostgreSQL, one on PGlite; --workers and MOTCUA_WORKERS decide; PGlite refuses several', () => {
  const pg = { DATABASE_URL: 'postgres://x@127.0.0.1/db' };
  assert.equal(workerCount(loadConfig(pg)), availableParallelism());
  assert.equal(workerCount(loadConfig({})), 1);
  assert.equal(workerCount(loadConfig({ ...pg, MOTCUA_WORKERS: '3' })), 3);
  assert.equal(workerCount(loadConfig({ ...pg, MOTCUA_WORKERS: '3' }), 1), 1, 'the flag wins');
  assert.throws(
    () => workerCount(loadConfig({}), 2),
    (err) => err instanceof ConfigError && /PGlite/.test(err.message),
  );
  assert.throws(() => loadConfig({ ...pg, MOTCUA_WORKERS: '0' }), ConfigError);
});
