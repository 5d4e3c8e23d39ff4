/** PostgreSQL error codes we react to (both drivers expose `code` on the error or its cause). */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const c =
      (e as { constraint_name?: unknown; constraint?: unknown }).constraint_name ??
      (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * An error as it may be logged. A failed statement's error (drizzle's DrizzleQueryError) carries
 * the statement's parameters in its message, and PostgreSQL's own message may quote a value:
 * both hold personal data (names, ID numbers). What is kept is what a maintainer needs — the SQL
 * text with its placeholders, the SQLSTATE, the constraint, table and column, the stack frames.
 */
export function loggableError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const query = (err as { query?: unknown }).query;
  if (typeof query !== 'string') return err;
  const cause = (err as { cause?: unknown }).cause as Record<string, unknown> | undefined;
  const pick = (k: string) => (cause && typeof cause[k] === 'string' ? (cause[k] as string) : undefined);
  return {
    type: 'FailedStatement',
    message: 'Failed query (parameters not logged)',
    query,
    code: pgErrorCode(err),
    constraint: pgConstraint(err),
    table: pick('table_name') ?? pick('table'),
    column: pick('column_name') ?? pick('column'),
    severity: pick('severity'),
    stack: (err.stack ?? '')
      .split('\n')
      .filter((l) => l.trimStart().startsWith('at '))
      .join('\n'),
  };
}
