import type { Issue } from '../../model/issue.ts';

/** Builds an issue; every check speaks Vietnamese first, English second. */
export function issue(pointer: string, code: string, vi: string, en: string): Issue {
  return { pointer, code, message: { vi, en } };
}
