import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { connect, type Socket } from 'node:net';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { runTransaction, type Statement } from './pipeline.ts';
import type { Database } from './client.ts';
import { combineInserts, insertSql } from './insert-sql.ts';
import { execute } from './client.ts';
import { pgErrorCode } from './errors.ts';
import { dossierSequences, files, idempotencyKeys } from './schema/index.ts';
import { coalescingSocketFactory } from './socket.ts';

const bump = (agency: string): Statement => ({
  text: `insert into dossier_sequences (agency_code, day, last) values ($1, $2::date, 1)
         on conflict (agency_code, day) do update set last = dossier_sequences.last + 1 returning last`,
  params: [agency, '2099-12-31'],
});

forEachDatabase('one-round-trip transactions and schema-built inserts', (db) => {
  const last = async (agency: string) =>
    (
      await db()
        .database.db.select({ last: dossierSequences.last })
        .from(dossierSequences)
        .where(eq(dossierSequences.agencyCode, agency))
    )[0]?.last ?? 0;

  test('every statement commits together; each statement returns its rows, by group', async () => {
    const rows = await runTransaction(db().database, [[bump('pipe.a'), bump('pipe.a')], [bump('pipe.a')]]);
    assert.deepEqual(
      rows.map((g) => g.map((r) => Number(r[0]!.last))),
      [[1, 2], [3]],
    );
    assert.equal(await last('pipe.a'), 3);
  });

  test('a failing statement rolls back the statements before and after it; the first real error is thrown', async () => {
    const before = await last('pipe.a');
    const broken: Statement = {
      text: 'insert into dossier_sequences (agency_code, day, last) values ($1, $2::date, null)',
      params: ['pipe.b', '2099-12-31'],
    };
    await assert.rejects(
      runTransaction(db().database, [[bump('pipe.a'), broken, bump('pipe.a')]]),
      (err) => pgErrorCode(err) === '23502',
    );
    assert.equal(await last('pipe.a'), before);
    assert.equal(await last('pipe.b'), 0);
    // The connection is usable again, outside any transaction, and the prepared statements too.
    await runTransaction(db().database, [[bump('pipe.a')]]);
    assert.equal(await last('pipe.a'), before + 1);
  });

  test('a hook between groups (fault points) that throws rolls everything back', async () => {
    const before = await last('pipe.a');
    const seen: number[] = [];
    await assert.rejects(
      runTransaction(db().database, [[bump('pipe.a')], [bump('pipe.a')]], async (i) => {
        seen.push(i);
        if (i === 1) throw new Error('injected');
      }),
      /injected/,
    );
    assert.deepEqual(seen, [0, 1]);
    assert.equal(await last('pipe.a'), before);
    const rows = await runTransaction(db().database, [[bump('pipe.a')], [bump('pipe.a')]], async () => {});
    assert.deepEqual(
      rows.map((g) => Number(g[0]![0]!.last)),
      [before + 1, before + 2],
    );
  });

  test('concurrent transactions on one hot row queue and all commit (no lost update)', async () => {
    const before = await last('pipe.hot');
    await Promise.all(Array.from({ length: 30 }, () => runTransaction(db().database, [[bump('pipe.hot')]])));
    assert.equal(await last('pipe.hot'), before + 30);
  });

  test('insertSql writes what drizzle writes: jsonb, timestamps, nulls, bigints; several rows in one statement', async () => {
    const now = new Date('2026-03-02T02:03:04.567Z');
    const row = (id: string, name: string | null) => ({
      id,
      storageKey: `k-${id}`,
      sha256: 'ab'.repeat(32),
      size: 2 ** 40,
      mediaType: 'application/pdf',
      originalName: name,
      provenance: 'online',
      uploadedBy: null,
      createdAt: now,
    });
    const ids = [
      '00000000-0000-4000-8000-00000000000a',
      '00000000-0000-4000-8000-00000000000b',
      '00000000-0000-4000-8000-00000000000c',
    ];
    await runTransaction(db().database, [[insertSql(files, [row(ids[0]!, 'tờ khai.pdf'), row(ids[1]!, null)])]]);
    await db().database.db.insert(files).values(row(ids[2]!, 'tờ khai.pdf'));
    const read = await db()
      .database.db.select()
      .from(files)
      .where(
        sql`${files.id} in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      )
      .orderBy(files.id);
    assert.deepEqual(
      read.map(({ id: _, storageKey: __, ...rest }) => rest),
      [
        {
          sha256: 'ab'.repeat(32),
          size: 2 ** 40,
          mediaType: 'application/pdf',
          originalName: 'tờ khai.pdf',
          provenance: 'online',
          activeContent: false,
          uploadedBy: null,
          createdAt: now,
        },
        {
          sha256: 'ab'.repeat(32),
          size: 2 ** 40,
          mediaType: 'application/pdf',
          originalName: null,
          provenance: 'online',
          activeContent: false,
          uploadedBy: null,
          createdAt: now,
        },
        {
          sha256: 'ab'.repeat(32),
          size: 2 ** 40,
          mediaType: 'application/pdf',
          originalName: 'tờ khai.pdf',
          provenance: 'online',
          activeContent: false,
          uploadedBy: null,
          createdAt: now,
        },
      ],
    );
    // jsonb values are stored as JSON (objects, not JSON strings), as drizzle stores them.
    const response = { code: 'X-1', label: { vi: 'Thử "ngoặc" \\ và xuống\ndòng', en: 'Test' }, list: [1, null, true] };
    const key = { scope: 'pipe', key: 'json', requestHash: 'h', status: 201, response, createdAt: now, expiresAt: now };
    await runTransaction(db().database, [[insertSql(idempotencyKeys, [key])]]);
    const types = await execute<{ t: string }>(
      db().database.db,
      sql`select jsonb_typeof(response) as t from idempotency_keys where scope = 'pipe' and key = 'json'`,
    );
    assert.equal(types[0]!.t, 'object');
    const [back] = await db().database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.scope, 'pipe'));
    assert.deepEqual(back, { ...key, dossierId: null });
  });

  test('combineInserts: several inserts as one statement, parameters renumbered; one failing part stores none', async () => {
    const seq = (agency: string, last: number) =>
      insertSql(dossierSequences, [{ agencyCode: agency, day: '2099-01-02', last }]);
    const one = combineInserts([
      seq('comb.a', 5),
      insertSql(dossierSequences, [
        { agencyCode: 'comb.b', day: '2099-01-02', last: 6 },
        { agencyCode: 'comb.c', day: '2099-01-02', last: 7 },
      ]),
      seq('comb.d', 8),
    ]);
    assert.equal(
      one.text.replace(/"dossier_sequences" \("agency_code", "day", "last"\)/g, 'T'),
      'with i0 as (insert into T values ($1, $2, $3)), i1 as (insert into T values ($4, $5, $6), ($7, $8, $9)) insert into T values ($10, $11, $12)',
    );
    await runTransaction(db().database, [[one]]);
    assert.deepEqual(
      [await last('comb.a'), await last('comb.b'), await last('comb.c'), await last('comb.d')],
      [5, 6, 7, 8],
    );
    // The same key twice: the statement fails as a whole.
    await assert.rejects(
      runTransaction(db().database, [[combineInserts([seq('comb.e', 1), seq('comb.a', 9)])]]),
      (err) => pgErrorCode(err) === '23505',
    );
    assert.deepEqual([await last('comb.e'), await last('comb.a')], [0, 5]);
    assert.equal(combineInserts([seq('comb.f', 1)]).text, seq('comb.f', 1).text);
  });

  test('insertSql refuses rows that lack a column of the first row', () => {
    assert.throws(
      () =>
        insertSql(dossierSequences, [
          { agencyCode: 'a', day: '2099-01-01', last: 1 },
          { agencyCode: 'b', day: '2099-01-01' } as never,
        ]),
      /missing/,
    );
  });
});

forEachDatabase(
  'one round trip on PostgreSQL',
  (db) => {
    test('BEGIN, the statements and COMMIT are all written before the first reply is read (after the first use prepared them)', async () => {
      const log: string[] = [];
      // `socket` is a documented postgres.js option its type declarations lack.
      const client = postgres(db().url!, {
        max: 1,
        onnotice: () => {},
        // A socket that records the order of what is written and what is read.
        socket: () =>
          new Promise<Socket>((resolve, reject) => {
            const { hostname, port } = new URL(db().url!);
            const s = connect(Number(port || 5432), hostname, () => resolve(s));
            s.once('error', reject);
            const write = s.write.bind(s) as (...args: unknown[]) => boolean;
            (s as unknown as { write: (...args: unknown[]) => boolean }).write = (...args) => (
              log.push('w'),
              write(...args)
            );
            s.prependListener('data', () => log.push('r'));
          }),
      } as postgres.Options<{}>);
      try {
        const database = { kind: 'postgres', sql: client, pglite: null } as unknown as Database;
        const statements = [bump('rt.a'), bump('rt.b'), bump('rt.a'), bump('rt.c')];
        await runTransaction(database, [statements.slice(0, 2), statements.slice(2)]);
        log.length = 0;
        await runTransaction(database, [statements.slice(0, 2), statements.slice(2)]);
        assert.match(log.join(''), /^w+r+$/, `writes then reads only: ${log.join('')}`);
        // The same statements through drizzle's transaction take a round trip each (and more).
        log.length = 0;
        const d = drizzle({ client });
        await d.transaction(async (tx) => {
          for (const s of statements)
            await tx.execute(
              sql.raw(s.text.replace('$1', `'${String(s.params[0])}'`).replace('$2', `'${String(s.params[1])}'`)),
            );
        });
        assert.ok(log.join('').split(/r+/).length - 1 >= statements.length + 2, `drizzle: ${log.join('')}`);
      } finally {
        await client.end({ timeout: 1 });
      }
    });

    test('with the server\u2019s socket (socket.ts) the whole transaction, statements over 1 KiB included, leaves in ONE system call', async () => {
      const calls: string[] = [];
      const factory = coalescingSocketFactory();
      const client = postgres(db().url!, {
        max: 1,
        onnotice: () => {},
        socket: (options: never) => {
          const s = factory(options) as Socket & {
            _write: (...a: unknown[]) => void;
            _writev: (...a: unknown[]) => void;
          };
          // What reaches the kernel: _write is one write, _writev one writev of several buffers.
          const write = s._write.bind(s);
          const writev = s._writev.bind(s);
          s._write = (...a) => (calls.push('w'), write(...a));
          s._writev = (...a) => (calls.push('w'), writev(...a));
          s.prependListener('data', () => calls.push('r'));
          return s;
        },
      } as postgres.Options<{}>);
      try {
        const database = { kind: 'postgres', sql: client, pglite: null } as unknown as Database;
        const big = (agency: string): Statement => ({
          text: `select $1::text as pad, $2::text as agency`,
          params: ['x'.repeat(1500), agency],
        });
        const statements = [bump('co.a'), big('co.b'), big('co.c'), bump('co.a')];
        await runTransaction(database, [statements]);
        calls.length = 0;
        const rows = await runTransaction(database, [statements]);
        assert.equal(Number(rows[0]![3]![0]!.last), 4);
        assert.equal(calls.filter((c) => c === 'w').length, 1, `one write: ${calls.join('')}`);
        assert.match(calls.join(''), /^wr+$/);
        // Plain queries still go out and come back.
        assert.deepEqual(
          [...(await client`select ${'y'.repeat(2000)}::text as t`)].map((r) => r.t.length),
          [2000],
        );
      } finally {
        await client.end({ timeout: 1 });
      }
    });
  },
  { only: ['postgres'] },
);
