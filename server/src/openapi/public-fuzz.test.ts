import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';
import { birthData } from '../../test/support/intake.ts';
import { openApi, operations } from './testing/operations.ts';
import { fuzz, fuzzSeed } from './testing/fuzz-run.ts';
import { dossierCount, storedProblems } from './testing/stored-checks.ts';

/**
 * Property-based fuzzing of every public route, generated from the OpenAPI document: hostile path
 * parameters, queries, headers, JSON and multipart bodies (NUL, lone surrogates, invalid UTF-8,
 * prototype keys, deep nesting, numbers out of range, lying file types, path traversal in file
 * names, no boundary). No answer is a 5xx, every answer keeps the contract (the test server checks
 * each), and every dossier stored passes core's validation of its data. A short run here;
 * `FUZZ_SECONDS` (per database), `FUZZ_RUNS` and `FUZZ_SEED` (printed on every run) make a long
 * one or replay one.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 10);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Path parameters that lead somewhere, so that the checks behind the router are reached too. */
const KNOWN_PARAMS: Record<string, string[]> = {
  procedureCode: ['1.001193'],
  version: ['1'],
  dossierCode: ['000.20.01.H56-260302-0001'],
  agencyCode: ['000.20.01.H56'],
  fileId: ['00000000-0000-4000-8000-000000000000'],
};

forEachDatabase('fuzzing the public routes from the OpenAPI document', (db) => {
  test('a version number past the database’s integer is a 400, in a path and in a submission (found by fuzzing)', async () => {
    const server = await testServer(db(), { quiet: true });
    try {
      for (const path of [
        '/api/v1/public/procedures/1.001193/versions/99999999999',
        '/api/v1/public/procedures/1.001193/versions/99999999999/validators.js',
      ])
        assert.equal((await server.request(path)).status, 400, path);
      const form = new FormData();
      form.append('submission', JSON.stringify({ version: 99999999999, agency: '000.20.01.H56', data: birthData() }));
      const res = await server.request('/api/v1/public/procedures/1.001193/dossiers', { method: 'POST', body: form });
      assert.equal(res.status, 400);
    } finally {
      server.dispose();
    }
  });

  test(`no 5xx, the contract kept, nothing invalid stored (${SECONDS} s)`, async (t) => {
    const server = await testServer(db(), { quiet: true });
    try {
      const doc = openApi();
      const public_ = operations(doc, (access) => access === 'public');
      assert.ok(
        public_.some((o) => o.body === 'multipart'),
        'the submission route is public',
      );
      const seed = fuzzSeed();
      t.diagnostic(`seed ${seed} (FUZZ_SEED replays it)`);
      const before = await dossierCount(server.ctx);
      const { statuses, tried } = await fuzz({
        doc,
        operations: public_,
        send: (path, init) => server.request(path, init),
        known: KNOWN_PARAMS,
        strings: ['1.001193', '000.20.01.H56', '000.20.01.H56-260302-0001', 'vnpay', '2026-03-02'],
        // The submission more often: its body has the most to get wrong.
        // fast-check takes whole weights only.
        weight: (op) => (op.body === 'multipart' ? 1 + Math.round((2 * public_.length) / 3) : 1),
        seconds: SECONDS,
        runs: RUNS,
        seed,
        failOnServerError: true,
      });
      t.diagnostic(`${tried} requests: ${JSON.stringify(Object.fromEntries(statuses))}`);
      assert.ok(tried > 20, `${tried} requests tried`);
      assert.ok(statuses.has(400), 'hostile input was refused');
      assert.deepEqual(await storedProblems(server.ctx), [], `nothing invalid stored (seed ${seed})`);
      assert.equal(
        (await dossierCount(server.ctx)) - before,
        statuses.get(201) ?? 0,
        'every 201 stored one dossier, nothing else was',
      );
    } finally {
      server.dispose();
    }
  });
});
