import type { Message } from '../i18n/text.ts';

/**
 * One problem found in some input: where (a JSON pointer into that input, "" for the whole) and
 * what, in Vietnamese and English. Every validator in motcua reports these.
 */
export interface Issue {
  pointer: string;
  message: Message;
  /** A stable machine-readable code (ajv keyword or one of ours, e.g. "unknown-field"). */
  code: string;
}
