import { loadConfig, type ServerConfig } from '../config/config.ts';
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
}

/** `motcua serve`: starts the server, prints where it is and the demo logins, stops on SIGINT/SIGTERM. */
export async function runServe(options: ServeOptions, out: Out, env: Record<string, string | undefined> = process.env): Promise<RunningServer> {
  const overrides: Partial<ServerConfig> = {};
  if (options.seed === false) overrides.seedDemo = false;
  const config = loadConfig(env, overrides);
  const server = await startServer({ config, ...(options.port !== undefined ? { port: options.port } : {}), ...(options.host ? { host: options.host } : {}) });
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
    `  Tài liệu API / API docs:        ${u}/api/v1/docs`,
    `  OpenAPI:                        ${u}/api/v1/openapi.json`,
    `  API công dân / citizen API:     ${u}/api/v1/public/procedures`,
    `  Trang mẫu / sample site:        ${u}/site/`,
    `  Thành phần nhúng / embed:       ${u}/embed/motcua.js`,
    `  Cơ sở dữ liệu / database:       ${server.ctx.database.describe}`,
    '',
  ];
  if (server.seed) {
    lines.push(formatLogins(server.seed.accounts, server.seed.password));
    if (server.seed.loginsFile) lines.push(`(đã lưu / saved in ${server.seed.loginsFile})`);
    lines.push(`Thủ tục đã công bố / published procedures: ${server.seed.procedures.map((p) => `${p.code} v${p.version}`).join(', ') || '—'}`, '');
  } else if (server.ctx.config.seedDemo) {
    const accounts = demoAccounts(readProvince());
    lines.push(
      `Tài khoản demo / demo accounts: ${accounts.slice(0, 4).map((a) => a.username).join(', ')}, … (${accounts.length})`,
      `Mật khẩu đã in khi khởi tạo lần đầu, lưu tại / the password was printed at first start and saved in ${server.ctx.config.dataDir}/demo-logins.txt`,
      '',
    );
  }
  return lines.join('\n') + '\n';
}
