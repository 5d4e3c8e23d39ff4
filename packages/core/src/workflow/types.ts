import type { Message } from '../i18n/text.ts';
import type { Issue } from '../model/issue.ts';
import type { Deadline, Outcome, Procedure } from '../model/procedure.ts';
import type { SchemaEvaluator } from '../conditions/evaluator.ts';
import type { ActionKind } from '../vocabulary/actions.ts';
import type { Channel } from '../vocabulary/channels.ts';
import type { Role } from '../vocabulary/roles.ts';
import type { StatusCode } from '../vocabulary/statuses.ts';
import type { Calendar } from '../working-time/calendar-schema.ts';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { ActionParamsMap, Actor, SupplementItem } from './action-schema.ts';

export type { Actor, ActorKind, SupplementItem, ActionParamsMap } from './action-schema.ts';

/** The role that acts at a location: a workflow step's role, or reception at the counter. */
export type StepRole = 'reception' | 'specialist' | 'leader';

interface ActionBase {
  actor: Actor;
  /** When it happens (epoch ms). Never before the dossier's last event. */
  at: number;
  comment?: string;
  /** File ids: result documents (approve/deny), supplied files (supplement_provided)… */
  attachments?: string[];
}

type ParamsField<K extends ActionKind> = {} extends ActionParamsMap[K]
  ? { params?: ActionParamsMap[K] }
  : { params: ActionParamsMap[K] };

/** An action someone takes on a dossier; `params` depend on the kind (see ACTION_PARAMS). */
export type Action = { [K in ActionKind]: ActionBase & { kind: K } & ParamsField<K> }[ActionKind];
export type ActionOf<K extends ActionKind> = Extract<Action, { kind: K }>;

/** Where a dossier is: an agency, a workflow step (null: the agency's reception counter), the role that acts. */
export interface Location {
  agency: string;
  step: string | null;
  role: StepRole;
  assignee?: string;
  assigneeName?: string;
}

/** One hand-over between steps or agencies (a row of the control slip, phiếu kiểm soát). */
export interface Handover {
  from: { agency: string; step: string | null };
  to: { agency: string; step: string | null };
  at: number;
  /** Who handed over. */
  by: { id?: string; name?: string };
  /** The due time of the step handed over from (its budget), null when it has none. */
  stepDueAt: number | null;
  /** On time when handed over no later than `stepDueAt`; null when there is no step due time. */
  onTime: boolean | null;
  /** Liên thông: the dossier moves to another agency. */
  interAgency: boolean;
}

/** A closed or open interval during which the deadline clock did not run. */
export interface Pause {
  reason: 'supplement' | 'payment';
  from: number;
  /** Null while the pause lasts. */
  to: number | null;
}

export interface DueChange {
  /** When the change took effect (the event's instant). */
  at: number;
  dueAt: number;
  cause: 'accept' | 'supplement' | 'payment' | 'extend';
  seq: number;
  /**
   * After an apology, a pause's end moves the report's due instant (which ignores the apology) as
   * well as the appointment: the former, when it differs from `dueAt`.
   */
  reportDueAt?: number;
}

export interface SupplementRequest {
  requestedAt: number;
  dueBy: number;
  items: SupplementItem[];
  /** False for a request before acceptance (no clock yet). */
  pausesClock: boolean;
  /** The status the dossier goes back to when the supplement is accepted. */
  returnTo: StatusCode;
  provided: boolean;
  providedAt: number | null;
  files: string[];
  /** Why the dossier is asked again (present only on a second or later request). */
  repeatReason?: string;
}

export interface PaymentRequest {
  requestedAt: number;
  amount: number;
  description: string | null;
  /** The online pre-payment before acceptance (fees collected `before`). */
  preAcceptance: boolean;
  returnTo: StatusCode;
  paidAt: number | null;
  paidAmount: number | null;
  reference: string | null;
}

export interface ExternalExchange {
  system: string;
  step: string;
  ref: string;
  sentAt: number;
  receivedAt: number | null;
  result: Record<string, unknown> | null;
}

export interface Extension {
  at: number;
  reason: string;
  previousDueAt: number;
  dueAt: number;
  by: { id?: string; name?: string };
}

/**
 * Everything derived from a dossier's events. Plain JSON (arrays, numbers, strings), so that a
 * host can store it as a snapshot. `closed` is true once nothing may leave the status (3, 7, 10,
 * and 8 once the stop notice is handed over). Overdue and "supplement time limit passed" are never
 * stored: ask `isOverdue` / `supplementExpired` at read time.
 */
export interface DossierState {
  status: StatusCode;
  closed: boolean;
  channel: Channel;
  submittedAt: number;
  receivingAgency: string;
  /** The agency answerable for the result (Biểu 06), set at acceptance. */
  responsibleAgency: string | null;
  /** The responsible agency's zone, for report days. */
  timeZone: string | null;
  fees: { owed: number; collect: 'before' | 'after'; paidAtCounter: boolean };
  location: Location;
  stepEnteredAt: number | null;
  stepDueAt: number | null;
  acceptedAt: number | null;
  deadline: Deadline | null;
  dueAt: number | null;
  dueHistory: DueChange[];
  pauses: Pause[];
  supplement: SupplementRequest | null;
  /**
   * How many supplement requests the dossier received (absent before the first). A dossier is
   * asked once; the national index (Decision 766/QĐ-TTg) counts one asked more than once as late.
   */
  supplementRequests?: number;
  payment: PaymentRequest | null;
  paidReferences: string[];
  outcome: Outcome | null;
  resultDocuments: string[];
  resolvedAt: number | null;
  returnedAt: number | null;
  stoppedAt: number | null;
  stopReason: string | null;
  refusedAt: number | null;
  refusalReasons: string[];
  withdrawnAt: number | null;
  withdrawalRequest: { at: number; reason: string | null } | null;
  external: ExternalExchange | null;
  /** External references already received (receive_external is idempotent on them). */
  externalReceived: string[];
  extensions: Extension[];
  handovers: Handover[];
  eventCount: number;
  lastEventAt: number;
}

/** What acceptance fixes: the due instant, the responsible agency, the first step. */
export interface AcceptanceFacts {
  dueAt: number;
  deadline: Deadline;
  responsibleAgency: string;
  timeZone: string;
  location: Location;
  stepDueAt: number | null;
  handover: Handover;
}

/** A pause that ended, and the due instants it moved. */
export interface Resumption {
  returnTo: StatusCode;
  pause: { from: number; to: number } | null;
  dueAt: number | null;
  /** The report's due instant moved by the same pause, when an apology made it differ from `dueAt`. */
  reportDueAt?: number;
  stepDueAt: number | null;
}

export interface Move {
  handover: Handover;
  location: Location;
  stepDueAt: number | null;
}

export interface Finish {
  outcome: Outcome;
  resultDocuments: string[];
  handover: Handover;
  location: Location;
}

/** The resolved facts each event carries, so that `evolve` needs no procedure, calendar or agency tree. */
export interface EventDataMap {
  submit: {
    channel: Channel;
    receivingAgency: string;
    feesOwed: number;
    feesCollect: 'before' | 'after';
    /** Online, fees collected before, something owed: status 6 until paid. */
    awaitingPayment: boolean;
    /** Counter intake is accepted at once. */
    acceptance: AcceptanceFacts | null;
  };
  accept: AcceptanceFacts;
  refuse: { reasons: string[] };
  request_supplement: {
    items: SupplementItem[];
    dueBy: number;
    pausesClock: boolean;
    returnTo: StatusCode;
    renewed: boolean;
    /** Present only on a second or later request: why it is asked again. */
    repeatReason?: string;
  };
  /**
   * The pause ends here, when the applicant submits (Decision 766/QĐ-TTg index 2.1: the pause is
   * submitted − requested). Absent in logs written before that rule: their pause ended at
   * accept_supplement.
   */
  supplement_provided: { files: string[] } & Partial<Omit<Resumption, 'returnTo'>>;
  accept_supplement: Resumption;
  request_payment: { amount: number; description: string | null; returnTo: StatusCode };
  payment_recorded: Resumption & {
    amount: number;
    reference: string | null;
    method: string | null;
    preAcceptance: boolean;
  };
  claim: { assignee: string; assigneeName: string | null };
  assign: { assignee: string; assigneeName: string | null };
  forward: Move;
  send_external: { system: string; step: string; ref: string };
  receive_external: {
    system: string;
    ref: string;
    result: Record<string, unknown> | null;
    move: Move | null;
    finish: Finish | null;
  };
  approve: Finish;
  deny: Finish;
  return_result: { closes: 'returned' | 'stop-notice' };
  stop: { reason: string; pauseEnded: { from: number; to: number } | null; back: Move | null };
  request_withdrawal: { reason: string | null };
  withdraw: { reason: string | null; onRequest: boolean; pauseEnded: { from: number; to: number } | null };
  extend: { reason: string; previousDueAt: number; dueAt: number };
}

interface EventBase {
  /** 1, 2, 3… within the dossier. */
  seq: number;
  at: number;
  actor: Actor;
  comment?: string;
  attachments?: string[];
  fromStatus: StatusCode | null;
  toStatus: StatusCode;
}

/** One immutable event of a dossier's log. */
export type DossierEvent = { [K in ActionKind]: EventBase & { kind: K; data: EventDataMap[K] } }[ActionKind];
export type EventOf<K extends ActionKind> = Extract<DossierEvent, { kind: K }>;

export interface WorkflowContext {
  /** The procedure version the dossier is pinned to. */
  procedure: Procedure;
  /** The applicant's data, as conditions see it: with the derived values (`withDerived`) when the procedure has any. */
  data: unknown;
  evaluator: SchemaEvaluator;
  directory: AgencyDirectory;
  calendarOf(agencyCode: string): Calendar;
}

export interface Refusal {
  code: string;
  message: Message;
  httpStatus: 400 | 403 | 409 | 422;
  /** The dossier's status when refused (409s say it in the message too). */
  status?: StatusCode | null;
  /** Problems with the action's input, each with a JSON pointer into the action. */
  issues?: Issue[];
}

export type Decision = { ok: true; events: DossierEvent[]; state: DossierState } | { ok: false; refusal: Refusal };

export type { Role };
