import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** The PostgreSQL the tests use (trust auth); each suite creates and drops its own database in it. */
export const POSTGRES_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a fresh, empty PostgreSQL database; fails (never skips) when the server is unreachable. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (err) {
    await admin.end({ timeout: 1 });
    throw new Error(
      `PostgreSQL at ${POSTGRES_URL} is required for the server tests and is unreachable: ${(err as Error).message}`,
    );
  }
  await admin.end({ timeout: 1 });
  const url = withDatabase(POSTGRES_URL, name);
  return {
    url,
    drop: async () => {
      const a = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 1 });
      }
    },
  };
}
