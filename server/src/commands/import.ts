import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.ts';
import { createContext } from '../server.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { HttpError } from '../http/errors.ts';
import { importDefinition } from '../procedures/import-definition.ts';
import { importLegacyDossiers } from '../intake/legacy-import.ts';
import type { Out } from './serve.ts';

/**
 * `motcua import FILE…`: publishes each procedure definition as the next version of its procedure.
 * Prints one line per file (and each issue with its JSON pointer); exit 1 when any file failed.
 * With the embedded database, stop the server first (PGlite is single-process).
 */
export async function runImport(
  paths: string[],
  out: Out,
  err: Out,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const ctx = await createContext({ config: loadConfig(env) });
  let failed = 0;
  try {
    await migrateDatabase(ctx.database);
    for (const path of paths) {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (e) {
        failed++;
        err.write(`${path}: không đọc được JSON / cannot read JSON: ${(e as Error).message}\n`);
        continue;
      }
      if (json && typeof json === 'object' && Array.isArray((json as { dossiers?: unknown }).dossiers)) {
        // A legacy export: dossiers keep their original codes.
        const outcome = await importLegacyDossiers(ctx, (json as { dossiers: unknown[] }).dossiers, () => true);
        for (const d of outcome.imported)
          out.write(`${path}: ${d.code} (trạng thái / status ${d.status}) mã tra cứu / tracking secret ${d.secret}\n`);
        for (const f of outcome.failed) {
          failed++;
          err.write(`${path}: hồ sơ / dossier #${f.index} ${f.code ?? ''}\n`);
          for (const i of f.issues) err.write(`  ${i.pointer || '/'}: ${i.message.vi} / ${i.message.en}\n`);
        }
        continue;
      }
      try {
        const v = await importDefinition(ctx, json);
        out.write(
          `${path}: đã công bố / published ${v.code} v${v.version} (hiệu lực từ / effective ${v.effectiveFrom})\n`,
        );
      } catch (e) {
        failed++;
        if (e instanceof HttpError) {
          err.write(`${path}: ${e.userMessage.vi} / ${e.userMessage.en}\n`);
          for (const i of e.issues ?? []) err.write(`  ${i.pointer || '/'}: ${i.message.vi} / ${i.message.en}\n`);
        } else {
          err.write(
            `${path}: ${String((e as Error).message)
              .split('\n')[0]!
              .slice(0, 300)}\n`,
          );
        }
      }
    }
  } finally {
    await ctx.database.close();
  }
  return failed ? 1 : 0;
}
