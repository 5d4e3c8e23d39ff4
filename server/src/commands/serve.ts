import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, type ServerConfig } from '../config/config.ts';
import { runPrimary, runWorker } from './cluster.ts';
import { startServer, type RunningServer } from '../server.ts';
import { formatLogins } from '../seed/seed.ts';
import { demoAccounts, readProvince } from '../seed/demo-province.ts';

export interface Out {
  write(s: string): unknown;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  seed?: boolean;
  /** Sample dossiers when the demo is first created (overrides MOTCUA_DEMO_SAMPLES). */
  samples?: number;
  /** Server processes (node:cluster); default MOTCUA_WORKERS, else the CPU count on PostgreSQL, 1 on PGlite. */
  workers?: number;
}

/** How many server processes: PGlite is one process; PostgreSQL defaults to one per CPU. */
export function workerCount(config: ServerConfig, requested?: number): number {
  const n = requested ?? config.workers ?? (config.databaseUrl ? availableParallelism() : 1);
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(`--workers: cần số nguyên ≥ 1 / must be an integer ≥ 1 (got ${n})`);
  if (n > 1 && !config.databaseUrl) {
    throw new ConfigError(
      `--workers ${n}: cơ sở dữ liệu nhúng (PGlite) chỉ chạy trong một tiến trình; hãy đặt DATABASE_URL để chạy nhiều tiến trình / the embedded database (PGlite) is one process: set DATABASE_URL for several workers`,
    );
  }
  return n;
}

/**
 * `motcua serve`: starts the server, prints where it is and the demo logins, stops on SIGINT/SIGTERM.
 * With several workers this process becomes the cluster's primary (it returns null) and each worker
 * runs this same command as one server.
 */
export async function runServe(
  options: ServeOptions,
  out: Out,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningServer | null> {
  const overrides: Partial<ServerConfig> = {};
  if (options.seed === false) overrides.seedDemo = false;
  if (options.samples !== undefined) overrides.demoSamples = options.samples;
  const config = loadConfig(env, overrides);
  const where = {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host ? { host: options.host } : {}),
  };
  if (cluster.isWorker && env.MOTCUA_WORKER === '1') return runWorker(config, { ...where, banner });
  const workers = workerCount(config, options.workers);
  if (workers > 1) {
    await runPrimary(config, { ...where, workers, banner, out });
    return null;
  }
  const server = await startServer({
    config,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host ? { host: options.host } : {}),
  });
  out.write(banner(server));
  const stop = async (signal: string) => {
    server.ctx.log.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return server;
}

export function banner(server: RunningServer): string {
  const u = server.url;
  const lines = [
    '',
    `motcua đang chạy / is running at ${u}`,
    `  Cán bộ / staff workspace:       ${u}/staff/`,
    `  Tài liệu API / API docs:        ${u}/api/v1/docs`,
    `  OpenAPI:                        ${u}/api/v1/openapi.json`,
    `  API công dân / citizen API:     ${u}/api/v1/public/procedures`,
    `  Trang mẫu / sample site:        ${u}/site/`,
    `  Thành phần nhúng / embed:       ${u}/embed/motcua.js`,
    `  Thiết kế thủ tục / designer:    ${u}/designer/`,
    `  Cơ sở dữ liệu / database:       ${server.ctx.database.describe}`,
    `  Thư điện tử / e-mail:           ${server.notifications.mail}`,
    `  Tin nhắn / SMS:                 ${server.notifications.sms}`,
    '',
  ];
  if (server.demoPayments)
    lines.push(
      'Thanh toán trực tuyến mô phỏng / simulated online payment (hồ sơ nộp phí trước / dossiers with fees due first):',
      `  VNPay (mô phỏng / simulator):   ${server.demoPayments.vnpay}`,
      `  PayGov (mô phỏng / simulator):  ${server.demoPayments.paygov}`,
      '',
    );
  if (server.seed) {
    lines.push(formatLogins(server.seed.accounts, server.seed.password));
    if (server.seed.loginsFile) lines.push(`(đã lưu / saved in ${server.seed.loginsFile})`);
    lines.push(
      `Thủ tục đã công bố / published procedures: ${server.seed.procedures.map((p) => `${p.code} v${p.version}`).join(', ') || '—'}`,
    );
    const s = server.seed.samples;
    if (s)
      lines.push(
        `Hồ sơ mẫu 12 tháng qua / sample dossiers of the past 12 months: ${s.dossiers} (${s.open} đang giải quyết / open, ${s.overdue} quá hạn / overdue; ${(s.ms / 1000).toFixed(1)} s; MOTCUA_DEMO_SAMPLES=0: không tạo / none)`,
      );
    lines.push('');
  } else if (server.ctx.config.seedDemo) {
    const accounts = demoAccounts(readProvince());
    lines.push(
      `Tài khoản demo / demo accounts: ${accounts
        .slice(0, 4)
        .map((a) => a.username)
        .join(', ')}, … (${accounts.length})`,
      `Mật khẩu đã in khi khởi tạo lần đầu, lưu tại / the password was printed at first start and saved in ${server.ctx.config.dataDir}/demo-logins.txt`,
      '',
    );
  }
  return lines.join('\n') + '\n';
}
