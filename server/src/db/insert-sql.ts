import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Statement } from './pipeline.ts';

/**
 * A multi-row INSERT as a plain statement, from the drizzle schema (column names, and each value
 * mapped to the driver exactly as drizzle maps it: JSON text for jsonb, ISO text for timestamps).
 * The SQL text depends only on the table, the columns given, the row count and `tail`, so it is
 * built once and the database prepares it once per connection — drizzle's builder would rebuild
 * the SQL on every call. Columns are those present (not undefined) in the first row; every row
 * must have them.
 */
export function insertSql<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], tail = ''): Statement {
  if (!rows.length) throw new Error('insertSql: no rows');
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const first = rows[0] as Record<string, unknown>;
  const keys = Object.keys(columns).filter((k) => first[k] !== undefined);
  const cacheKey = `${getTableName(table)}|${keys.join(',')}|${rows.length}|${tail}`;
  let text = texts.get(cacheKey);
  if (!text) {
    let n = 0;
    const tuples = rows.map(() => `(${keys.map(() => `$${++n}`).join(', ')})`);
    text = `insert into "${getTableName(table)}" (${keys.map((k) => `"${columns[k]!.name}"`).join(', ')}) values ${tuples.join(', ')}${tail ? ` ${tail}` : ''}`;
    if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value!);
    texts.set(cacheKey, text);
  }
  const params: unknown[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    for (const k of keys) {
      const v = row[k];
      if (v === undefined) throw new Error(`insertSql: ${getTableName(table)}.${k} missing in a row`);
      params.push(v === null ? null : columns[k]!.mapToDriverValue(v));
    }
  }
  return { text, params };
}

// Shapes are few (tables × column sets × row counts); the bound only guards against misuse.
const MAX_TEXTS = 500;
const texts = new Map<string, string>();

/**
 * Several INSERTs (from `insertSql`, without RETURNING) as ONE statement: each but the last in a
 * data-modifying WITH, their parameters renumbered in order. On PostgreSQL every statement costs
 * its own Parse/Bind/Execute, executor start-up, Sync and ReadyForQuery (a flush to the client);
 * one statement costs them once. Foreign keys between the rows hold: PostgreSQL checks them at the
 * end of the statement, when every row of it is there. A failure fails the whole statement (the
 * transaction aborts either way). The SQL text is built once per combination.
 */
export function combineInserts(statements: readonly Statement[]): Statement {
  if (statements.length === 1) return statements[0]!;
  const cacheKey = statements.map((s) => s.text).join('\u0000');
  let text = combined.get(cacheKey);
  if (!text) {
    let offset = 0;
    const parts = statements.map((s) => {
      if (!/^insert into /.test(s.text) || / returning /i.test(s.text))
        throw new Error('combineInserts: INSERTs without RETURNING only');
      const at = offset;
      offset += s.params.length;
      return s.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + at}`);
    });
    const last = parts.pop()!;
    text = `with ${parts.map((p, i) => `i${i} as (${p})`).join(', ')} ${last}`;
    if (combined.size >= MAX_TEXTS) combined.delete(combined.keys().next().value!);
    combined.set(cacheKey, text);
  }
  return { text, params: statements.flatMap((s) => s.params) };
}

const combined = new Map<string, string>();
