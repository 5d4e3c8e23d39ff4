import { type Command, UsageError } from '../io.ts';

/** `motcua serve [--port N] [--host H] [--no-seed] [--samples N] [--workers N]`: runs the server (logic in @motcua/server). */
export const serve: Command = async (args, io) => {
  const options: { port?: number; host?: string; seed?: boolean; samples?: number; workers?: number } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--port') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new UsageError('--port: cần một số cổng 0–65535 / expects a port number 0–65535');
      options.port = n;
    } else if (a === '--host') {
      const h = args[++i];
      if (!h) throw new UsageError('--host: thiếu địa chỉ / missing address');
      options.host = h;
    } else if (a === '--no-seed') {
      options.seed = false;
    } else if (a === '--samples') {
      // Sample dossiers of a newly created demo (MOTCUA_DEMO_SAMPLES); 0: none.
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 5000)
        throw new UsageError('--samples: cần số hồ sơ mẫu 0–5000 / expects a number of sample dossiers 0–5000');
      options.samples = n;
    } else if (a === '--workers') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 256)
        throw new UsageError('--workers: cần số tiến trình 1–256 / expects a number of processes 1–256');
      options.workers = n;
    } else {
      throw new UsageError(
        `Tham số không hợp lệ / unknown argument: ${a}\nmotcua serve [--port N] [--host H] [--no-seed] [--samples N] [--workers N]`,
      );
    }
  }
  const { runServe } = await import('@motcua/server');
  await runServe(options, io.stdout);
  return undefined;
};
