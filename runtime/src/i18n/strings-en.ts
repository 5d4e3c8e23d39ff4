import type { ReceiptWordKey } from './strings-receipt.ts';
import type { ArrayWordKey } from './strings-array.ts';
import type { WizardWordKey } from './strings-wizard.ts';
import type { ChoiceWordKey } from './strings-choice.ts';
import type { ListWordKey } from './strings-list.ts';

/**
 * The form's words in English (strings.ts has them in Vietnamese): a chunk of its own, which
 * strings.ts loads and joins to the table for the first element a page shows with lang="en", so
 * that Vietnamese pages never download it.
 */
export const WORDS_EN = {
  // form and renderers
  required: 'required',
  errorSummaryTitle: 'There are {count} problems to fix before continuing',
  errorSummaryTitleOne: 'There is 1 problem to fix before continuing',
  errorAtForm: 'Form',
  unsupported: 'This part of the form cannot be displayed ({what}). Please contact the receiving agency.',
  validationUnavailable:
    'The form data cannot be checked: the checks do not match this procedure version. Please reload the page.',
  trackUnavailable: 'Dossier lookup could not be loaded. Check your connection and reload the page.',
  partUnavailable: 'This part of the form could not be loaded. Check your connection and reload the page.',
  ruleError: 'The display condition of this part could not be evaluated.',
  rulesUnavailable:
    'The display conditions could not be loaded: the parts of the form that have one cannot be shown. Check your connection and reload the page.',
  objectOpen: 'Fill in {label}',
  selectPlaceholder: '— Select —',
  arrayRemove: 'Remove',
  // network and server
  retry: 'Try again',
  loading: 'Loading the procedure…',
  loadFailed: 'The procedure could not be loaded.',
  procedureCode: 'Procedure code',
  procedureField: 'Field',
  // receiving agency
  agencyTitle: 'Where to file',
  agencyLabel: 'Receiving agency',
  agencyHint: 'You may file with any agency in the list, wherever you live.',
  agencyFixed: 'The dossier is received by: {name}',
  // documents
  documentsTitle: 'Documents to provide',
  documentsIntro: 'This list follows what you entered above.',
  documentsNone: 'Your case needs no documents.',
  documentsNotNeeded: 'Not needed in your case ({count})',
  documentsToShow: 'Documents to show (for checking only, not uploaded)',
  documentRequired: 'Required',
  documentOptional: 'Optional',
  documentLimits: 'Accepted: {types}; each file at most {size}; at most {max} files.',
  documentPaper: 'Bring when collecting the result: {list}.',
  documentOriginals: '{n} original(s)',
  documentCopies: '{n} copy(ies)',
  chooseFiles: 'Choose files for: {title}',
  chooseFilesButton: 'Choose files',
  removeFile: 'Remove file {name}',
  fileSent: 'uploaded',
  fileSending: 'uploading',
  fileWaiting: 'waiting',
  // fees and appointment
  feesTitle: 'Fees and charges',
  feesNone: 'No fees or charges.',
  feesTotal: 'Total',
  feesBefore: 'Paid before the dossier is accepted.',
  feesAfter: 'Paid when collecting the result.',
  feesUnknown: 'Fees cannot be computed yet: {reason}',
  appointmentTitle: 'Expected result date',
  appointmentNote: 'If the dossier is valid and accepted right now; the official date is on the receipt.',
  appointmentUnknown: 'Known once the receiving agency is chosen.',
  notifyTitle: 'Be notified about the dossier (receipt, supplement requests, result)',
  notifyEmail: 'By e-mail, at the address in your answers',
  notifySms: 'By SMS, at the phone number in your answers',
  // drafts
  draftConsent: 'Keep a draft in this browser to continue later',
  draftHint:
    'The draft stays on this device only, is never sent, and is deleted when you submit or untick. Attached files are not kept. Do not tick on a shared computer.',
  draftRestored: 'Your draft saved at {at} was restored.',
  draftOtherVersion: 'The procedure changed since the draft was saved; please check your answers.',
  draftDiscard: 'Discard the draft and start again',
  draftUnavailable: 'This browser does not allow keeping a draft.',
  // submission
  submit: 'Submit',
  submitting: 'Sending the dossier…',
  uploadProgress: '{percent}% sent',
  submitSummary: 'The dossier was not sent. {count} problem(s) to fix:',
  submitFailed: 'The dossier was not sent.',
  retryKeeps: 'Everything you entered is kept. Press "Try again" to resend; the dossier will not be filed twice.',
  submitAsNew: 'File as a new dossier',
  receiptCode: 'Dossier code',
  receiptSecret: 'Tracking secret',
  receiptPartial:
    'The dossier was filed, but the full receipt could not be loaded. Write down the dossier code and the tracking secret: both are needed to look it up.',
  kioskReset: 'This screen clears itself after {seconds} seconds without activity.',
} satisfies Record<string, string>;

/** The receipt's words in English (strings-receipt.ts has them in Vietnamese, in the receipt's chunk). */
export const RECEIPT_WORDS_EN = {
  receiptTitle: 'Your dossier was submitted',
  receiptSecretNote:
    'Write down the dossier code and the tracking secret: both are needed to look up, supplement or withdraw the dossier. Do not share the secret.',
  receiptStatus: 'Status',
  receiptAgency: 'Receiving agency',
  receiptDue: 'Result date',
  receiptExpected: 'Expected result date',
  receiptFees: 'Fees and charges',
  receiptProcedure: 'Procedure',
  receiptSubmittedAt: 'Submitted at',
  print: 'Print the receipt',
  copySecret: 'Copy the tracking secret',
  copied: 'Copied',
  newDossier: 'File another dossier',
  printHeading: 'RECEIPT OF AN ONLINE SUBMISSION',
} satisfies Record<ReceiptWordKey, string>;

/** The words of the array views and the wizard in English (their Vietnamese is in their chunks). */
export const ARRAY_WORDS_EN = {
  arrayAdd: 'Add {label}',
  arrayItem: '{label} no. {n}',
  arrayRemoveLabel: 'Remove {item}',
  arrayUp: 'Up',
  arrayUpLabel: 'Move {item} up',
  arrayDown: 'Down',
  arrayDownLabel: 'Move {item} down',
  arrayEmpty: 'No items yet.',
  arrayDefaultItem: 'Item',
} satisfies Record<ArrayWordKey, string>;
export const WIZARD_WORDS_EN = {
  wizardSteps: 'Steps',
  wizardProgress: 'Step {n} of {count}',
  wizardBack: 'Back',
  wizardNext: 'Next',
  wizardDone: 'done',
  wizardAttention: 'has problems to fix',
} satisfies Record<WizardWordKey, string>;

/** The words of the alternatives' views in English (their Vietnamese is in their chunk). */
export const CHOICE_WORDS_EN = {
  choiceLabel: 'Choose the case',
  choiceAlternative: 'Case {n}',
  choiceKept: 'What you filled in for another case is kept if you choose that case again.',
} satisfies Record<ChoiceWordKey, string>;

/** The words of the list with detail in English (their Vietnamese is in its chunk). */
export const LIST_WORDS_EN = {
  listAdd: 'Add {label}',
  listItem: '{label} no. {n}',
  listItems: 'List of {label}',
  listShow: 'Show {item}',
  listUpLabel: 'Move {item} up',
  listDownLabel: 'Move {item} down',
  listRemoveLabel: 'Remove {item}',
  listEmpty: 'No items yet.',
  listDefaultItem: 'Item',
} satisfies Record<ListWordKey, string>;
