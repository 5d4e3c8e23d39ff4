import { createPrecompiledEvaluator, type CompiledValidator } from '@motcua/core';
import type { NotifyChoice, PublicProcedure, SubmissionResponse } from '@motcua/api';
import { ApiError } from '@motcua/api/client';
import type { StaffData } from '../data/staff-data.ts';

/** What <motcua-form> hands its submit handler (its data-in contract). */
interface FormSubmission {
  version: number;
  agency?: string;
  data: unknown;
  files: { document: string; file: File }[];
  idempotencyKey: string;
  notify?: NotifyChoice;
}

/**
 * The one place that gives <motcua-form> a procedure as data (`definition`, `version`,
 * `evaluator`, `agencies`, `calendars`, the found applicant as `initialData`) and a `submitHandler` that sends the dossier as a counter
 * intake through StaffData: the form, its documents checklist with the scans, its fees and its
 * checks are the citizen form's own.
 */
export async function configureCounterForm(
  form: HTMLElement,
  data: StaffData,
  agency: string,
  view: PublicProcedure,
  channel: () => 'direct' | 'postal',
  initialData?: Record<string, unknown>,
  /** Told the server's answer, tracking secret included, before the form shows its receipt. */
  onSaved?: (res: SubmissionResponse) => void,
): Promise<void> {
  const validators = (await data.validators(view.validators)) as Record<string, CompiledValidator>;
  Object.assign(form, {
    definition: view.procedure,
    version: view.version,
    evaluator: createPrecompiledEvaluator(validators),
    agencies: view.agencies,
    calendars: view.calendars,
    kiosk: false,
    // The clerk's own agency is the receiving one when the procedure lets the applicant choose.
    agency,
    // At the counter the documents asked are the channel's (the paper declaration, say).
    channel: channel(),
    initialData,
    submitHandler: async (s: FormSubmission): Promise<SubmissionResponse> => {
      try {
        const res = await data.counterSubmit(
          agency,
          view.code,
          {
            version: s.version,
            ...(s.agency ? { agency: s.agency } : {}),
            channel: channel(),
            data: s.data as Record<string, unknown>,
            // What the applicant at the counter asked for: the receipt and what follows by e-mail or SMS.
            ...(s.notify ? { notify: s.notify } : {}),
          },
          s.files,
          s.idempotencyKey,
        );
        onSaved?.(res);
        return res;
      } catch (e) {
        // The form's handler contract: an object with status, code, message { vi, en } and issues.
        if (e instanceof ApiError)
          throw { status: e.status, code: e.code, message: e.body.error.message, issues: e.issues };
        throw { status: 0, code: 'network', message: { vi: 'Không kết nối được máy chủ.', en: 'No answer.' } };
      }
    },
  });
}
