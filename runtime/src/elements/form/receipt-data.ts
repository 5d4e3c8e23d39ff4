import type { SubmitResponse } from '../../api/types.ts';

/** What the receipt shows: the server's answer to a submission, and when it was sent. */
export interface Receipt extends SubmitResponse {
  submittedAt: number;
}
