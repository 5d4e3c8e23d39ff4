import { type Command, UsageError } from '../io.ts';

const USAGE = 'Cách dùng / usage: motcua audit verify [--dossier CODE] [--json] [--no-state]';

/** `motcua audit verify`: checks the tamper-evident event log (logic in @motcua/server). */
export const audit: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(USAGE);
  const options: { code?: string; json?: boolean; checkState?: boolean } = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') options.json = true;
    else if (a === '--no-state') options.checkState = false;
    else if (a === '--dossier' && rest[i + 1]) options.code = rest[++i]!;
    else if (a.startsWith('--dossier=')) options.code = a.slice('--dossier='.length);
    else throw new UsageError(`${USAGE}\nTham số không hợp lệ / unknown argument: ${a}`);
  }
  const { runAuditVerify } = await import('@motcua/server/audit');
  return runAuditVerify(options, io.stdout, io.stderr);
};
