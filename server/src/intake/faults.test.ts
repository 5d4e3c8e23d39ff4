import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { birthData, birthFiles, rowCounts, submitOnline } from '../../test/support/intake.ts';
import { faultsFrom, type FaultPoint } from '../config/faults.ts';

forEachDatabase('nothing half-stored: injected faults', (db) => {
  for (const point of ['intake.after-file-write', 'intake.after-insert', 'intake.before-commit'] as FaultPoint[]) {
    test(`a fault at ${point} leaves no row and no file, and gives the number back`, async () => {
      let armed = true;
      const server = await testServer(db(), {
        faults: faultsFrom({
          [point]: () => {
            if (armed) throw new Error(`injected fault at ${point}`);
          },
        }),
        quiet: true,
      });
      try {
        const submission = { version: 1, agency: '000.20.05.H56', data: birthData() };
        const before = await rowCounts(server);
        const keysBefore = await server.ctx.files.keys();
        const res = await submitOnline(server, '1.001193', { ...submission, agency: '000.20.02.H56' }, birthFiles(), {
          'idempotency-key': `fault-${point}`,
        });
        assert.equal(res.status, 500);
        assert.deepEqual(await rowCounts(server), before);
        assert.deepEqual(await server.ctx.files.keys(), keysBefore);
        armed = false;
        // The number the failed transaction took is free again: no gap in the agency's sequence.
        const again = await submitOnline(server, '1.001193', { ...submission, agency: '000.20.02.H56' }, birthFiles(), {
          'idempotency-key': `fault-${point}`,
        });
        assert.equal(again.status, 201, 'the key was not claimed by the failed attempt');
        const { code } = await json<{ code: string }>(again);
        const previous = before.sequence;
        assert.match(code, /^000\.20\.02\.H56-260302-\d{4}$/);
        assert.equal((await rowCounts(server)).sequence, previous + 1, 'the sequence moved by exactly one');
        armed = true;
      } finally {
        server.dispose();
      }
    });
  }
});
