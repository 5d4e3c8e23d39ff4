import { type Command, UsageError } from '../io.ts';

/** `motcua migrate`: applies the database migrations (DATABASE_URL, or PGlite in MOTCUA_DATA_DIR). */
export const migrate: Command = async (args, io) => {
  if (args.length) throw new UsageError(`motcua migrate không nhận tham số / takes no arguments: ${args.join(' ')}`);
  const { runMigrate } = await import('@motcua/server');
  return runMigrate(io.stdout);
};
