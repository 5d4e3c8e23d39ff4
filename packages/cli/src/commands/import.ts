import { type Command, UsageError } from '../io.ts';

/** `motcua import FILE…`: publishes procedure definitions (logic in @motcua/server). */
export const importCommand: Command = async (args, io) => {
  if (!args.length) throw new UsageError('Cách dùng / usage: motcua import FILE…');
  const { runImport } = await import('@motcua/server');
  return runImport(args, io.stdout, io.stderr);
};
