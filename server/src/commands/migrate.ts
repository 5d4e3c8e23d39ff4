import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import type { Out } from './serve.ts';

/** `motcua migrate`: applies pending migrations to the configured database and exits. */
export async function runMigrate(out: Out, env: Record<string, string | undefined> = process.env): Promise<number> {
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
  try {
    await migrateDatabase(database);
    const count = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).length;
    out.write(`Đã áp dụng các bản chuyển đổi / migrations applied (${count}) — ${database.describe}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
