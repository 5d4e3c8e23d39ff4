import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { loggableError } from './errors.ts';

test('a failed statement is logged with its SQL and code, never its parameters or PostgreSQL’s message', () => {
  const cause = Object.assign(new Error('invalid input syntax for type uuid: "001090012345"'), {
    code: '22P02',
    severity: 'ERROR',
  });
  const err = new DrizzleQueryError('select * from dossiers where id = $1', ['001090012345', 'Nguyễn Văn An'], cause);
  let out = '';
  const log = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }));
  log.error({ err: loggableError(err) }, 'unhandled error');
  assert.doesNotMatch(out, /001090012345|Nguyễn/);
  assert.match(out, /select \* from dossiers where id = \$1/);
  assert.match(out, /22P02/);
  const plain = new Error('x');
  assert.equal(loggableError(plain), plain, 'other errors are logged as they are');
});
