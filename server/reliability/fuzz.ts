/**
 * The long HTTP fuzz run: `requests` fuzzed requests (10,000 by default) across every public and
 * staff route of the OpenAPI document, generated like the fuzz tests' (shared generators, a browser
 * session of an account holding every role), against an in-process server on a fresh PostgreSQL
 * database. Counted: answers 5xx, requests never answered and answers breaking the contract.
 * Afterwards nothing invalid may be stored (core validates every dossier's data against its pinned
 * version; `audit verify` holds). Memory of the server's process is sampled after warm-up (a tenth
 * of the run), at the middle and at the end, heap after a full collection: it must stay flat.
 */
import { testServer } from '../test/support/server.ts';
import { createPostgresDatabase } from '../test/support/postgres.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openApi, operations } from '../src/openapi/testing/operations.ts';
import { fuzz, fuzzSeed } from '../src/openapi/testing/fuzz-run.ts';
import { FUZZ_SERVER_CONFIG, staffFuzzSetup } from '../src/openapi/testing/staff-fuzz-setup.ts';
import { storedProblems } from '../src/openapi/testing/stored-checks.ts';
import type { CheckResult } from './checks.ts';

export interface FuzzRunOptions {
  requests: number;
  /** A stop however far the run got (the loop is bounded in count and in time). */
  maxSeconds: number;
}

/** Heap growth after warm-up that still counts as flat: caches filling, not a leak. */
export const FLAT_HEAP_MIB = 64;

interface MemorySample {
  at: number;
  rssMiB: number;
  heapMiB: number;
}

const MiB = 1024 * 1024;

function sampleMemory(at: number): MemorySample {
  // A full collection first, when node allows it (run.ts is started with --expose-gc): what is
  // left is what the server holds on to.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { at, rssMiB: m.rss / MiB, heapMiB: m.heapUsed / MiB };
}

export async function fuzzRun(o: FuzzRunOptions): Promise<CheckResult> {
  const created = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: created.url, max: 10 });
  try {
    await migrateDatabase(database);
    const server = await testServer(
      { kind: 'postgres', database, url: created.url },
      { quiet: true, config: FUZZ_SERVER_CONFIG },
    );
    try {
      const doc = openApi();
      const all = operations(doc, () => true);
      const setup = await staffFuzzSetup(server);
      const seed = fuzzSeed();
      const marks = [Math.ceil(o.requests / 10), Math.ceil(o.requests / 2), o.requests];
      const memory: MemorySample[] = [];
      const started = Date.now();
      const { statuses, serverErrors, tried } = await fuzz({
        doc,
        operations: all,
        send: (path, init) => server.request(path, init),
        ...setup,
        // Submissions (online and at the counter) more often: their bodies have the most to get wrong.
        weight: (op) => (op.body === 'multipart' ? 8 : 1),
        seconds: o.maxSeconds,
        runs: o.requests,
        seed,
        failOnServerError: false,
        onAnswer: (done) => {
          if (marks.includes(done)) memory.push(sampleMemory(done));
        },
      });
      const seconds = (Date.now() - started) / 1000;
      const stored = await storedProblems(server.ctx);
      const first = memory[0];
      const last = memory.at(-1);
      const growth = first && last && last !== first ? last.heapMiB - first.heapMiB : 0;
      const memoryFlat = memory.length >= 2 && growth <= FLAT_HEAP_MIB;
      const shown = memory.map((m) => `${m.heapMiB.toFixed(0)}/${m.rssMiB.toFixed(0)}`).join(' → ');
      const refused = [...statuses].filter(([s]) => s >= 400 && s < 500).reduce((n, [, c]) => n + c, 0);
      return {
        check: `HTTP fuzzing: every public and staff route from the OpenAPI document (seed ${seed})`,
        load: `${tried} fuzzed requests in ${seconds.toFixed(0)} s, ${refused} refused (4xx); heap/RSS MiB after warm-up, middle, end: ${shown} (${memoryFlat ? 'flat' : 'NOT flat'}: heap ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MiB, bound ${FLAT_HEAP_MIB})`,
        faults: 0,
        badInputs: tried,
        requests: tried,
        serverErrors: serverErrors.length,
        lost: stored.length,
        memoryFlat,
        problems: [
          ...serverErrors.slice(0, 5),
          ...stored.slice(0, 5),
          ...(memory.length < 2 ? [`memory sampled ${memory.length} times: the run ended early`] : []),
          ...(memoryFlat ? [] : [`heap grew ${growth.toFixed(0)} MiB after warm-up`]),
        ],
      };
    } finally {
      server.dispose();
    }
  } finally {
    await database.close();
    await created.drop();
  }
}
