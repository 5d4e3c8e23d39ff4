import { type Command, type CommandIO, UsageError } from './io.ts';

/** Subcommands, loaded on demand so that `motcua validate` does not start a database. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  // (each subcommand adds one line here)
  validate: {
    summary: 'kiểm tra định nghĩa thủ tục / validate procedure definitions',
    load: async () => (await import('./commands/validate.ts')).validate,
  },
  deadline: {
    summary: 'tính hạn giải quyết / compute a due instant',
    load: async () => (await import('./commands/deadline.ts')).deadline,
  },
  serve: { summary: 'chạy máy chủ / run the server', load: async () => (await import('./commands/serve.ts')).serve },
  migrate: {
    summary: 'cập nhật cơ sở dữ liệu / apply database migrations',
    load: async () => (await import('./commands/migrate.ts')).migrate,
  },
  import: {
    summary: 'công bố thủ tục từ tệp / publish procedure definitions from files',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  audit: {
    summary: 'kiểm tra chuỗi sự kiện hồ sơ / verify the tamper-evident event log (audit verify)',
    load: async () => (await import('./commands/audit.ts')).audit,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Cách dùng / usage: motcua <lệnh / command> [tham số / arguments]\n\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CommandIO): Promise<number | undefined> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`Lệnh không tồn tại / unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
