/**
 * The citizen API's types, from the contract (@motcua/api). Type-only: nothing of the contract's
 * schemas reaches the bundle.
 */
export type {
  ErrorBody,
  PublicAgency,
  PublicProcedure as ProcedureView,
  SubmissionResponse as SubmitResponse,
  TrackingView,
} from '@motcua/api';
