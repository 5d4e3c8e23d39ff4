import type {
  Contract,
  DossierChange,
  QueryOf,
  ResponseOf,
  ActionOutcome,
  ActionRequest,
  ArtefactView,
  CaseView,
  DossierView,
  PaymentView,
  PublicProcedure,
  PublicProcedureSummary,
  SessionView,
  SlipKind,
  StaffPreferences,
  SubmissionResponse,
} from '@motcua/api';
import type { Client } from '@motcua/api/client';

/** What a counter intake sends besides its files. */
export interface CounterSubmission {
  version: number;
  agency?: string;
  channel: 'direct' | 'postal';
  data: Record<string, unknown>;
}

/** The inbox's filters: the query of the agency inbox route. */
export type InboxFilter = QueryOf<Contract['getInbox']>;

/** The oversight dashboard's filters and numbers (getOversightDashboard). */
export type OversightQuery = QueryOf<Contract['getOversightDashboard']>;
export type OversightDashboard = ResponseOf<Contract['getOversightDashboard']>;
/** The dossiers behind one of its numbers (getOversightDossiers). */
export type OversightDossiersQuery = QueryOf<Contract['getOversightDossiers']>;
export type Bieu06Query = QueryOf<Contract['getBieu06Report']>;
export type Bieu06Report = ResponseOf<Contract['getBieu06Report']>;
export type ReportFormat = 'csv' | 'xlsx' | 'pdf';
export interface AgencyEntry {
  code: string;
  name: { vi: string; en?: string };
  kind: string;
  /** The kind's name in the province's list of agency kinds (its level). */
  kindTitle: { vi: string; en?: string };
  parent: string | null;
}

/** The agency's queues grouped by stage, each with its count (getInboxQueues). */
export type InboxQueues = ResponseOf<Contract['getInboxQueues']>;
export type QueueScope = 'personal' | 'unit';

export interface InboxPage {
  items: CaseView[];
  nextCursor: string | null;
}

export interface AllowedAction {
  kind: string;
  label: { vi: string; en: string };
  agency: string;
}

export interface DossierEvent {
  seq: number;
  kind: string;
  at: string;
  event: Record<string, unknown>;
}

export interface Handler {
  id: string;
  fullName: string;
  role: string;
}

/** Something changed at an agency: the change as the stream told it, or none (reload what is shown). */
export interface LiveChange {
  agency: string;
  change?: DossierChange;
}

/**
 * Everything the staff workspace reads and changes, in one interface: the screens depend on this,
 * never on routes, so that a new server capability (a queue-count route, a live event stream) is
 * wired in one file (client-data.ts).
 */
export interface StaffData {
  /** The signed-in typed client itself, for screens written against the contract (administration). */
  readonly client: Client;
  session(): Promise<SessionView>;
  login(username: string, password: string): Promise<SessionView>;
  logout(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** The signed-in person's saved inbox filters and columns (asked once per sign-in, then kept). */
  preferences(): Promise<StaffPreferences>;
  /** Replaces them whole; resolves with what the server stored. */
  savePreferences(preferences: StaffPreferences): Promise<StaffPreferences>;
  /** Called when a call finds the session ended; returns the unsubscribe. */
  onSessionExpired(listener: () => void): () => void;

  inbox(agency: string, filter: InboxFilter, signal?: AbortSignal): Promise<InboxPage>;
  /** Every queue with its count now, in the scope asked. */
  queues(agency: string, scope: QueueScope, signal?: AbortSignal): Promise<InboxQueues>;
  /** The address of the CSV export of a view (the filters without paging), for a download link. */
  exportUrl(agency: string, filter: InboxFilter): string;
  /** Changes made at the agency, by anyone, as they happen; returns the unsubscribe. */
  watch(agency: string, onChange: (change: LiveChange) => void): () => void;

  /** The oversight dashboard of an agency's subtree. */
  oversight(agency: string, query: OversightQuery, signal?: AbortSignal): Promise<OversightDashboard>;
  /** A page of the dossiers behind one dashboard number (read only). */
  oversightDossiers(agency: string, query: OversightDossiersQuery, signal?: AbortSignal): Promise<InboxPage>;
  bieu06(agency: string, query: Bieu06Query, signal?: AbortSignal): Promise<Bieu06Report>;
  /** The address of Biểu 06 as a file, for a download link. */
  bieu06Url(agency: string, query: Bieu06Query, format: ReportFormat): string;
  /** The active agencies of an agency's subtree (the public directory), itself first. */
  agenciesWithin(agency: string): Promise<AgencyEntry[]>;

  dossier(code: string): Promise<DossierView>;
  events(code: string): Promise<DossierEvent[]>;
  slips(code: string): Promise<ArtefactView[]>;
  /** The dossier's online payments, oldest first. */
  payments(code: string): Promise<PaymentView[]>;
  actions(code: string): Promise<{ dossier: CaseView; actions: AllowedAction[] }>;
  act(code: string, action: ActionRequest, files?: Record<string, Blob[]>): Promise<ActionOutcome>;
  /** A receipt given the tracking secret prints it with a QR code that opens tracking. */
  issueSlip(code: string, kind: SlipKind, eventSeq?: number, trackingSecret?: string): Promise<ArtefactView[]>;
  /** The address of a dossier's file, for a viewer in a sandboxed frame. */
  fileUrl(code: string, fileId: string): string;
  /** The address of an issued slip or result document. */
  slipUrl(code: string, fileId: string): string;
  handlers(agency: string, role?: 'specialist' | 'leader' | 'reception'): Promise<Handler[]>;

  procedures(): Promise<PublicProcedureSummary[]>;
  /** Counter (or postal) intake by reception: accepted at once; retried with the same key, answered once. */
  counterSubmit(
    agency: string,
    procedure: string,
    submission: CounterSubmission,
    files: { document: string; file: Blob }[],
    idempotencyKey: string,
  ): Promise<SubmissionResponse>;
  /** A published procedure version with what a form needs (the form, agencies, calendars). */
  procedureVersion(code: string, version?: number): Promise<PublicProcedure>;
  /** The precompiled validators of a version (its module, from the address the version gives). */
  validators(url: string): Promise<Record<string, unknown>>;
}
