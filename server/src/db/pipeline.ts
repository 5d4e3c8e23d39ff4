import type { Database } from './client.ts';

/** One SQL statement with its parameters, already in the driver's form (see `insert-sql.ts`). */
export interface Statement {
  text: string;
  params: readonly unknown[];
}

export type Rows = Record<string, unknown>[];

/**
 * Runs `groups` of statements as ONE transaction and returns each statement's rows.
 *
 * On PostgreSQL the whole transaction — BEGIN, every statement, COMMIT — is written at once on a
 * reserved connection as named prepared statements: one round trip instead of one (or two: an
 * unprepared parameterised query costs postgres.js a Describe round trip first) per statement.
 * A failing statement aborts the transaction; the statements after it fail with 25P02 and COMMIT
 * then rolls back, so nothing is half-stored; the first real error is thrown.
 *
 * On PGlite (in process, no round trips) the statements run one after the other in a transaction.
 *
 * `between` (tests' fault points only): the groups are sent one by one, and `between(i)` runs after
 * group i and before the next (after the last: before COMMIT); a throw rolls everything back.
 */
export async function runTransaction(
  database: Database,
  groups: readonly (readonly Statement[])[],
  between?: (group: number) => Promise<void>,
): Promise<Rows[][]> {
  if (database.sql) return runPostgres(database.sql, groups, between);
  if (database.pglite) return runPglite(database.pglite, groups, between);
  throw new Error('runTransaction: no driver');
}

type PostgresSql = NonNullable<Database['sql']>;
type Reserved = Awaited<ReturnType<PostgresSql['reserve']>>;

/**
 * COMMIT, padded with a comment to postgres.js's 1 KiB write threshold: postgres.js holds a
 * smaller query until setImmediate, so a bare COMMIT left in a second write after the rest of
 * the pipeline; at 1 KiB it is written with the statements, and the coalescing socket
 * (`socket.ts`) sends the whole transaction in ONE writev. (PostgreSQL skips a comment in ~1 µs.)
 */
export const COMMIT = `commit /*${' '.repeat(1024)}*/`;

function send(conn: Reserved, s: Statement): Promise<Rows> {
  // prepare: the statement is parsed and planned once per connection, then only bound and executed.
  return conn.unsafe(s.text, s.params as never[], { prepare: true }) as unknown as Promise<Rows>;
}

/** The error that caused an aborted transaction, not the 25P02 echoes of the statements after it. */
function firstError(settled: PromiseSettledResult<unknown>[]): unknown {
  const failures = settled
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as { code?: string });
  return failures.find((e) => e?.code !== '25P02') ?? failures[0];
}

async function runPostgres(
  sql: PostgresSql,
  groups: readonly (readonly Statement[])[],
  between?: (group: number) => Promise<void>,
): Promise<Rows[][]> {
  const conn = await sql.reserve();
  try {
    if (!between) {
      const flat = groups.flat();
      // postgres.js queries run when first awaited: allSettled starts them in array order, on one connection.
      const settled = await Promise.allSettled([
        conn.unsafe('begin'),
        ...flat.map((s) => send(conn, s)),
        conn.unsafe(COMMIT),
      ]);
      if (settled.some((r) => r.status === 'rejected')) throw firstError(settled);
      const rows = settled.slice(1, -1).map((r) => plain((r as PromiseFulfilledResult<Rows>).value));
      let i = 0;
      return groups.map((g) => g.map(() => rows[i++]!));
    }
    await conn.unsafe('begin');
    try {
      const out: Rows[][] = [];
      for (const [i, group] of groups.entries()) {
        const settled = await Promise.allSettled(group.map((s) => send(conn, s)));
        if (settled.some((r) => r.status === 'rejected')) throw firstError(settled);
        out.push(settled.map((r) => plain((r as PromiseFulfilledResult<Rows>).value)));
        await between(i);
      }
      await conn.unsafe('commit');
      return out;
    } catch (err) {
      await conn.unsafe('rollback').catch(() => {});
      throw err;
    }
  } finally {
    conn.release();
  }
}

async function runPglite(
  pglite: NonNullable<Database['pglite']>,
  groups: readonly (readonly Statement[])[],
  between?: (group: number) => Promise<void>,
): Promise<Rows[][]> {
  return pglite.transaction(async (tx) => {
    const out: Rows[][] = [];
    for (const [i, group] of groups.entries()) {
      const rows: Rows[] = [];
      for (const s of group)
        rows.push(plain((await tx.query<Record<string, unknown>>(s.text, s.params as unknown[])).rows));
      out.push(rows);
      await between?.(i);
    }
    return out;
  });
}

/** Plain objects on both drivers (postgres.js rows are not), as `execute` returns. */
function plain(rows: Rows): Rows {
  return rows.map((r) => (Object.getPrototypeOf(r) === Object.prototype ? r : { ...r }));
}
