import type { TSchema } from '@sinclair/typebox';
import { createAjvEvaluator } from '@motcua/core/ajv';
import {
  isValidTimeZone,
  schemaErrorMessage,
  schemaErrorPointer,
  type Issue,
  type JsonSchema,
  type Message,
} from '@motcua/core';

/**
 * Input checks for the renderers, with core's bilingual messages. A slip is a legal document: a
 * missing field must stop the rendering with a pointer, never print "undefined".
 */
export class PrintInputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`Invalid print input: ${issues.map((x) => `${x.pointer || '/'} ${x.message.en}`).join('; ')}`);
    this.name = 'PrintInputError';
  }
}

const evaluator = createAjvEvaluator();

export function schemaIssues(schema: TSchema, data: unknown): Issue[] {
  return evaluator.validate(schema as unknown as JsonSchema, data).map((e) => ({
    pointer: schemaErrorPointer(e),
    message: schemaErrorMessage(e),
    code: e.keyword,
  }));
}

export function assertValid(schema: TSchema, data: unknown, extra: (data: never) => Issue[] = () => []): void {
  const issues = schemaIssues(schema, data);
  if (issues.length === 0) issues.push(...extra(data as never));
  if (issues.length > 0) throw new PrintInputError(issues);
}

export function issue(pointer: string, code: string, message: Message): Issue {
  return { pointer, code, message };
}

/** The issuing agency's time zone must be one `Intl` knows: every date of the document is its wall clock. */
export function timeZoneIssues(agency: { timeZone: string }): Issue[] {
  if (isValidTimeZone(agency.timeZone)) return [];
  return [
    issue('/agency/timeZone', 'time-zone', {
      vi: `Múi giờ "${agency.timeZone}" không tồn tại (dùng tên IANA, ví dụ "Asia/Ho_Chi_Minh")`,
      en: `Unknown time zone "${agency.timeZone}" (use an IANA name, e.g. "Asia/Ho_Chi_Minh")`,
    }),
  ];
}

/** `later` must not be before `earlier` (both ISO instants). */
export function orderIssue(data: Record<string, unknown>, earlier: string, later: string, message: Message): Issue[] {
  const a = data[earlier];
  const b = data[later];
  if (typeof a !== 'string' || typeof b !== 'string') return [];
  return Date.parse(b) < Date.parse(a) ? [issue(`/${later}`, 'order', message)] : [];
}
