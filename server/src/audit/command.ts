import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { verifyChains } from './verify.ts';

export interface Out {
  write(s: string): unknown;
}

export interface AuditVerifyOptions {
  code?: string;
  json?: boolean;
  checkState?: boolean;
}

/**
 * `motcua audit verify`: checks every dossier's event chain in the configured database and names
 * the first broken link of each. Exit code 0 when every chain holds, 1 otherwise.
 */
export async function runAuditVerify(
  options: AuditVerifyOptions,
  out: Out,
  err: Out,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pgdata`, max: 2 });
  try {
    await migrateDatabase(database);
    const started = Date.now();
    const result = await verifyChains(database.db, {
      ...(options.code !== undefined ? { code: options.code } : {}),
      ...(options.checkState !== undefined ? { checkState: options.checkState } : {}),
    });
    if (options.json) {
      out.write(`${JSON.stringify({ ok: result.broken.length === 0, ...result }, null, 2)}\n`);
    } else {
      for (const b of result.broken) {
        err.write(
          `✗ ${b.code ?? b.dossierId}${b.seq !== null ? ` #${b.seq}` : ''} [${b.kind}] ${b.message.vi} / ${b.message.en}\n`,
        );
      }
      const summary = `${result.dossiers} hồ sơ, ${result.events} sự kiện / dossiers, events — ${database.describe} — ${Date.now() - started} ms`;
      if (result.broken.length)
        out.write(
          `Chuỗi sự kiện bị phá vỡ ở ${result.broken.length} hồ sơ / broken chains in ${result.broken.length} dossiers (${summary})\n`,
        );
      else out.write(`Mọi chuỗi sự kiện đều toàn vẹn / every event chain holds (${summary})\n`);
    }
    return result.broken.length ? 1 : 0;
  } finally {
    await database.close();
  }
}
