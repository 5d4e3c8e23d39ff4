/**
 * `motcua validate FILE…`: checks procedure definitions with core's validateProcedure (the same
 * checks the server runs on drafts and at publishing). Exit 0 when every file is valid, 1 when
 * any is invalid or unreadable, 2 for bad arguments.
 */
import { readFileSync } from 'node:fs';
import { validateProcedure } from '@motcua/core/validate';
import type { Issue, Message } from '@motcua/core';
import { type Command, type CommandIO, UsageError } from '../io.ts';
import { parseJsonSource, type Position } from '@motcua/core/json-source';

const HELP = `Cách dùng / usage:
  motcua validate [--json] TỆP/FILE…

Kiểm tra các tệp định nghĩa thủ tục (JSON): lược đồ, tham chiếu tới trường của tờ khai, quy trình,
điều kiện… In mỗi lỗi kèm tệp, dòng:cột, con trỏ JSON và thông báo (tiếng Việt / tiếng Anh).
Checks procedure definition files (JSON): schema, references to form fields, workflow, conditions…
Prints each error with its file, line:column, JSON pointer and message (Vietnamese / English).

  --json    in kết quả dạng JSON / print the results as JSON

Mã thoát / exit code: 0 hợp lệ / all valid, 1 có lỗi / some invalid or unreadable, 2 sai tham số / bad arguments
`;

export interface FileIssue extends Issue {
  line: number;
  column: number;
}

export interface FileResult {
  file: string;
  valid: boolean;
  issues: FileIssue[];
}

export const validate: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) throw new UsageError(`Tham số không hợp lệ / unknown option: ${unknown}\n\n${HELP}`);
  if (files.length === 0) throw new UsageError(`Chưa chỉ định tệp / no files given\n\n${HELP}`);

  const results = files.map(validateFile);
  if (json) io.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else print(results, io);
  return results.every((r) => r.valid) ? 0 : 1;
};

/** Reads, parses and validates one file; every failure becomes an issue with a position. */
export function validateFile(file: string): FileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      file,
      valid: false,
      issues: [{ pointer: '', code: 'unreadable', message: readError(err), line: 0, column: 0 }],
    };
  }
  const parsed = parseJsonSource(text);
  if (!parsed.ok) {
    return {
      file,
      valid: false,
      issues: [{ pointer: '', code: 'json-syntax', message: parsed.message, ...parsed.position }],
    };
  }
  const { issues } = validateProcedure(parsed.value);
  return { file, valid: issues.length === 0, issues: issues.map((i) => ({ ...i, ...parsed.locate(i.pointer) })) };
}

function readError(err: unknown): Message {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { vi: 'Không tìm thấy tệp', en: 'File not found' };
  if (code === 'EISDIR') return { vi: 'Đây là thư mục, không phải tệp', en: 'This is a directory, not a file' };
  if (code === 'EACCES' || code === 'EPERM') return { vi: 'Không có quyền đọc tệp', en: 'Permission denied' };
  const detail = err instanceof Error ? err.message : String(err);
  return { vi: `Không đọc được tệp: ${detail}`, en: `Cannot read the file: ${detail}` };
}

function print(results: readonly FileResult[], io: CommandIO): void {
  for (const r of results) {
    if (r.valid) {
      io.stdout.write(`${r.file}: hợp lệ / valid\n`);
      continue;
    }
    for (const i of r.issues) {
      const where = i.line > 0 ? `${r.file}:${at(i)}` : r.file;
      const pointer =
        i.code === 'unreadable' || i.code === 'json-syntax' ? '' : ` ${i.pointer === '' ? '(gốc / root)' : i.pointer}`;
      io.stdout.write(`${where}${pointer} [${i.code}]\n    ${i.message.vi} / ${i.message.en}\n`);
    }
  }
  const invalid = results.filter((r) => !r.valid).length;
  const errors = results.reduce((n, r) => n + r.issues.length, 0);
  io.stdout.write(
    invalid === 0
      ? `\n${results.length} tệp hợp lệ / ${results.length} file(s) valid\n`
      : `\n${invalid}/${results.length} tệp có lỗi (${errors} lỗi) / ${invalid} of ${results.length} file(s) invalid (${errors} error(s))\n`,
  );
}

function at(p: Position): string {
  return `${p.line}:${p.column}`;
}
