import type { Issue, Lang, Message, NotifyChannel, SchemaEvaluator } from '@motcua/core';
import type { ProcedureView, SubmitResponse } from '../../api/types.ts';
import type { PickedFile } from './picked-files.ts';
import type { Draft } from './drafts.ts';

/**
 * What <motcua-form> renders and submits, however it came: loaded from a server (a published
 * version) or given as properties (a draft in the designer's preview, the staff counter).
 */
export interface FormProcedure extends Pick<
  ProcedureView,
  'code' | 'version' | 'procedure' | 'agencies' | 'calendars'
> {
  evaluator: SchemaEvaluator;
  submit: SubmitHandler;
  /** Whose drafts (the server's origin): the form's drafts are kept under it and the procedure's code. */
  draftScope: string;
}

/** What the form hands to its submit handler. */
export interface FormSubmission {
  /** The procedure version the form was filled for (0 for a definition given without a version). */
  version: number;
  /** The receiving agency, when the applicant chooses it. */
  agency?: string;
  data: unknown;
  /** The files of the documents that apply, in order. */
  files: { document: string; file: File }[];
  /** How the applicant wants to hear about the dossier: to the e-mail or phone in their answers. */
  notify?: { channels: NotifyChannel[]; lang: Lang };
  /** The same while the same attempt is retried; a new one after a definite rejection. */
  idempotencyKey: string;
}

/**
 * Sends a submission and answers as the public API does (its 201 body). A failure throws an
 * `ApiError`-like object: `{ status, code, text|message: {vi, en}, issues: [{pointer, code, message}] }`
 * (status 0: no answer, the attempt may have succeeded).
 */
export type SubmitHandler = (
  submission: FormSubmission,
  progress: (loaded: number, total: number) => void,
) => Promise<SubmitResponse>;

export type Phase = 'loading' | 'load-error' | 'form' | 'receipt';

/** What the last submission attempt tells about its Idempotency-Key. */
export interface Attempt {
  key: string;
  /** 'rejected': the server answered that nothing was created (4xx): the next attempt takes a new key.
   *  'unknown': no answer or a server failure: the dossier may exist, so retries keep the key. */
  outcome: 'pending' | 'rejected' | 'unknown';
}

export interface SubmitFailure {
  kind: 'network' | 'http' | 'conflict';
  message: Message;
  status: number;
}

/** What the receipt shows: the answer to a submission, and when it was sent. */
export interface Receipt extends SubmitResponse {
  submittedAt: number;
}

/** The form's state: what its views (form-view.ts) show. */
export interface FormState {
  phase: Phase;
  form: FormProcedure | null;
  data: unknown;
  chosen: string | undefined;
  files: ReadonlyMap<string, readonly PickedFile[]>;
  consent: boolean;
  /** The channels the applicant ticked for notifications. */
  notify: readonly NotifyChannel[];
  restored: Draft | null;
  loadError: string;
  submitting: boolean;
  progress: { loaded: number; total: number } | null;
  failure: SubmitFailure | null;
  /** Issues from the server or from checks outside the inner form: /agency, /documents/…, general. */
  serverIssues: readonly Issue[];
  summary: readonly Issue[] | null;
  showMissing: boolean;
  receipt: Receipt | null;
  atEnd: boolean;
  copied: boolean;
}

export interface SubmittedDetail {
  code: string;
  procedure: string;
  version: number;
  status: number;
}

export interface LoadedDetail {
  procedure: string;
  version: number;
  title: string;
}

/** The answers and the chosen agency after the applicant changed either (a host may follow them). */
export interface InputDetail {
  data: unknown;
  agency: string | null;
}

export interface ErrorDetail {
  stage: 'load' | 'submit' | 'lookup' | 'supplement' | 'withdraw' | 'download';
  kind: 'network' | 'http' | 'invalid-response' | 'validators' | 'conflict';
  status: number;
  code: string;
  message: string;
}
