import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';
import { openApi, operations } from './testing/operations.ts';
import { fuzz, fuzzSeed } from './testing/fuzz-run.ts';
import { FUZZ_SERVER_CONFIG, staffFuzzSetup } from './testing/staff-fuzz-setup.ts';
import { storedProblems } from './testing/stored-checks.ts';

/**
 * Property-based fuzzing of every staff route (signed in or granted), generated from the OpenAPI
 * document, as a staff account holding every role through a browser session (cookie and CSRF
 * token): hostile and schema-shaped path parameters, queries and bodies. No answer is a 5xx, every
 * answer keeps the contract (the test server checks each), and afterwards nothing invalid is
 * stored: every dossier's data passes core's validation against its pinned version and every event
 * chain passes the audit. `FUZZ_SECONDS` (per database), `FUZZ_RUNS` and `FUZZ_SEED` (printed on
 * every run) make a long run or replay one.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 8);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

interface ErrorBody {
  error: { issues?: { pointer: string; message: { vi: string; en: string } }[] };
}

/** Asserts a 400 whose issues name `pointer` in both languages. */
async function assertRefused(res: Response, pointer: string, what: string): Promise<void> {
  const text = await res.text();
  assert.equal(res.status, 400, `${what}: ${text}`);
  const issue = (JSON.parse(text) as ErrorBody).error.issues?.find((i) => i.pointer === pointer);
  assert.ok(issue, `${what}: no issue at ${pointer} in ${text}`);
  assert.ok(issue.message.vi && issue.message.en && issue.message.vi !== issue.message.en, `${what}: vi and en`);
}

forEachDatabase('fuzzing the staff routes from the OpenAPI document', (db) => {
  test('a NUL in a granted route’s target, a null action, an id past bigint are a 400 (found by fuzzing)', async () => {
    const server = await testServer(db(), { quiet: true, config: FUZZ_SERVER_CONFIG });
    try {
      const setup = await staffFuzzSetup(server);
      const headers = { ...setup.headers!(undefined as never), 'content-type': 'application/json' };
      // The policy looks the target up by the path parameter: the database refuses NUL.
      for (const [method, path, pointer] of [
        ['PUT', '/api/v1/procedures/a%00b/draft', '/params/procedureCode'],
        ['GET', '/api/v1/agencies/a%00b/staff', '/params/agencyCode'],
        ['GET', '/api/v1/staff/a%00b', '/params/staffId'],
        ['PUT', '/api/v1/calendars/a%00b', '/params/calendarId'],
        ['GET', '/api/v1/dossiers/a%00b', '/params/dossierCode'],
      ] as const)
        await assertRefused(
          await server.request(path, { method, headers, ...(method === 'GET' ? {} : { body: '{}' }) }),
          pointer,
          `${method} ${path}`,
        );
      const code = setup.known.dossierCode![0]!;
      for (const body of ['null', '[]', '"accept"'])
        await assertRefused(
          await server.request(`/api/v1/dossiers/${code}/actions`, { method: 'POST', headers, body }),
          '/body',
          `action ${body}`,
        );
      await assertRefused(
        await server.request('/api/v1/agencies/000.00.00.H56/outbox/dead-letters/replay', {
          method: 'POST',
          headers,
          body: '{"ids":[3.0975206224158796e+42]}',
        }),
        '/body/ids/0',
        'dead-letter id past bigint',
      );
    } finally {
      server.dispose();
    }
  });

  test(`no 5xx, the contract kept, nothing invalid stored (${SECONDS} s)`, async (t) => {
    const server = await testServer(db(), { quiet: true, config: FUZZ_SERVER_CONFIG });
    try {
      const doc = openApi();
      const staff = operations(doc, (access) => access !== 'public');
      assert.ok(staff.length > 40, `${staff.length} staff operations`);
      const setup = await staffFuzzSetup(server);
      const seed = fuzzSeed();
      t.diagnostic(`seed ${seed} (FUZZ_SEED replays it)`);
      const { statuses, tried } = await fuzz({
        doc,
        operations: staff,
        send: (path, init) => server.request(path, init),
        ...setup,
        seconds: SECONDS,
        runs: RUNS,
        seed,
        failOnServerError: true,
      });
      t.diagnostic(`${tried} requests: ${JSON.stringify(Object.fromEntries(statuses))}`);
      assert.ok(tried > 20, `${tried} requests tried`);
      assert.ok(statuses.has(400), 'hostile input was refused');
      assert.ok(statuses.has(200), 'the session reached the handlers');
      assert.deepEqual(await storedProblems(server.ctx), [], `nothing invalid stored (seed ${seed})`);
    } finally {
      server.dispose();
    }
  });
});
