import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { ACTION_KINDS, ACTION_PARAMS, ROLE_NAMES, type ActionKind } from '@motcua/core';
import { AgencyCode, DossierCode, Items, Message, Nullable, StoredText, Uuid, errorBody } from './common.ts';
import { ArtefactView } from './slips.ts';
import { SupplementItem } from './tracking.ts';
import { defineRoute } from './route.ts';

const NullableString = Nullable(Type.String());

/** What staff see of a dossier in a work queue and after an action (no form data, no files). */
export const CaseView = Type.Object({
  code: Type.String(),
  procedure: Type.Object({ code: Type.String(), version: Type.Integer(), title: StoredText }),
  field: Type.String(),
  channel: Type.String(),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  statusLabel: Message,
  closed: Type.Boolean(),
  overdue: Type.Boolean({ description: 'Derived now from the due instant (core\u2019s isOverdue), never stored' }),
  supplementExpired: Type.Boolean({
    description: 'The applicant\u2019s time limit for a requested supplement has passed',
  }),
  receivingAgency: Type.String(),
  responsibleAgency: NullableString,
  location: Type.Object({
    agency: Type.String(),
    agencyName: StoredText,
    step: NullableString,
    stepTitle: Nullable(StoredText),
    role: Type.String(),
    assignee: NullableString,
    assigneeName: NullableString,
  }),
  submittedAt: Type.String(),
  acceptedAt: NullableString,
  dueAt: Nullable(Type.String(), { description: 'The appointment; moved only by pause and extension events' }),
  stepDueAt: NullableString,
  pausedSince: NullableString,
  applicant: Type.Object({
    kind: Type.String(),
    name: Type.String(),
    idNumber: NullableString,
    phone: NullableString,
  }),
  lastEventAt: Type.String(),
  payment: Nullable(
    Type.Object({
      amount: Type.Integer(),
      description: NullableString,
      requestedAt: Type.String(),
      paidAt: NullableString,
    }),
    { description: 'The payment requested, if any' },
  ),
  supplement: Nullable(
    Type.Object({
      requestedAt: Type.String(),
      dueBy: Type.String(),
      provided: Type.Boolean(),
      items: Type.Array(SupplementItem),
      requestCount: Type.Integer({
        minimum: 1,
        description: 'How many supplement requests the dossier received; more than one counts as late',
      }),
      repeatReason: Nullable(Type.String(), { description: 'Why the dossier was asked again (a repeat request)' }),
    }),
    { description: 'The supplement requested, if any' },
  ),
  withdrawalRequested: Type.Boolean(),
  lockVersion: Type.Integer({
    description: 'Send it back with an action: a change by someone else meanwhile gives 409',
  }),
  eventCount: Type.Integer(),
});
export type CaseView = Static<typeof CaseView>;

/** The action kinds staff send (submission has its own routes: intake). */
export type StaffActionKind = Exclude<ActionKind, 'submit'>;
export const STAFF_ACTION_KINDS = ACTION_KINDS.filter((k): k is StaffActionKind => k !== 'submit');

type ParamsOf<K extends StaffActionKind> = Static<(typeof ACTION_PARAMS)[K]>;

/** What every action carries besides its kind and parameters. */
const envelope = {
  comment: Type.Optional(Type.String({ maxLength: 4000 })),
  attachments: Type.Optional(
    Type.Array(Uuid, {
      maxItems: 200,
      uniqueItems: true,
      description: 'Files already linked to this dossier that the action refers to',
    }),
  ),
  lockVersion: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: 'The version of the dossier you acted upon (from its view); another change meanwhile gives 409',
    }),
  ),
  asAgency: Type.Optional(AgencyCode),
};
type Envelope = Static<TObject<typeof envelope>>;

/** One action: its kind, its own parameters (required when the kind has required ones) and the envelope. */
export type ActionRequest = {
  [K in StaffActionKind]: { kind: K } & ({} extends ParamsOf<K> ? { params?: ParamsOf<K> } : { params: ParamsOf<K> }) &
    Envelope;
}[StaffActionKind];

function actionSchema(kind: StaffActionKind): TSchema {
  const params = ACTION_PARAMS[kind] as TSchema & { required?: string[]; title?: string; description?: string };
  return Type.Object(
    {
      kind: Type.Literal(kind),
      params: params.required?.length ? params : Type.Optional(params),
      ...envelope,
    },
    {
      additionalProperties: false,
      ...(params.title ? { title: `${kind}: ${params.title}` } : { title: kind }),
    },
  );
}

/**
 * One action on a dossier, one schema per kind (core's ACTION_PARAMS give the parameters), told
 * apart by `kind`. Instants inside parameters are epoch milliseconds.
 */
export const ActionRequestSchema = Type.Unsafe<ActionRequest>({
  // Said outright: ajv's discriminator lets a body that is not an object (null) through.
  type: 'object',
  required: ['kind'],
  oneOf: STAFF_ACTION_KINDS.map(actionSchema),
  discriminator: { propertyName: 'kind' },
  description: 'One action (core\u2019s action kinds; GET …/actions says what you may do now)',
});

export const ActionOutcome = Type.Object({
  recorded: Type.Boolean({
    description: 'False when the action repeated one already recorded (same external or payment reference)',
  }),
  events: Type.Array(Type.Integer(), { description: 'Sequence numbers of the events appended' }),
  dossier: CaseView,
  slips: Type.Array(ArtefactView, { description: 'Slips issued for the new events (HTML and PDF)' }),
});
export type ActionOutcome = Static<typeof ActionOutcome>;

/** A refused action in the dossier's current state carries the dossier as it is now. */
export const ActionConflict = errorBody({
  current: Nullable(CaseView, { description: 'The dossier now, to show and decide again' }),
  heldBy: Type.Optional(
    Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()) }), {
      description: 'Who holds the dossier now (its assignee), when someone does',
    }),
  ),
  lastChange: Type.Optional(
    Nullable(
      Type.Object({
        kind: Type.String({ description: 'The last event\u2019s kind (claim, forward…)' }),
        by: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) }),
        at: Type.String({ format: 'date-time' }),
      }),
      { description: 'The last change of the dossier: who did what, when' },
    ),
  ),
});

const actionErrors = {
  400: { description: 'Malformed action or parameters (issues point into the action)' },
  403: { description: 'Not yours to do (core names who may)' },
  404: { description: 'No such dossier' },
  409: {
    description:
      'Not possible in the dossier\u2019s current state, or changed meanwhile: `current` holds the dossier now',
    json: ActionConflict,
  },
  422: { description: 'Well-formed but not acceptable (e.g. an appointment before the current one)' },
} as const;

const dossierParams = Type.Object({ dossierCode: DossierCode });

export const AllowedAction = Type.Object({
  kind: Type.String(),
  label: Message,
  agency: Type.String({ description: 'The agency the caller acts at for it' }),
});

export const listDossierActions = defineRoute({
  method: 'get',
  path: '/api/v1/dossiers/{dossierCode}/actions',
  operationId: 'listDossierActions',
  summary: 'Thao tác được phép / What I may do with a dossier now',
  description:
    'The dossier\u2019s case view and the actions core\u2019s workflow allows the caller now (status, step, role, agency, assignee).',
  tags: ['cases'],
  auth: 'staff',
  params: dossierParams,
  responses: {
    200: {
      description: 'The case view and the allowed actions',
      json: Type.Object({ dossier: CaseView, actions: Type.Array(AllowedAction) }),
    },
  },
});

export const performDossierAction = defineRoute({
  method: 'post',
  path: '/api/v1/dossiers/{dossierCode}/actions',
  operationId: 'performDossierAction',
  summary: 'Thực hiện thao tác / Act on a dossier',
  description:
    'Executes one action through core\u2019s workflow and records it as an immutable event (actor, time, comment, attachments). Send `lockVersion` from the view you acted on. Each kind has its own `params` (see the schema of each kind). receive_external is idempotent on `params.ref`, payment_recorded on `params.reference`; approve and deny need a result document: use …/actions/with-files. Slips the event calls for (receipt, supplement request, refusal, apology, stop notice) are issued with it.',
  tags: ['cases'],
  auth: 'staff',
  params: dossierParams,
  body: { json: ActionRequestSchema },
  responses: { 200: { description: 'Recorded (or recognised as a repeat)', json: ActionOutcome }, ...actionErrors },
});

export const performDossierActionWithFiles = defineRoute({
  method: 'post',
  path: '/api/v1/dossiers/{dossierCode}/actions/with-files',
  operationId: 'performDossierActionWithFiles',
  summary: 'Thao tác kèm tệp / Act on a dossier with uploaded files',
  description:
    'multipart/form-data: part `action` (the JSON of …/actions) and file parts `files.<name>`. Files are checked by their bytes and linked in the event\u2019s transaction; a refused action keeps none.',
  tags: ['cases'],
  auth: 'staff',
  params: dossierParams,
  body: {
    multipart: {
      parts: Type.Object({ action: ActionRequestSchema }),
      files: {
        prefix: 'files.',
        name: 'files.<name>',
        description:
          'approve, deny, receive_external: the result documents (PDF, PNG or JPEG; any name, e.g. `files.result`, recorded as the document id). supplement_provided at the counter: the supplied documents, `files.<documentId>`, checked against the procedure. Other kinds: attachments.',
      },
    },
  },
  responses: {
    200: { description: 'Recorded', json: ActionOutcome },
    ...actionErrors,
    413: { description: 'A file is too large' },
    415: { description: 'Not multipart, or a file of the wrong type' },
  },
});

export const AgencyHandler = Type.Object({ id: Uuid, fullName: Type.String(), role: Type.String() });

export const listAgencyHandlers = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/handlers',
  operationId: 'listAgencyHandlers',
  summary: 'Cán bộ xử lý của cơ quan / Who can be assigned at an agency',
  description: 'Active accounts holding `role` at the agency (all case roles when omitted), for assignment.',
  tags: ['cases'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: Type.Object(
    { role: Type.Optional(Type.Union(ROLE_NAMES.map((r) => Type.Literal(r)))) },
    { additionalProperties: false },
  ),
  responses: { 200: { description: 'Accounts', json: Items(AgencyHandler) } },
});
