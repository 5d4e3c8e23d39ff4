import { isStatusCode, type StatusCode } from './statuses.ts';

/**
 * What a status asks of the applicant, for the colour and the words of a status badge: the
 * office is working, the applicant must act (supply documents, pay, collect the result), or it
 * is over — with the result, or without one (refused, withdrawn, stopped). A returned result is
 * `done`, never shown as a failure.
 */
export type StatusMeaning = 'in-progress' | 'needs-you' | 'done' | 'closed';

export const STATUS_MEANINGS = {
  1: 'in-progress',
  2: 'in-progress',
  3: 'closed',
  4: 'in-progress',
  5: 'needs-you',
  6: 'needs-you',
  7: 'closed',
  8: 'closed',
  9: 'needs-you',
  10: 'done',
} as const satisfies Record<StatusCode, StatusMeaning>;

export function statusMeaning(status: number): StatusMeaning {
  return isStatusCode(status) ? STATUS_MEANINGS[status] : 'in-progress';
}
