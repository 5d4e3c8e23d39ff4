import type { Issue, LocalizedText, Message, Procedure } from '@motcua/core';

/** GET /api/v1/public/procedures/{code} (docs/public-api.md). */
export interface ProcedureView {
  code: string;
  version: number;
  publishedAt?: string;
  procedure: Procedure;
  /** Absolute URL of the version's validator module. */
  validators: string;
  agencies: PublicAgency[];
  /** Calendar files by agency code. */
  calendars: Record<string, unknown>;
}

export interface PublicAgency {
  code: string;
  name: LocalizedText;
  kind: string;
  parent?: string | null;
}

/** 201 of POST /api/v1/public/procedures/{code}/dossiers. */
export interface SubmitResponse {
  code: string;
  secret: string;
  status: number;
  statusLabel: LocalizedText;
  fees?: {
    items?: { id?: string; title?: LocalizedText; amount?: number }[];
    total: number;
    collect: 'before' | 'after';
  };
  dueAt: string | null;
  expectedDueAt: string | null;
  agency?: { code: string; name: LocalizedText };
}

/** GET /api/v1/public/dossiers/{code}. */
export interface TrackingView {
  code: string;
  procedure: { code: string; title: LocalizedText };
  status: number;
  statusLabel: LocalizedText;
  submittedAt?: string | null;
  acceptedAt?: string | null;
  dueAt?: string | null;
  timeline: { kind: string; label: LocalizedText; at: string; comment?: string | null }[];
  supplement?: {
    requestedAt: string;
    dueBy?: string | null;
    items: { documentId: string; reason?: string | null; title?: LocalizedText }[];
    provided: boolean;
    comment?: string | null;
  } | null;
  canSupplement: boolean;
  canWithdraw: boolean;
  withdrawalRequested: boolean;
}

/** The error body of every route. */
export interface ErrorBody {
  error: { status: number; code: string; message: Message; issues?: Issue[] };
}
