import type { Procedure } from '../model/procedure.ts';
import type { Issue } from '../model/issue.ts';
import type { SchemaEvaluator } from '../conditions/evaluator.ts';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { resolveReceivingAgency, type AgencyResolution } from '../agencies/receiving-agency.ts';
import { validateApplicantData } from './applicant-data.ts';
import { checkDocuments, type ProvidedFile } from './documents.ts';
import type { Channel } from '../vocabulary/channels.ts';
import { DERIVED_KEY, withDerived } from './derived.ts';

/** What an applicant sends: the form data, the agency they chose (if any), the files per document id. */
export interface SubmissionToCheck {
  data: unknown;
  agency?: string | undefined;
  documents: Readonly<Record<string, readonly ProvidedFile[]>>;
}

export interface SubmissionCheckOptions {
  /**
   * The agencies the receiving rule resolves in. Without it the chosen agency is not checked
   * (the caller's workflow does it).
   */
  directory?: AgencyDirectory;
  /**
   * The receiving rule to apply when the caller sees a narrower one than the procedure's (a
   * browser sees only the agencies the server listed for it). Default: the procedure's own.
   */
  receiving?: Procedure['receiving'];
  /**
   * The submission instant (epoch ms) from which the procedure's derived values are computed for
   * the documents' conditions (`withDerived`): the browser passes "now", the server its receipt time.
   */
  submittedAt?: number;
  /** The channel the dossier is filed through; it decides which documents are asked. Default: online. */
  channel?: Channel;
}

/**
 * Is this submission acceptable? Every problem at once, with pointers into the submission
 * `{ data, agency, documents }`: the form data (schema, the applicant's name, fee quantities —
 * `validateApplicantData`), the receiving agency (when a directory is given), the documents and
 * their files (`checkDocuments`). The server re-validates with this function what the browser
 * checked with it; fees need no check of their own: data that passes cannot make `computeFees`
 * throw.
 */
export function checkSubmission(
  procedure: Procedure,
  submission: SubmissionToCheck,
  evaluator: SchemaEvaluator,
  options: SubmissionCheckOptions = {},
): Issue[] {
  let issues = validateApplicantData(procedure, submission.data, evaluator);
  const sent = submission.data;
  if (typeof sent === 'object' && sent !== null && Object.prototype.hasOwnProperty.call(sent, DERIVED_KEY)) {
    // Said once, saying why (rather than "not a field of the form").
    issues = issues.filter((i) => i.pointer !== `/data/${DERIVED_KEY}`);
    issues.push({
      pointer: `/data/${DERIVED_KEY}`,
      code: 'reserved-field',
      message: {
        vi: `Trường "${DERIVED_KEY}" do hệ thống tính, không được gửi kèm tờ khai`,
        en: `The field "${DERIVED_KEY}" is computed by the system and cannot be sent with the form`,
      },
    });
  }
  // Conditions (agency, documents) see the derived values; the form schema sees the data as sent.
  const data =
    options.submittedAt === undefined ? submission.data : withDerived(procedure, submission.data, options.submittedAt);
  if (options.directory) {
    const agency = receivingAgencyOf(
      procedure,
      { ...submission, data },
      evaluator,
      options.directory,
      options.receiving,
    );
    // A field that names the agency may already be reported as a data issue.
    if (!agency.ok && !issues.some((i) => i.pointer === agency.issue.pointer)) issues.push(agency.issue);
  }
  issues.push(...checkDocuments(procedure, data, evaluator, submission.documents, options.channel));
  return issues;
}

/** The agency that receives the submission, as `checkSubmission` resolves it. */
export function receivingAgencyOf(
  procedure: Procedure,
  submission: Pick<SubmissionToCheck, 'data' | 'agency'>,
  evaluator: SchemaEvaluator,
  directory: AgencyDirectory,
  receiving: Procedure['receiving'] = procedure.receiving,
): AgencyResolution {
  return resolveReceivingAgency({ receiving }, submission.data, evaluator, directory, submission.agency);
}
